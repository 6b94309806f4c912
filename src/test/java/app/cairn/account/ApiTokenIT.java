package app.cairn.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApiTokenIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern TOKEN = Pattern.compile("id=\"new-token\"[^>]*>(cairn_[A-Za-z0-9_-]+)<");

    static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_token_made_on_the_page_is_shown_once_works_with_the_api_and_stops_when_revoked(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            var browser = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");

            var made = browser.post("/account/tokens", Map.of("name", "Reporting script"));
            assertThat(made.status()).isEqualTo(200);
            assertThat(made.header("Cache-Control")).isEqualTo("no-store");
            assertThat(made.body()).contains("Your new token ‘Reporting script’").contains("it will not be shown again");
            Matcher m = TOKEN.matcher(made.body());
            assertThat(m.find()).isTrue();
            String token = m.group(1);

            var listed = browser.get("/account/tokens");
            assertThat(listed.body()).contains("Reporting script").contains("Not used yet").doesNotContain(token);

            var api = server.http().bearer(token);
            var me = api.get("/api/v1/me");
            assertThat(me.status()).isEqualTo(200);
            JsonNode body = json(me.body());
            assertThat(body.get("name").asText()).isEqualTo("Aileen Grant");
            assertThat(body.get("email").asText()).isEqualTo("aileen@example.org");
            assertThat(body.get("admin").asBoolean()).isTrue();
            assertThat(body.get("id").asLong()).isPositive();
            assertThat(browser.get("/account/tokens").body()).doesNotContain("Not used yet");

            long id = server.services().apiTokens().list(body.get("id").asLong()).get(0).id();
            var confirm = browser.get("/account/tokens/" + id + "/revoke");
            assertThat(confirm.body()).contains("Revoke the token ‘Reporting script’?").contains("cannot undo this");
            var revoked = browser.post("/account/tokens/" + id + "/revoke", Map.of());
            assertThat(revoked.status()).isEqualTo(302);
            assertThat(browser.get("/account/tokens").body()).contains("is revoked").contains("You have no tokens yet");

            var refused = api.get("/api/v1/me");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(json(refused.body()).at("/error/message").asText()).contains("not valid or has been revoked");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void tokens_can_be_made_listed_and_revoked_through_the_api(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            var browser = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");

            var made = browser.postJson("/api/v1/tokens", "{\"name\": \"Laptop\"}");
            assertThat(made.status()).isEqualTo(201);
            JsonNode created = json(made.body());
            String token = created.get("token").asText();
            assertThat(token).startsWith("cairn_");
            assertThat(created.get("name").asText()).isEqualTo("Laptop");

            var api = server.http().bearer(token);
            var list = json(api.get("/api/v1/tokens").body());
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("name").asText()).isEqualTo("Laptop");
            assertThat(list.get(0).get("lastUsedAt").isNull()).isFalse();
            assertThat(list.toString()).doesNotContain(token);

            var minted = api.postJson("/api/v1/tokens", "{\"name\": \"Another\"}");
            assertThat(minted.status()).isEqualTo(403);
            assertThat(json(minted.body()).at("/error/message").asText()).contains("A token cannot make other tokens");

            assertThat(api.post("/account/tokens", Map.of("name", "Sneaky")).status()).isEqualTo(403);
            assertThat(api.post("/account/password", Map.of("currentPassword", "correct horse battery",
                    "newPassword", "a new and better passphrase")).status()).isEqualTo(403);
            assertThat(server.services().apiTokens().list(json(api.get("/api/v1/me").body()).get("id").asLong())).hasSize(1);

            var unnamed = browser.postJson("/api/v1/tokens", "{\"name\": \"  \"}");
            assertThat(unnamed.status()).isEqualTo(422);
            assertThat(json(unnamed.body()).at("/error/fields/name").asText()).isEqualTo("Enter a name for the token, like 'Reporting script'");
            assertThat(browser.postJson("/api/v1/tokens", "not json").status()).isEqualTo(400);

            assertThat(api.delete("/api/v1/tokens/" + created.get("id").asLong()).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void nobody_can_see_or_revoke_someone_elses_token(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            var tom = server.http().signUp("Tom Reid", "tom@example.org", "another long password");
            JsonNode created = json(aileen.postJson("/api/v1/tokens", "{\"name\": \"Laptop\"}").body());
            long id = created.get("id").asLong();

            assertThat(tom.get("/account/tokens/" + id + "/revoke").status()).isEqualTo(404);
            assertThat(tom.post("/account/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(404);
            assertThat(tom.delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
            assertThat(tom.get("/account/tokens/nonsense/revoke").status()).isEqualTo(404);
            assertThat(server.http().bearer(created.get("token").asText()).get("/api/v1/me").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_token_needs_a_name_of_sensible_length(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var browser = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");

            var empty = browser.post("/account/tokens", Map.of("name", ""));
            assertThat(empty.status()).isEqualTo(422);
            assertThat(empty.body()).contains("There is a problem").contains("Enter a name for the token");

            var tooLong = browser.post("/account/tokens", Map.of("name", "x".repeat(101)));
            assertThat(tooLong.status()).isEqualTo(422);
            assertThat(tooLong.body()).contains("Name must be 100 characters or fewer");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_api_answers_401_without_a_token(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            var r = server.http().bearer("cairn_not-a-real-token").get("/api/v1/me");
            assertThat(r.status()).isEqualTo(401);
            var none = server.http().sendJson("GET", "/api/v1/me", null);
            assertThat(none.status()).isEqualTo(401);
            assertThat(json(none.body()).at("/error/message").asText()).contains("Authorization: Bearer");
        }
    }
}
