package app.cairn.community;

import static app.cairn.community.CommunityTesting.accountId;
import static app.cairn.community.CommunityTesting.community;
import static app.cairn.community.CommunityTesting.join;
import static app.cairn.community.CommunityTesting.lastMailTo;
import static app.cairn.community.CommunityTesting.organiser;
import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommunityApiIT {

    private static JsonNode json(HttpSession.Response r) {
        try {
            return Cairn.json().readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.status() + "): " + r.body(), e);
        }
    }

    /** A separate client that speaks only with this person's API token. */
    private static HttpSession api(TestServer server, String email) {
        return server.http().bearer(server.services().apiTokens().create(accountId(server, email), "test"));
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void communities_are_created_read_and_updated_with_an_api_token(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            organiser(server, "Aileen Grant", "aileen@example.org");
            var api = api(server, "aileen@example.org");

            var created = api.postJson("/api/v1/communities", """
                    {"name": "Tayside Leaders", "description": "Leaders across Tayside", "contactEmail": "hello@tayside.example.org"}""");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("/api/v1/communities/tayside-leaders");
            JsonNode c = json(created);
            assertThat(c.get("slug").asText()).isEqualTo("tayside-leaders");
            assertThat(c.get("role").asText()).isEqualTo("owner");
            assertThat(c.get("brandColour").asText()).isEqualTo("#22413a");
            assertThat(c.get("logoUrl").isNull()).isTrue();

            JsonNode list = json(api.get("/api/v1/communities"));
            assertThat(list.get("communities")).hasSize(1);
            assertThat(list.get("communities").get(0).get("name").asText()).isEqualTo("Tayside Leaders");

            var updated = api.putJson("/api/v1/communities/tayside-leaders", """
                    {"name": "Tayside Leaders' Network", "brandColour": "#1D4F91", "privacyNotice": "We keep names for a year."}""");
            assertThat(updated.status()).isEqualTo(200);
            JsonNode u = json(updated);
            assertThat(u.get("name").asText()).isEqualTo("Tayside Leaders' Network");
            assertThat(u.get("slug").asText()).isEqualTo("tayside-leaders");
            assertThat(u.get("brandColour").asText()).isEqualTo("#1d4f91");
            assertThat(u.get("description").asText()).isEqualTo("Leaders across Tayside");
            assertThat(json(api.get("/api/v1/communities/tayside-leaders")).get("privacyNotice").asText())
                    .isEqualTo("We keep names for a year.");

            byte[] png = LogoImageTest.image("png", 60, 20);
            var logo = api.sendBytes("PUT", "/api/v1/communities/tayside-leaders/logo", "image/png", png);
            assertThat(logo.status()).isEqualTo(200);
            assertThat(json(logo).get("logoUrl").asText()).isEqualTo("/c/tayside-leaders/logo");
            var svg = api.sendBytes("PUT", "/api/v1/communities/tayside-leaders/logo", "image/png",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
            assertThat(svg.status()).isEqualTo(422);
            assertThat(json(svg).at("/error/fields/logo").asText()).contains("SVG files are not accepted");
            assertThat(api.delete("/api/v1/communities/tayside-leaders/logo").status()).isEqualTo(204);
            assertThat(community(server, "tayside-leaders").hasLogoImage()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_api_refuses_bad_input_with_the_same_messages_as_the_pages(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            organiser(server, "Aileen Grant", "aileen@example.org");
            var api = api(server, "aileen@example.org");

            var noName = api.postJson("/api/v1/communities", "{\"name\": \"  \", \"contactEmail\": \"nope\"}");
            assertThat(noName.status()).isEqualTo(422);
            assertThat(json(noName).at("/error/message").asText()).isEqualTo("Enter the community's name");
            assertThat(json(noName).at("/error/fields/contactEmail").asText())
                    .isEqualTo("Enter a contact email address in the correct format, like name@example.org");

            api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}");
            var pale = api.putJson("/api/v1/communities/tayside-leaders", "{\"brandColour\": \"#ffdd00\"}");
            assertThat(pale.status()).isEqualTo(422);
            assertThat(json(pale).at("/error/fields/brandColour").asText()).isEqualTo("Choose a darker brand colour: "
                    + "white text on #ffdd00 has a contrast of only 1.3:1, and it needs at least 4.5:1 to be easy to read");

            var broken = api.postJson("/api/v1/communities", "{\"name\": ");
            assertThat(broken.status()).isEqualTo(400);
            assertThat(json(broken).at("/error/message").asText()).startsWith("The request body is not JSON");
            var unknown = api.postJson("/api/v1/communities", "{\"title\": \"Tayside\"}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(json(unknown).at("/error/message").asText()).contains("title");

            assertThat(server.http().get("/api/v1/communities").status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void owners_manage_the_team_over_the_api_and_others_may_not(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            organiser(server, "Aileen Grant", "aileen@example.org");
            var aileen = api(server, "aileen@example.org");
            aileen.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}");
            String base = "/api/v1/communities/tayside-leaders";

            var invited = aileen.postJson(base + "/invitations", "{\"email\": \"sam@example.org\", \"role\": \"organiser\"}");
            assertThat(invited.status()).isEqualTo(201);
            assertThat(json(invited).get("status").asText()).isEqualTo("pending");
            assertThat(json(invited).has("token")).isFalse();
            assertThat((String) lastMailTo(server, "sam@example.org").get("body_text")).contains("/invitations/");
            assertThat(json(aileen.get(base + "/invitations")).get("invitations")).hasSize(1);
            var badRole = aileen.postJson(base + "/invitations", "{\"email\": \"kim@example.org\", \"role\": \"admin\"}");
            assertThat(badRole.status()).isEqualTo(422);
            assertThat(json(badRole).at("/error/fields/role").asText()).isEqualTo("Choose the role they will have");

            organiser(server, "Priya Shah", "priya@example.org");
            join(server, "tayside-leaders", "aileen@example.org", "priya@example.org", Role.FACILITATOR);
            long priyaId = accountId(server, "priya@example.org");
            long aileenId = accountId(server, "aileen@example.org");
            JsonNode members = json(aileen.get(base + "/members")).get("members");
            assertThat(members).hasSize(2);
            assertThat(members.get(1).get("name").asText()).isEqualTo("Priya Shah");
            assertThat(members.get(1).get("role").asText()).isEqualTo("facilitator");

            // A facilitator reads the community and its team, but changes nothing.
            var priya = api(server, "priya@example.org");
            assertThat(priya.get(base).status()).isEqualTo(200);
            assertThat(priya.get(base + "/members").status()).isEqualTo(200);
            var edit = priya.putJson(base, "{\"name\": \"Taken over\"}");
            assertThat(edit.status()).isEqualTo(403);
            assertThat(json(edit).at("/error/message").asText()).isEqualTo("Only a community owner can do this. You are a facilitator.");
            assertThat(priya.postJson(base + "/invitations", "{\"email\": \"x@example.org\", \"role\": \"owner\"}").status())
                    .isEqualTo(403);
            assertThat(priya.get(base + "/invitations").status()).isEqualTo(403);
            assertThat(priya.delete(base + "/members/" + aileenId).status()).isEqualTo(403);

            // Someone outside the community is told it does not exist.
            organiser(server, "Tom Reid", "tom@example.org");
            var tom = api(server, "tom@example.org");
            assertThat(tom.get(base).status()).isEqualTo(404);
            assertThat(tom.get(base + "/members").status()).isEqualTo(404);
            assertThat(tom.putJson(base, "{\"name\": \"Taken over\"}").status()).isEqualTo(404);

            var lastOwner = aileen.delete(base + "/members/" + aileenId);
            assertThat(lastOwner.status()).isEqualTo(422);
            assertThat(json(lastOwner).at("/error/message").asText()).contains("a community always needs at least one owner");
            var promoted = aileen.putJson(base + "/members/" + priyaId, "{\"role\": \"owner\"}");
            assertThat(promoted.status()).isEqualTo(200);
            assertThat(json(promoted).get("role").asText()).isEqualTo("owner");
            assertThat(aileen.delete(base + "/members/" + priyaId).status()).isEqualTo(204);
            assertThat(json(aileen.get(base + "/members")).get("members")).hasSize(1);
            assertThat(priya.get(base).status()).isEqualTo(404);

            long invitationId = json(aileen.get(base + "/invitations")).get("invitations").get(0).get("id").asLong();
            assertThat(aileen.postJson(base + "/invitations/" + invitationId + "/resend", null).status()).isEqualTo(200);
            assertThat(aileen.delete(base + "/invitations/" + invitationId).status()).isEqualTo(204);
            assertThat(json(aileen.get(base + "/invitations")).get("invitations")).isEmpty();
        }
    }
}
