package app.cairn.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

class LiveBrowserIT {
    static final ObjectMapper JSON = Cairn.json();

    @Test
    void a_facilitator_and_three_participants_run_a_conversation() throws Exception {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser facilitator = Browser.open(server)) {
            facilitator.go("/sign-up").type("#name", "Aileen Grant").type("#email", "aileen@example.org")
                    .type("#password", "correct horse battery").press("Create account");
            long accountId = server.services().accounts().byEmail("aileen@example.org").orElseThrow().id();
            HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
            String slug = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}").body())
                    .get("slug").asText();
            long eventId = JSON.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                    {"templateId": "community-conversation-2-hours", "title": "Making space to reflect",
                     "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();

            String console = "/c/" + slug + "/events/" + eventId + "/console";
            facilitator.go(console).assertAccessible();
            String code = facilitator.text(".cairn-console__code").replace(" ", "");
            facilitator.screenshot("live-console-start");

            List<Browser> people = new ArrayList<>();
            try {
                String[] names = {"Priya Shah", "Tom Reid", "Morag Campbell"};
                for (String name : names) {
                    Browser p = Browser.open(server, 390, 844);
                    people.add(p);
                    p.go("/join").assertAccessible();
                    p.type("#code", code.toLowerCase()).press("Continue");
                    p.assertAccessible();
                    p.type("#name", name).type("#organisation", "NHS Fife").click("#sector").press("Join");
                    p.waitFor("#now-title");
                    assertThat(p.text("#now-title")).contains("Welcome, " + name);
                }
                people.get(0).assertAccessible().screenshot("live-participant-waiting");

                facilitator.go(console).tap("Start: Welcome and introductions");
                for (Browser p : people) waitForText(p, "#now-title", "Now: Welcome and introductions");

                facilitator.go(console).tap("Open poll");
                for (Browser p : people) {
                    p.waitFor("[data-poll]:not([hidden]) input[name='choice']");
                    p.find("[data-poll] input[value='0']").click();
                    p.find("[data-poll] button[type='submit']").click();
                    waitForText(p, "[data-poll] [data-sent]", "Your answer is saved");
                }
                facilitator.go(console);
                waitForText(facilitator, "[data-region='polls']", "3 answered");
                facilitator.tap("Show results to everyone");
                for (Browser p : people) waitForText(p, "[data-results]", "3 people answered");
                people.get(1).assertAccessible().assertFitsWidth().screenshot("live-participant-results");

                Browser priya = people.get(0);
                priya.type("#text", "How do we keep reflection going when the rota is full?");
                priya.find("#question").click();
                priya.find("#chat button[type='submit']").click();
                waitForText(priya, "#chat [data-sent]", "Sent");
                Browser tom = people.get(1);
                tom.go("/live/" + code + "#questions");
                waitForText(tom, "[data-questions]", "rota is full");
                tom.find("[data-questions] button[type='submit']").click();
                waitForText(tom, "[data-questions]", "1 supporter");

                facilitator.go(console);
                waitForText(facilitator, "[data-region='questions']", "1 supporter");
                facilitator.type("[data-region='questions'] input[name='recordingAt']", "48:40");
                facilitator.tap("Save time");
                for (Browser p : people) waitForText(p, "[data-questions]", "answered in the recording at 48:40");
                facilitator.go(console).assertAccessible().assertFitsWidth().screenshot("live-console-running");

                // Skip ahead to the closing reflections.
                for (int i = 0; i < 4; i++) {
                    facilitator.go(console);
                    facilitator.driver().findElement(By.cssSelector(".cairn-console__next")).click();
                    Thread.sleep(300);
                }
                facilitator.go(console);
                waitForText(facilitator, "#current-title", "Closing reflections");
                facilitator.tap("Start 30 seconds of silence");
                for (Browser p : people) waitForText(p, "#now-title", "Now: Closing reflections");
                facilitator.go(console);
                facilitator.driver().findElements(By.xpath("//button[normalize-space(.)='Ask everyone this']")).get(0).click();
                Browser morag = people.get(2);
                new WebDriverWait(morag.driver(), Duration.ofSeconds(10))
                        .until(d -> !d.findElements(By.cssSelector("[data-reflect]:not([hidden]) #reflection")).isEmpty());
                morag.type("#reflection", "Kindness is a practice, not a mood.");
                morag.find("[data-reflect] button[type='submit']").click();
                waitForText(morag, "[data-reflect] [data-sent]", "Your reflection is saved");
                morag.assertAccessible().screenshot("live-participant-reflection");

                facilitator.go(console);
                waitForText(facilitator, "[data-region='current']", "Kindness is a practice");
                facilitator.go("/c/" + slug + "/events/" + eventId + "/presenter");
                waitForText(facilitator, "[data-region='presenter']", "Kindness is a practice");
                facilitator.assertAccessible().screenshot("live-presenter");
            } finally {
                for (Browser p : people) p.close();
            }
        }
    }

    private static void waitForText(Browser b, String css, String text) {
        try {
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(css)).stream()
                    .anyMatch(e -> e.getText().contains(text)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("'" + text + "' did not appear in " + css + " on " + b.path() + ": "
                    + b.driver().findElements(By.cssSelector(css)).stream().map(x -> x.getText()).toList(), e);
        }
    }
}
