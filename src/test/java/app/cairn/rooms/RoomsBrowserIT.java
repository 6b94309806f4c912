package app.cairn.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Two breakout rooms in real browsers: open them, write notes, broadcast, close, and report back. */
class RoomsBrowserIT {
    static final ObjectMapper JSON = Cairn.json();

    @Test
    void two_rooms_write_notes_hear_a_broadcast_close_and_report_back() throws Exception {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser facilitator = Browser.open(server);
                Browser priya = Browser.open(server, 390, 844);
                Browser tom = Browser.open(server, 390, 844)) {
            facilitator.go("/sign-up").type("#name", "Aileen Grant").type("#email", "aileen@example.org")
                    .type("#password", "correct horse battery").press("Create account");
            long accountId = server.services().accounts().byEmail("aileen@example.org").orElseThrow().id();
            HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
            String slug = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}").body())
                    .get("slug").asText();
            long eventId = JSON.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                    {"templateId": "community-conversation-2-hours", "title": "Making space to reflect",
                     "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
            String code = JSON.readTree(api.get("/api/v1/events/" + eventId + "/live").body())
                    .get("session").get("joinCode").asText();

            // Two from NHS Fife in the browser, two from Fife Council by the API: mixing puts one of each in each room.
            join(priya, code, "Priya Shah", "NHS Fife");
            join(tom, code, "Tom Reid", "NHS Fife");
            for (String name : new String[] {"Morag Campbell", "Iain Ross"}) {
                var r = server.http().postJson("/api/v1/live/" + code + "/join",
                        "{\"name\": \"" + name + "\", \"organisation\": \"Fife Council\", \"sector\": \"social_care\"}");
                assertThat(r.status()).isEqualTo(201);
            }

            String rooms = "/c/" + slug + "/events/" + eventId + "/rooms";
            facilitator.go(rooms).assertAccessible();
            facilitator.find("input[name='by'][value='count']").click();
            facilitator.type("#roomCount", "2").type("#videoTemplate", "https://meet.jit.si/{event}-{room}");
            facilitator.tap("Open breakout rooms");
            waitForText(facilitator, "[data-region='rooms-summary']", "Rooms are open: 2 rooms, 4 people");
            facilitator.assertAccessible().screenshot("rooms-console-open");

            for (Browser p : new Browser[] {priya, tom}) {
                waitForText(p, "#room", "You are in Room");
                waitForText(p, "#room", "What resonated with you from the opening perspective?");
                assertThat(p.find("#room").getText()).contains("Join Room").contains("video call");
            }
            priya.assertAccessible().assertFitsWidth().screenshot("rooms-participant-room");
            String priyaRoom = priya.text("#room-title");
            String tomRoom = tom.text("#room-title");
            assertThat(priyaRoom).isNotEqualTo(tomRoom);

            priya.type("#room-note", "Protected time to think is the first thing to go when the rota is full.");
            priya.find("#room form[action$='/room/notes'] button[type='submit']").click();
            waitForText(priya, "[data-notes]", "Protected time to think");
            tom.type("#room-note", "Carers are partners, not visitors.");
            tom.find("#room form[action$='/room/notes'] button[type='submit']").click();
            waitForText(tom, "[data-notes]", "Carers are partners");
            Thread.sleep(300);
            assertThat(tom.text("[data-notes]")).doesNotContain("Protected time");
            priya.tap("I will report back");
            waitForText(priya, "#room", "You are reporting back for your room");

            facilitator.go(rooms);
            waitForText(facilitator, ".cairn-rooms__grid", "Protected time to think");
            waitForText(facilitator, ".cairn-rooms__grid", "Carers are partners");
            facilitator.type("#text", "2 minutes left");
            facilitator.tap("Send to every room");
            waitForText(priya, "#room", "From the host: 2 minutes left");
            waitForText(tom, "#room", "From the host: 2 minutes left");

            facilitator.driver().findElement(By.xpath("//summary[normalize-space(.)='Close the rooms']")).click();
            facilitator.tap("Yes, close all rooms");
            waitForText(facilitator, "[data-region='rooms-summary']", "Rooms closed");
            waitForText(priya, "#room", "has closed");
            waitForText(tom, "#room", "has closed");
            assertThat(priya.text("[data-notes]")).contains("Protected time to think");

            // Report-back: each room's top themes, written by the rapporteur (or anyone, if none volunteered).
            priya.go("/live/" + code + "/room").assertAccessible();
            priya.type("#theme-0", "Protected time to reflect").type("#theme-1", "Rotas that leave room to think")
                    .type("#theme-2", "Permission from leaders");
            priya.tap("Save themes");
            waitForText(priya, "#room", "Your room's themes are saved");
            tom.type("#theme-0", "Carers as partners");
            tom.tap("Save themes");
            waitForText(tom, "#room", "Your room's themes are saved");

            facilitator.go(rooms + "/report");
            waitForText(facilitator, "[data-region='report']", "Protected time to reflect");
            waitForText(facilitator, "[data-region='report']", "Carers as partners");
            waitForText(facilitator, "[data-region='report']", "reported by Priya Shah");
            facilitator.assertAccessible().screenshot("rooms-report-back");
            facilitator.go(rooms).assertAccessible();
            assertThat(facilitator.text(".cairn-rooms__grid")).contains("Permission from leaders");

            // During the whole-group discussion the presenter view shows the same report-back.
            long wholeGroup = server.services().live().plan(eventId).segments().stream()
                    .filter(x -> x.kind().equals("whole_group")).findFirst().orElseThrow().id();
            var started = api.postJson("/api/v1/events/" + eventId + "/live/start",
                    "{\"segment\": " + wholeGroup + ", \"expected\": null}");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            facilitator.go("/c/" + slug + "/events/" + eventId + "/presenter");
            waitForText(facilitator, "[data-region='presenter']", "What the rooms found");
            waitForText(facilitator, "[data-region='presenter']", "Rotas that leave room to think");
            facilitator.assertAccessible().screenshot("rooms-presenter-report-back");
        }
    }

    private static void join(Browser p, String code, String name, String organisation) {
        p.go("/join").type("#code", code).press("Continue");
        p.type("#name", name).type("#organisation", organisation).click("#sector").press("Join");
        p.waitFor("#now-title");
    }

    private static void waitForText(Browser b, String css, String text) {
        try {
            // Panels are redrawn from the server as things change, so an element found may be replaced before it is read.
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector(css)).stream()
                    .anyMatch(e -> e.getText().contains(text)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("'" + text + "' did not appear in " + css + " on " + b.path() + ": "
                    + b.driver().findElements(By.cssSelector(css)).stream().map(x -> x.getText()).toList(), e);
        }
    }
}
