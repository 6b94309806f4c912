package app.cairn.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebServerIT {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Database.Vendor.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void health_reports_the_database() {
        var r = server.http().get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"ok\"").contains("\"database\":{\"status\":\"up\",\"vendor\":\"h2\"}");
    }

    @Test
    void every_page_has_the_security_headers() {
        var r = server.http().get("/sign-in");
        assertThat(r.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(r.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void a_form_without_a_csrf_token_is_refused_and_offered_again_with_the_answers_kept() {
        var r = server.http().postRaw("/sign-up", Map.of("name", "Priya Shah", "email", "priya@example.org", "password", "x"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("Send it again").contains("value=\"Priya Shah\"").contains("name=\"_csrf\"")
                .doesNotContain("value=\"x\"");
    }

    @Test
    void pages_give_a_visitor_cookie_and_changes_sent_with_an_api_token_get_none() {
        assertThat(server.http().get("/sign-in").header("Set-Cookie")).contains("cairn_visitor=");
        var api = server.http().bearer("cairn_not_a_real_token").postJson("/api/v1/communities", "{\"name\": \"X\"}");
        assertThat(api.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("cairn_visitor="));
    }

    @Test
    void a_stale_csrf_token_from_another_browser_is_refused() {
        String otherBrowsersToken = server.http().csrf();
        var r = server.http().postRaw("/sign-in",
                Map.of("_csrf", otherBrowsersToken, "email", "a@example.org", "password", "whatever"));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void unknown_pages_get_a_friendly_page_and_the_api_gets_json() {
        var page = server.http().get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Exception");

        var api = server.http().get("/api/v1/no-such-thing");
        assertThat(api.status()).isIn(401, 404);
        assertThat(api.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void an_invalid_api_token_is_refused_without_falling_back_to_cookies() {
        var r = server.http().bearer("cairn_not-a-real-token").get("/api/v1/communities");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("not valid");
    }
}
