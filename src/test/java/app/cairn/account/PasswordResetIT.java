package app.cairn.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.Eventually;
import app.cairn.testing.Mails;
import app.cairn.testing.MutableClock;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PasswordResetIT {
    static final String SAME_ANSWER = "If an account exists for that address, we have sent a link";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_forgotten_password_is_reset_through_the_emailed_link_and_other_sessions_end(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var laptop = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            assertThat(laptop.get("/account").status()).isEqualTo(200);

            var phone = server.http();
            var asked = phone.post("/forgot-password", Map.of("email", "Aileen@Example.org"));
            assertThat(asked.status()).isEqualTo(302);
            assertThat(asked.location()).isEqualTo("/forgot-password/sent");
            assertThat(phone.get("/forgot-password/sent").body()).contains(SAME_ANSWER);

            String email = Mails.latestTo(server, "aileen@example.org");
            assertThat(email).startsWith("Hello Aileen Grant,").contains("If you did not ask for this");
            String link = Mails.link(email, "/reset/");
            var form = phone.get(link);
            assertThat(form.status()).isEqualTo(200);
            assertThat(form.body()).contains("Choose a new password").contains("aileen@example.org");
            assertThat(form.header("Cache-Control")).isEqualTo("no-store");

            var tooShort = phone.post(link, Map.of("password", "short"));
            assertThat(tooShort.status()).isEqualTo(422);
            assertThat(tooShort.body()).contains("There is a problem").contains("Password must be at least 10 characters long");

            var saved = phone.post(link, Map.of("password", "a new and better passphrase"));
            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.location()).isEqualTo("/account");
            assertThat(phone.get("/account").body()).contains("aileen@example.org").contains("Your password has been changed");

            // The laptop's session ended; the old password no longer works and the new one does.
            assertThat(laptop.get("/account").status()).isEqualTo(302);
            assertThat(server.http().post("/sign-in", Map.of("email", "aileen@example.org", "password",
                    "correct horse battery")).status()).isEqualTo(401);
            server.http().signIn("aileen@example.org", "a new and better passphrase");
            assertThat(Mails.subjectsTo(server, "aileen@example.org"))
                    .containsExactly("Reset your Cairn password", "Your Cairn password was changed");

            // The link works once.
            var again = server.http().get(link);
            assertThat(again.status()).isEqualTo(410);
            assertThat(again.body()).contains("This link has already been used").contains("Ask for a new link");
            assertThat(server.http().post(link, Map.of("password", "yet another passphrase")).status()).isEqualTo(410);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void an_unknown_address_gets_the_same_answer_and_no_email(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            var stranger = server.http();

            var known = stranger.post("/forgot-password", Map.of("email", "aileen@example.org"));
            var unknown = stranger.post("/forgot-password", Map.of("email", "nobody@example.org"));

            assertThat(unknown.status()).isEqualTo(known.status());
            assertThat(unknown.location()).isEqualTo(known.location());
            assertThat(Mails.to(server, "nobody@example.org")).isEmpty();
            assertThat(Mails.to(server, "aileen@example.org")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void an_address_that_is_not_an_email_address_is_asked_for_again(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var r = server.http().post("/forgot-password", Map.of("email", "aileen at example"));

            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).contains("Enter an email address in the correct format").contains("value=\"aileen at example\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void an_expired_or_mistyped_link_says_so_and_offers_a_new_one(Database.Vendor vendor) {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), clock, Map.of())) {
            server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            server.http().post("/forgot-password", Map.of("email", "aileen@example.org"));
            String link = Mails.link(Mails.latestTo(server, "aileen@example.org"), "/reset/");

            clock.advance(Duration.ofMinutes(61));
            var expired = server.http().get(link);
            assertThat(expired.status()).isEqualTo(410);
            assertThat(expired.body()).contains("This link has expired").contains("work for 1 hour");
            var late = server.http().post(link, Map.of("password", "a new and better passphrase"));
            assertThat(late.status()).isEqualTo(410);
            server.http().signIn("aileen@example.org", "correct horse battery");

            var mistyped = server.http().get(link.substring(0, link.length() - 3));
            assertThat(mistyped.status()).isEqualTo(404);
            assertThat(mistyped.body()).contains("This link is not right").contains("Check you copied the whole link");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void reset_requests_are_limited_per_email_without_saying_so_and_per_network(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            var someone = server.http();
            for (int i = 0; i < 6; i++) {
                var r = someone.post("/forgot-password", Map.of("email", "aileen@example.org"));
                assertThat(r.status()).isEqualTo(302);
                assertThat(r.location()).isEqualTo("/forgot-password/sent");
            }
            assertThat(Mails.to(server, "aileen@example.org")).hasSize(3);

            int limited = 0;
            for (int i = 0; i < 6; i++) {
                var r = someone.post("/forgot-password", Map.of("email", "person" + i + "@example.org"));
                if (r.status() == 429) {
                    limited++;
                    assertThat(r.body()).contains("Wait an hour");
                }
            }
            assertThat(limited).isGreaterThan(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void with_smtp_the_link_arrives_by_email_and_works(Database.Vendor vendor) throws Exception {
        Map<String, String> env = Map.of(
                "CAIRN_SMTP_HOST", "127.0.0.1",
                "CAIRN_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "CAIRN_SMTP_STARTTLS", "false",
                "CAIRN_MAIL_FROM", "Cairn <cairn@example.org>");
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), Clock.systemUTC(), env)) {
            server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            var browser = server.http();
            browser.post("/forgot-password", Map.of("email", "aileen@example.org"));
            assertThat(browser.get("/forgot-password/sent").body()).doesNotContain("no mail server");

            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage received = smtp.getReceivedMessages()[0];
            assertThat(received.getSubject()).isEqualTo("Reset your Cairn password");
            assertThat(received.getAllRecipients()[0].toString()).isEqualTo("aileen@example.org");
            String link = Mails.link((String) received.getContent(), "/reset/");

            assertThat(browser.post(link, Map.of("password", "a new and better passphrase")).status()).isEqualTo(302);
            server.http().signIn("aileen@example.org", "a new and better passphrase");
            assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
            assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("Your Cairn password was changed");
            Eventually.within(Duration.ofSeconds(5), "the outbox records both emails as sent", () ->
                    server.database().jdbi().withHandle(h -> h.createQuery(
                            "SELECT COUNT(*) FROM outbox WHERE status = 'sent'").mapTo(Integer.class).one()) == 2);
        }
    }
}
