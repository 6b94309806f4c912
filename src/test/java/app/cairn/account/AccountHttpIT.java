package app.cairn.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountHttpIT {

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_first_account_becomes_admin_and_later_ones_do_not(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            server.http().signUp("Tom Reid", "tom@example.org", "another long password");

            var accounts = server.services().accounts();
            assertThat(accounts.byEmail("AILEEN@example.org").orElseThrow().admin()).isTrue();
            assertThat(accounts.byEmail("tom@example.org").orElseThrow().admin()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_duplicate_email_is_refused_with_a_message_and_keeps_what_was_typed(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");

            var r = server.http().post("/sign-up",
                    Map.of("name", "Aileen Again", "email", "Aileen@Example.org", "password", "something long enough"));

            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).contains("There is a problem")
                    .contains("An account with this email address already exists")
                    .contains("value=\"Aileen Again\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void signing_in_with_the_wrong_password_fails_and_the_right_one_works(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            var browser = server.http();

            var wrong = browser.post("/sign-in", Map.of("email", "aileen@example.org", "password", "wrong password!"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("The email address or password is not right");

            var right = browser.post("/sign-in", Map.of("email", "aileen@example.org", "password", "correct horse battery"));
            assertThat(right.status()).isEqualTo(302);
            assertThat(right.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax");
            assertThat(browser.get("/account").body()).contains("aileen@example.org");

            browser.post("/sign-out", Map.of());
            assertThat(browser.get("/account").status()).isEqualTo(302);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void sign_in_is_rate_limited(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            var browser = server.http();
            int limited = 0;
            for (int i = 0; i < 12; i++) {
                var r = browser.post("/sign-in", Map.of("email", "aileen@example.org", "password", "guess number " + i));
                if (r.status() == 429) limited++;
            }
            assertThat(limited).isGreaterThan(0);
            var r = browser.post("/sign-in", Map.of("email", "aileen@example.org", "password", "correct horse battery"));
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.body()).contains("Too many attempts to sign in");
        }
    }
}
