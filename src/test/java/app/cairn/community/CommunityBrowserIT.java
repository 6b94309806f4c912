package app.cairn.community;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommunityBrowserIT {

    /** A screenshot of the whole page, not only what fits in the window, for people to look at. */
    private static void shoot(Browser browser, String name) {
        var window = browser.driver().manage().window();
        var size = window.getSize();
        Object height = browser.driver().executeScript("return document.documentElement.scrollHeight");
        window.setSize(new org.openqa.selenium.Dimension(size.getWidth(), Math.max(size.getHeight(), ((Number) height).intValue() + 140)));
        browser.screenshot(name);
        window.setSize(size);
    }
    /** Names the elements that reach past the right edge of the screen, to say what to fix. */
    private static final String WIDEST = """
            const edge = document.documentElement.clientWidth + 1;
            const found = [];
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
              const r = n.nodeType === 3 ? (() => { const g = document.createRange(); g.selectNodeContents(n);
                  return g.getBoundingClientRect(); })() : n.getBoundingClientRect();
              if (r.right > edge) found.push(n.nodeType === 3 ? 'text "' + n.textContent.trim().slice(0, 40) + '" in '
                  + n.parentElement.tagName + '.' + n.parentElement.className : n.tagName + '.' + n.className);
            }
            return found.slice(-6).join(', ')""";

    @Test
    void an_organiser_creates_a_community_edits_it_and_invites_someone_who_joins() throws Exception {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser browser = Browser.open(server)) {
            browser.go("/sign-up").assertAccessible();
            browser.type("#name", "Aileen Grant").type("#email", "aileen@example.org")
                    .type("#password", CommunityTesting.PASSWORD).press("Create account");
            assertThat(browser.path()).isEqualTo("/communities");
            assertThat(browser.text("main")).contains("You are not in a community yet");
            browser.assertAccessible();
            shoot(browser, "community-1-empty-list");

            browser.press("Create a community");
            browser.assertAccessible();
            browser.press("Create community");
            assertThat(browser.text(".govuk-error-summary")).contains("Enter the community's name");
            browser.assertAccessible();
            shoot(browser, "community-2-new-with-errors");
            browser.type("#name", "Tayside Leaders' Network")
                    .type("#description", "Leaders from health and social care across Tayside, meeting every month.")
                    .type("#contactEmail", "hello@tayside.example.org").type("#logoText", "TLN")
                    .press("Create community");
            assertThat(browser.path()).isEqualTo("/c/tayside-leaders-network");
            assertThat(browser.text("main")).contains("Community created").contains("Conversations")
                    .contains("Plan a conversation").contains("Aileen Grant (you)");
            browser.assertAccessible();
            shoot(browser, "community-3-page");

            browser.press("Edit community details");
            browser.assertAccessible();
            browser.type("#brandColour", "#ffdd00").type("#name", "Tayside Leaders Network").press("Save changes");
            assertThat(browser.text(".govuk-error-summary")).contains("Choose a darker brand colour");
            assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Tayside Leaders Network");
            browser.assertAccessible();
            shoot(browser, "community-4-edit-with-errors");

            Path logo = Files.createTempFile("logo", ".png");
            Files.write(logo, LogoImageTest.image("png", 180, 60));
            browser.type("#brandColour", "#1d4f91")
                    .type("#privacyNotice", "We keep your name, role and organisation for one year to run our conversations.");
            browser.find("#logo").sendKeys(logo.toAbsolutePath().toString());
            browser.press("Save changes");
            assertThat(browser.path()).isEqualTo("/c/tayside-leaders-network");
            assertThat(browser.text("h1")).isEqualTo("Tayside Leaders Network");
            assertThat(browser.find(".cairn-masthead img").getAttribute("src")).endsWith("/c/tayside-leaders-network/logo");
            browser.assertAccessible();
            shoot(browser, "community-5-edited");

            browser.go("/c/tayside-leaders-network/edit").assertAccessible();
            shoot(browser, "community-6-edit-with-logo");

            browser.go("/c/tayside-leaders-network/team").assertAccessible();
            browser.press("Send invitation");
            assertThat(browser.text(".govuk-error-summary")).contains("Enter the email address of the person to invite")
                    .contains("Choose the role they will have");
            browser.assertAccessible();
            browser.type("#email", "priya@example.org").click("label[for='role-1']").press("Send invitation");
            assertThat(browser.text("main")).contains("Invitation sent to priya@example.org")
                    .contains("Invited as organiser");
            browser.assertAccessible();
            shoot(browser, "community-7-team");

            String link = CommunityTesting.invitationPath(server, "priya@example.org");
            browser.press("Sign out");
            browser.go(link).assertAccessible();
            shoot(browser, "community-8-invitation");
            browser.press("Create an account");
            browser.assertAccessible();
            browser.type("#name", "Priya Shah").type("#password", CommunityTesting.PASSWORD).press("Create account and join");
            assertThat(browser.path()).isEqualTo("/c/tayside-leaders-network");
            assertThat(browser.text("main")).contains("You have joined the team for Tayside Leaders Network as an organiser")
                    .contains("Priya Shah (you)");
            browser.assertAccessible();
            shoot(browser, "community-9-joined");
        }
    }

    @Test
    void community_pages_fit_a_320_pixel_wide_screen() {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser browser = Browser.open(server, 320, 740)) {
            var aileen = CommunityTesting.organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = CommunityTesting.createCommunity(aileen, "Tayside Leaders' Network for Health and Social Care");
            aileen.post("/c/" + slug + "/team/invite",
                    java.util.Map.of("email", "a.very.long.address.for.someone@an-organisation.example.org", "role", "facilitator"));

            browser.go("/sign-in").type("#email", "aileen@example.org").type("#password", CommunityTesting.PASSWORD)
                    .press("Sign in");
            for (String path : new String[] {"/communities", "/c/" + slug, "/c/" + slug + "/edit", "/c/" + slug + "/team"}) {
                browser.go(path).assertAccessible();
                Object width = browser.driver().executeScript("return document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as(() -> path + " is wider than the screen because of "
                        + browser.driver().executeScript(WIDEST)).isLessThanOrEqualTo(320);
            }
            browser.go("/c/" + slug);
            shoot(browser, "community-phone-page");
            browser.go("/c/" + slug + "/team");
            shoot(browser, "community-phone-team");
        }
    }
}
