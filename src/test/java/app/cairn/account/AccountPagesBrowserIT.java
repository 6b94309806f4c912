package app.cairn.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.mail.Mail;
import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every page the account, mail and admin work adds, visited as a person would, each checked with axe. */
class AccountPagesBrowserIT {

    @Test
    void an_admin_uses_tokens_passwords_and_the_outbox_and_resets_a_password_from_the_outbox_link() {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser browser = Browser.open(server)) {
            browser.go("/privacy").assertAccessible().screenshot("privacy");

            browser.go("/sign-up");
            browser.type("#name", "Aileen Grant").type("#email", "aileen@example.org")
                    .type("#password", "correct horse battery").press("Create account");
            server.http().signUp("Tom Reid", "tom@example.org", "another long password");

            // Personal API tokens: make one, see it once, revoke it.
            browser.go("/account/tokens").assertAccessible().screenshot("tokens-none");
            browser.press("Make token");
            assertThat(browser.text(".govuk-error-summary")).contains("Enter a name for the token");
            browser.assertAccessible();
            browser.type("#name", "Reporting script").press("Make token");
            assertThat(browser.find("#new-token").getAttribute("value")).startsWith("cairn_");
            assertThat(browser.text(".govuk-warning-text")).contains("will not be shown again");
            browser.assertAccessible().screenshot("tokens-new");
            browser.go("/account/tokens");
            assertThat(browser.findAll("#new-token")).isEmpty();
            assertThat(browser.text(".govuk-summary-card")).contains("Reporting script").contains("Not used yet");
            browser.screenshot("tokens-list");
            browser.press("Revoke Reporting script");
            browser.assertAccessible().screenshot("token-revoke");
            browser.press("Revoke token");
            assertThat(browser.text(".govuk-notification-banner")).contains("is revoked");
            assertThat(browser.text("main")).contains("You have no tokens yet");

            // Change password.
            browser.go("/account/password").assertAccessible();
            browser.press("Change password");
            assertThat(browser.text(".govuk-error-summary")).contains("Enter your current password");
            browser.assertAccessible().screenshot("change-password-errors");
            browser.type("#currentPassword", "correct horse battery").type("#newPassword", "a second long passphrase")
                    .press("Change password");
            assertThat(browser.path()).isEqualTo("/account");
            assertThat(browser.text(".govuk-notification-banner")).contains("Your password has been changed");

            // Admin.
            browser.go("/admin").assertAccessible().screenshot("admin");
            assertThat(browser.text("table")).contains("Aileen Grant").contains("tom@example.org");
            browser.click("#signups-1").press("Save");
            assertThat(browser.text(".govuk-notification-banner")).contains("Sign-ups are switched off");
            browser.assertAccessible();

            // Forgotten password, read from the outbox because no mail server is set up.
            browser.go("/forgot-password").assertAccessible();
            browser.press("Send the link");
            browser.assertAccessible().screenshot("forgot-password-error");
            browser.type("#email", "aileen@example.org").press("Send the link");
            assertThat(browser.text("main")).contains("If an account exists for that address, we have sent a link");
            browser.assertAccessible().screenshot("forgot-password-sent");

            byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
            server.services().mailer().send(new Mail("priya@example.org", "You are invited: Caring across boundaries",
                    "Hello Priya,\n\nJoin on the day at " + server.url("/join/abc") + ".",
                    List.of(new Mail.Attachment("invite.ics", "text/calendar; method=REQUEST", ics))));
            browser.go("/admin/outbox").assertAccessible().screenshot("outbox");
            browser.press("You are invited: Caring across boundaries");
            assertThat(browser.text("main")).contains("invite.ics").contains("priya@example.org");
            browser.assertAccessible().screenshot("outbox-message-invite");
            browser.go("/admin/outbox");
            browser.press("Reset your Cairn password");
            browser.assertAccessible().screenshot("outbox-message-reset");
            String link = browser.find(".cairn-mail-text a").getText();
            assertThat(link).contains("/reset/");
            browser.press(link);

            assertThat(browser.text("h1")).isEqualTo("Choose a new password");
            browser.assertAccessible().screenshot("reset-password");
            browser.type("#password", "short").press("Save password and sign in");
            assertThat(browser.text(".govuk-error-summary")).contains("at least 10 characters");
            browser.assertAccessible();
            browser.type("#password", "a third long passphrase").press("Save password and sign in");
            assertThat(browser.path()).isEqualTo("/account");
            assertThat(browser.text(".govuk-notification-banner")).contains("you are signed in");

            browser.driver().get(link);
            assertThat(browser.text("h1")).isEqualTo("This link has already been used");
            browser.assertAccessible().screenshot("reset-link-used");
            browser.go("/reset/not-a-real-link").assertAccessible();
            assertThat(browser.text("h1")).isEqualTo("This link is not right");
        }
    }

    @Test
    void the_new_pages_fit_a_320_pixel_wide_phone() {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser browser = Browser.open(server, 320, 700)) {
            browser.go("/sign-up");
            browser.type("#name", "Aileen Grant").type("#email", "aileen@example.org")
                    .type("#password", "correct horse battery").press("Create account");
            server.services().mailer().send(new Mail("someone.with.a.long.address@example.org",
                    "Your pack from Caring across boundaries is ready",
                    "Hello,\n\nRead it here: " + server.url("/packs/a-very-long-link-that-must-wrap-on-a-phone-screen-1234567890")));

            browser.go("/account/tokens");
            browser.type("#name", "Laptop").press("Make token");
            fits(browser, "phone-tokens-new");
            browser.go("/account/tokens");
            fits(browser, "phone-tokens-list");
            for (String path : List.of("/privacy", "/forgot-password", "/account/password", "/admin", "/admin/outbox")) {
                browser.go(path);
                fits(browser, "phone" + path.replace('/', '-'));
            }
            browser.press("Your pack from Caring across boundaries is ready");
            fits(browser, "phone-outbox-message");
        }
    }

    private static void fits(Browser browser, String name) {
        browser.screenshot(name);
        browser.assertAccessible();
        Object width = browser.driver().executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as(name + " scroll width").isLessThanOrEqualTo(320);
    }
}
