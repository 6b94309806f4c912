package app.cairn.pack;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.registration.RegistrationInput;
import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackBrowserIT {
    static final ObjectMapper JSON = Cairn.json();

    @Test
    void an_organiser_groups_the_chat_into_a_theme_and_publishes_a_pack_that_reads_on_a_phone() throws Exception {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser organiser = Browser.open(server);
                Browser phone = Browser.open(server, 390, 844)) {
            organiser.go("/sign-up").type("#name", "Eilidh Ross").type("#email", "eilidh@example.org")
                    .type("#password", "correct horse battery").press("Create account");
            long accountId = server.services().accounts().byEmail("eilidh@example.org").orElseThrow().id();
            HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
            String slug = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Lanterns Network\"}").body())
                    .get("slug").asText();
            long eventId = JSON.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                    {"templateId": "community-conversation-2-hours", "title": "Kindness at work",
                     "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
            String code = JSON.readTree(api.get("/api/v1/events/" + eventId + "/live").body()).get("session")
                    .get("joinCode").asText();
            var reg = server.services().registrations().addByHand(accountId, eventId, new RegistrationInput("Kasia Nowak",
                    "kasia@example.org", "Social worker", "Glen Care", "social_care", "How do we stay kind?", "", Map.of(),
                    true), false);
            var live = server.services().live();
            var kasia = live.joinFromRegistration(eventId, reg.registration().id(), "Kasia Nowak", "Social worker",
                    "Glen Care", "social_care", "kasia@example.org");
            var message = live.post(kasia.participant(), "Protected lunch breaks changed our ward · Tha mi toilichte · مرحبا",
                    false, false, "a");
            String base = "/c/" + slug + "/events/" + eventId;

            // A participant on their phone answers the feedback form from the live page.
            organiser.go(base + "/feedback").assertAccessible().press("Open the form");
            phone.go("/join").type("#code", code).press("Continue");
            phone.type("#name", "Tomasz Wójcik").type("#organisation", "Harbour Health").press("Join");
            phone.waitFor("#now-title");
            assertThat(phone.find("[data-feedback-link]").isDisplayed()).isFalse();
            // The link appears on the live page, without a reload, when the evaluation segment starts.
            long evaluation = 0;
            for (var seg : JSON.readTree(api.get("/api/v1/events/" + eventId + "/agenda").body()).get("segments")) {
                if (seg.get("kind").asText().equals("evaluation")) evaluation = seg.get("id").asLong();
            }
            var started = api.postJson("/api/v1/events/" + eventId + "/live/start", "{\"segment\": " + evaluation + "}");
            assertThat(started.status()).as(started.body()).isLessThan(300);
            phone.waitFor("[data-feedback-link]:not([hidden]) a");
            phone.click("[data-feedback-link] a");
            phone.waitFor("#recommend");
            phone.assertAccessible().assertFitsWidth();
            phone.click("#recommend").click("#score-3").type("#valued", "Time to think").press("Save my answers");
            assertThat(phone.text("main")).contains("Your answers are saved");
            organiser.go(base + "/feedback").assertAccessible();
            assertThat(organiser.text("main")).contains("100% would recommend", "Time to think");

            organiser.go(base + "/pack").assertAccessible();
            organiser.type("#new-label", "Protected time").click("#new-seq-" + message.seq()).press("Add the theme");
            assertThat(organiser.text("#preview")).contains("Protected time", "Protected lunch breaks changed our ward");
            organiser.click("#visibility").press("Save");
            organiser.press("Publish the pack");
            assertThat(organiser.text("main")).contains("Published");
            String link = organiser.find("main a[href^='/p/']").getAttribute("href");

            phone.driver().get(link);
            phone.assertAccessible().assertFitsWidth().screenshot("pack-web-phone");
            assertThat(phone.text("main")).contains("Kindness at work", "Protected time", "What our participants thought",
                    "would recommend").doesNotContain("Kasia", "Tomasz");
        }
    }
}
