package app.cairn.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.Mails;
import app.cairn.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangePasswordIT {

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void changing_the_password_keeps_this_browser_signed_in_and_ends_the_others(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var laptop = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            var phone = server.http().signIn("aileen@example.org", "correct horse battery");
            assertThat(laptop.get("/account/password").body()).contains("Change your password");

            var r = laptop.post("/account/password",
                    Map.of("currentPassword", "correct horse battery", "newPassword", "a new and better passphrase"));

            assertThat(r.status()).isEqualTo(302);
            assertThat(r.location()).isEqualTo("/account");
            assertThat(laptop.get("/account").body()).contains("Your password has been changed");
            assertThat(phone.get("/account").status()).isEqualTo(302);
            server.http().signIn("aileen@example.org", "a new and better passphrase");
            assertThat(Mails.latestTo(server, "aileen@example.org"))
                    .contains("was changed on").contains("If you did not, someone else may know your password");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_wrong_current_password_or_a_weak_new_one_is_refused_with_what_to_fix(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var laptop = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");

            var wrong = laptop.post("/account/password",
                    Map.of("currentPassword", "not my password", "newPassword", "a new and better passphrase"));
            assertThat(wrong.status()).isEqualTo(422);
            assertThat(wrong.body()).contains("There is a problem").contains("Your current password is not right");

            var weak = laptop.post("/account/password",
                    Map.of("currentPassword", "correct horse battery", "newPassword", "short"));
            assertThat(weak.status()).isEqualTo(422);
            assertThat(weak.body()).contains("Password must be at least 10 characters long");

            var same = laptop.post("/account/password",
                    Map.of("currentPassword", "correct horse battery", "newPassword", "correct horse battery"));
            assertThat(same.body()).contains("Your new password must be different from your current password");

            var empty = laptop.post("/account/password", Map.of("currentPassword", "", "newPassword", ""));
            assertThat(empty.body()).contains("Enter your current password").contains("Enter your new password");

            server.http().signIn("aileen@example.org", "correct horse battery");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_change_password_page_needs_a_signed_in_organiser(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var r = server.http().get("/account/password");
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.location()).startsWith("/sign-in?next=");
        }
    }
}
