package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** An organiser brings in a Zoom chat and Slido results from the event's page, on accessible pages. */
class TransferBrowserIT {

    @Test
    void an_organiser_uploads_files_checks_the_preview_matches_a_sender_and_brings_them_in() throws Exception {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2); Browser browser = Browser.open(server)) {
            browser.go("/sign-up");
            browser.type("#name", "Sam Host").type("#email", "sam@cairn.example")
                    .type("#password", "correct horse battery").press("Create account");
            var s = TransferHttpIT.setUpFor(server, null);
            String base = "/c/" + s.slug() + "/events/" + s.eventId();

            browser.go(base).assertAccessible();
            browser.driver().findElement(By.linkText("Bring in chats, attendance and results from other tools")).click();
            assertThat(browser.text("h1")).isEqualTo("Bring in from other tools");
            browser.assertAccessible();

            // Nothing chosen: a message, on an accessible page.
            browser.press("Upload and check");
            assertThat(browser.text(".govuk-error-summary")).contains("Choose one or more files");
            browser.assertAccessible();

            Path dir = Files.createTempDirectory("cairn-bring-in");
            StringBuilder paths = new StringBuilder();
            for (String name : new String[] {"zoom-one-line.txt", "slido-qa.csv", "breakout-notes.md"}) {
                Path p = dir.resolve(name);
                Files.write(p, FormatsTest.sample(name));
                if (paths.length() > 0) paths.append('\n');
                paths.append(p.toAbsolutePath());
            }
            browser.find("#files").sendKeys(paths.toString());
            browser.press("Upload and check");
            assertThat(browser.text("h1")).isEqualTo("Check what will be brought in");
            assertThat(browser.text("main")).contains("Zoom chat (saved on the computer)").contains("Slido results")
                    .contains("A direct message to one person: never made public.").contains("Room 3 has no notes.");
            browser.assertAccessible();
            browser.screenshot("transfer-01-preview");

            String field = "sender-" + Integer.toHexString("name:amira said".hashCode());
            Select amira = new Select(browser.find("#" + field));
            assertThat(amira.getFirstSelectedOption().getText()).isEqualTo("Leave anonymous");
            amira.selectByVisibleText("Tom Reid (tom@fife.example)");
            browser.press("Update the preview");
            assertThat(new Select(browser.find("#" + field)).getFirstSelectedOption().getText())
                    .isEqualTo("Tom Reid (tom@fife.example)");
            browser.assertAccessible();

            browser.press("Bring these in");
            assertThat(browser.path()).isEqualTo(base);
            assertThat(browser.text("main")).contains("Brought in");
            browser.assertAccessible();
            assertThat(server.services().live().log(s.eventId())).isNotEmpty();

            // Its evaluation, exported from Microsoft Forms: the preview shows each response and what was left blank.
            browser.go(base + "/bring-in");
            Path forms = dir.resolve("ms-forms-feedback.csv");
            Files.write(forms, FormatsTest.sample("ms-forms-feedback.csv"));
            browser.find("#files").sendKeys(forms.toAbsolutePath().toString());
            browser.press("Upload and check");
            assertThat(browser.text("h1")).isEqualTo("Check what will be brought in");
            assertThat(browser.text("main")).contains("Feedback form responses")
                    .contains("5 feedback responses (2 from people matched to a registration)")
                    .contains("Which part of the session was most useful?")
                    .contains("Choose one: Breakout rooms, Opening perspective, Closing reflections")
                    .contains("\"great\" is not a score from 1 to 5").contains("No answers to bring in on this row.");
            browser.assertAccessible();
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2600));
            browser.screenshot("transfer-02-feedback-preview");
            browser.press("Bring these in");
            assertThat(browser.path()).isEqualTo(base);
            assertThat(browser.text("main")).contains("5 feedback responses");
            assertThat(server.services().feedback().anonymisedResponses(s.eventId())).hasSize(5);

            // The same conversation, downloaded as an archive and brought in again as a new one.
            long account = server.services().accounts().byEmail("sam@cairn.example").orElseThrow().id();
            Path archive = dir.resolve("event.cairn.zip");
            Files.write(archive, server.services().archives().export(account, s.eventId()));
            browser.go("/c/" + s.slug());
            browser.driver().findElement(By.linkText("Bring in an event archive from another Cairn")).click();
            assertThat(browser.text("h1")).isEqualTo("Bring in an event archive");
            browser.assertAccessible();
            browser.find("#file").sendKeys(archive.toAbsolutePath().toString());
            browser.press("Bring it in");
            assertThat(browser.path()).startsWith("/c/" + s.slug() + "/events/").isNotEqualTo(base);
            assertThat(browser.text("main")).contains("Brought in:").contains("Making space to reflect");
            browser.assertAccessible();
            long copy = Long.parseLong(browser.path().replaceAll(".*/events/(\\d+).*", "$1"));
            assertThat(server.services().feedback().anonymisedResponses(copy)).as("the archive carries the feedback")
                    .hasSize(5);
        }
    }
}
