package app.cairn.community;

import static app.cairn.community.CommunityTesting.community;
import static app.cairn.community.CommunityTesting.createCommunity;
import static app.cairn.community.CommunityTesting.join;
import static app.cairn.community.CommunityTesting.organiser;
import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommunityHttpIT {

    private static Map<String, String> profile(String name, String colour) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", "Leaders from health and social care across Tayside.");
        fields.put("contactEmail", "hello@tayside.example.org");
        fields.put("logoText", "TLN");
        fields.put("brandColour", colour);
        fields.put("privacyNotice", "We keep your name and organisation for one year.");
        return fields;
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void an_organiser_creates_a_community_and_becomes_its_owner(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            assertThat(aileen.get("/communities").body()).contains("You are not in a community yet")
                    .contains("href=\"/communities/new\"");

            var r = aileen.post("/communities/new", Map.of("name", "Tayside Leaders' Network",
                    "description", "Leaders from health and social care.", "contactEmail", "hello@tayside.example.org",
                    "logoText", "TLN"));
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.location()).isEqualTo("/c/tayside-leaders-network");

            var page = aileen.get("/c/tayside-leaders-network");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Community created. You are its owner.")
                    .contains("Tayside Leaders' Network").contains("Leaders from health and social care.")
                    .contains("<h2 class=\"govuk-heading-m\" id=\"conversations\">Conversations</h2>")
                    .contains("href=\"/c/tayside-leaders-network/events/new\"").contains("Plan a conversation")
                    .contains("Aileen Grant (you)").contains("href=\"/c/tayside-leaders-network/edit\"");
            assertThat(aileen.get("/communities").body()).contains("Tayside Leaders' Network")
                    .contains("Your role: <strong>Owner</strong>");

            // A second community with the same name gets its own web address.
            assertThat(createCommunity(aileen, "Tayside Leaders' Network")).isEqualTo("tayside-leaders-network-2");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void creating_with_bad_input_says_what_to_fix_and_keeps_what_was_typed(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            var r = aileen.post("/communities/new", Map.of("name", "", "description", "For <b>everyone</b>",
                    "contactEmail", "hello-at-example", "logoText", "A logo text that is far too long to fit anywhere"));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).contains("There is a problem").contains("href=\"#name\"")
                    .contains("Enter the community's name")
                    .contains("Enter a contact email address in the correct format, like name@example.org")
                    .contains("Logo text must be 40 characters or fewer")
                    .contains("value=\"hello-at-example\"").contains("For &lt;b&gt;everyone&lt;/b&gt;")
                    .doesNotContain("<b>everyone</b>");
            assertThat(aileen.get("/communities").body()).contains("You are not in a community yet");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void editing_saves_the_details_and_keeps_the_web_address(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");
            assertThat(aileen.get("/c/" + slug + "/edit").body()).contains("value=\"Tayside Leaders\"")
                    .contains("value=\"#22413a\"").contains("enctype=\"multipart/form-data\"");

            var r = aileen.postMultipart("/c/" + slug + "/edit", profile("Tayside Leaders' Network", "#1D4F91"),
                    "logo", "", "application/octet-stream", new byte[0]);
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.location()).isEqualTo("/c/" + slug);

            Community c = community(server, slug);
            assertThat(c.name()).isEqualTo("Tayside Leaders' Network");
            assertThat(c.slug()).isEqualTo("tayside-leaders");
            assertThat(c.brandColour()).isEqualTo("#1d4f91");
            assertThat(c.contactEmail()).isEqualTo("hello@tayside.example.org");
            assertThat(c.privacyNotice()).isEqualTo("We keep your name and organisation for one year.");
            assertThat(c.hasLogoImage()).isFalse();
            assertThat(aileen.get("/c/" + slug).body()).contains("Community details saved.").contains(">TLN<");
            var css = aileen.get("/c/" + slug + "/brand.css");
            assertThat(css.header("Content-Type")).startsWith("text/css");
            assertThat(css.body()).contains("background-color: #1d4f91");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void editing_with_bad_input_saves_nothing_and_keeps_every_typed_value(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");
            Map<String, String> typed = profile("Renamed Network", "#ffdd00");
            typed.put("contactEmail", "not an email");
            typed.put("privacyNotice", "p".repeat(10_001));

            var r = aileen.postMultipart("/c/" + slug + "/edit", typed, "logo", "logo.svg", "image/svg+xml",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));

            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).contains("There is a problem")
                    .contains("Choose a darker brand colour: white text on #ffdd00 has a contrast of only 1.3:1, "
                            + "and it needs at least 4.5:1 to be easy to read")
                    .contains("SVG files are not accepted because they can contain scripts")
                    .contains("Privacy notice must be 10000 characters or fewer")
                    .contains("Enter a contact email address in the correct format")
                    .contains("value=\"Renamed Network\"").contains("value=\"#ffdd00\"").contains("value=\"TLN\"")
                    .contains("value=\"not an email\"").contains("Leaders from health and social care across Tayside.")
                    .contains("href=\"#brandColour\"").contains("href=\"#logo\"");
            assertThat(r.body().indexOf("href=\"#contactEmail\"")).isLessThan(r.body().indexOf("href=\"#logo\""));
            assertThat(community(server, slug).name()).isEqualTo("Tayside Leaders");
            assertThat(community(server, slug).brandColour()).isEqualTo("#22413a");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_logo_image_is_checked_by_its_content_and_served_as_what_it_is(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");
            byte[] png = LogoImageTest.image("png", 120, 40);

            // A PNG named as a JPEG is still a PNG.
            var r = aileen.postMultipart("/c/" + slug + "/edit", profile("Tayside Leaders", "#22413a"),
                    "logo", "logo.jpg", "image/jpeg", png);
            assertThat(r.status()).isEqualTo(302);
            assertThat(aileen.get("/c/" + slug).body()).contains("src=\"/c/" + slug + "/logo\"");

            var logo = server.http().getBytes("/c/" + slug + "/logo");
            assertThat(logo.statusCode()).isEqualTo(200);
            assertThat(logo.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(logo.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(logo.body()).isEqualTo(png);

            // Text that pretends to be an image is refused, and the saved logo stays.
            var fake = aileen.postMultipart("/c/" + slug + "/edit", profile("Tayside Leaders", "#22413a"),
                    "logo", "logo.png", "image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
            assertThat(fake.status()).isEqualTo(422);
            assertThat(fake.body()).contains("The logo image must be a PNG or JPEG");
            var big = aileen.postMultipart("/c/" + slug + "/edit", profile("Tayside Leaders", "#22413a"),
                    "logo", "big.png", "image/png", new byte[LogoImage.MAX_BYTES + 10]);
            assertThat(big.status()).isEqualTo(422);
            assertThat(big.body()).contains("The logo image must be smaller than 1 MB");
            assertThat(server.http().getBytes("/c/" + slug + "/logo").body()).isEqualTo(png);

            assertThat(aileen.post("/c/" + slug + "/logo/remove", Map.of()).status()).isEqualTo(302);
            assertThat(server.http().get("/c/" + slug + "/logo").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void people_outside_the_community_are_told_it_does_not_exist(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");
            var tom = organiser(server, "Tom Reid", "tom@example.org");

            for (String path : new String[] {"/c/" + slug, "/c/" + slug + "/edit", "/c/" + slug + "/team", "/c/no-such"}) {
                var r = tom.get(path);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.body()).contains("There is no such community.");
            }
            assertThat(tom.post("/c/" + slug + "/edit", profile("Taken over", "#000000")).status()).isEqualTo(404);
            assertThat(tom.post("/c/" + slug + "/team/invite", Map.of("email", "x@example.org", "role", "owner")).status())
                    .isEqualTo(404);
            assertThat(community(server, slug).name()).isEqualTo("Tayside Leaders");

            var signedOut = server.http().get("/c/" + slug);
            assertThat(signedOut.status()).isEqualTo(302);
            assertThat(signedOut.location()).startsWith("/sign-in?next=");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void facilitators_see_the_community_but_cannot_edit_it_or_invite(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");
            var priya = organiser(server, "Priya Shah", "priya@example.org");
            join(server, slug, "aileen@example.org", "priya@example.org", Role.FACILITATOR);
            aileen.post("/c/" + slug + "/team/invite", Map.of("email", "sam@example.org", "role", "organiser"));

            var page = priya.get("/c/" + slug);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Tayside Leaders").contains("Priya Shah (you)").contains("Facilitator")
                    .contains("Conversations").doesNotContain("/events/new").doesNotContain("/edit\"")
                    .doesNotContain("sam@example.org");

            var edit = priya.get("/c/" + slug + "/edit");
            assertThat(edit.status()).isEqualTo(403);
            assertThat(edit.body()).contains("Only a community owner can do this. You are a facilitator.");
            assertThat(priya.get("/c/" + slug + "/team").status()).isEqualTo(403);
            assertThat(priya.post("/c/" + slug + "/team/invite", Map.of("email", "x@example.org", "role", "owner")).status())
                    .isEqualTo(403);
            assertThat(priya.postMultipart("/c/" + slug + "/edit", profile("Taken over", "#000000"), null, null, null, null)
                    .status()).isEqualTo(403);
            assertThat(community(server, slug).name()).isEqualTo("Tayside Leaders");

            // Organisers plan conversations and see who is invited, but do not edit the community either.
            organiser(server, "Tom Reid", "tom@example.org");
            join(server, slug, "aileen@example.org", "tom@example.org", Role.ORGANISER);
            var tom = server.http().signIn("tom@example.org", CommunityTesting.PASSWORD);
            assertThat(tom.get("/c/" + slug).body()).contains("/c/" + slug + "/events/new").contains("sam@example.org");
            assertThat(tom.get("/c/" + slug + "/edit").status()).isEqualTo(403);
        }
    }
}
