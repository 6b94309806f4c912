package app.cairn.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.TestServer;
import org.junit.jupiter.api.Test;

class AccountBrowserIT {

    @Test
    void an_organiser_signs_up_signs_out_and_signs_in_again_on_accessible_pages() {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser browser = Browser.open(server)) {
            browser.go("/").assertAccessible();
            browser.go("/sign-up").assertAccessible();
            browser.press("Create account");
            assertThat(browser.text(".govuk-error-summary")).contains("Enter your name");
            browser.assertAccessible();

            browser.type("#name", "Aileen Grant").type("#email", "aileen@example.org")
                    .type("#password", "correct horse battery").press("Create account");
            browser.go("/account").assertAccessible();
            assertThat(browser.text("main")).contains("Admin of this Cairn");

            browser.press("Sign out");
            browser.go("/sign-in").assertAccessible();
            browser.type("#email", "aileen@example.org").type("#password", "correct horse battery").press("Sign in");
            browser.go("/account");
            assertThat(browser.text("main")).contains("aileen@example.org");
        }
    }

    @Test
    void pages_work_on_a_320_pixel_wide_screen() {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser browser = Browser.open(server, 320, 700)) {
            browser.go("/sign-up").assertAccessible();
            Object scrollWidth = browser.driver().executeScript("return document.documentElement.scrollWidth");
            assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(320);
            browser.screenshot("sign-up-320");
        }
    }
}
