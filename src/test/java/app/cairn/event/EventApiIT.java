package app.cairn.event;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventApiIT {
    static JsonNode json(HttpSession.Response r) {
        try {
            return Cairn.json().readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.status() + "): " + r.body(), e);
        }
    }

    record Client(HttpSession http, long accountId, Community community) {}

    static Client client(TestServer server, String email) {
        server.http().signUp("Priya Shah", email, "correct horse battery");
        long id = server.services().accounts().byEmail(email).orElseThrow().id();
        Community c = server.services().communities().create(id,
                new CommunityService.Details("Care Leaders " + id, "", "", ""));
        return new Client(server.http().bearer(server.services().apiTokens().create(id, "t")), id, c);
    }

    static final String DIY = """
            {"templateId": "diy-1-hour", "title": "Making space to reflect", "purpose": "Share what helps.",
             "date": "2027-03-09", "startTime": "10:00", "timeZone": "Europe/London",
             "hosts": [{"name": "Dr Jane Smith", "role": "Director of Nursing", "organisation": "NHS Tayside"}],
             "recordingUrl": "", "contactEmail": "hello@care.example", "capacity": 60}""";

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void events_are_created_from_templates_read_changed_cloned_cancelled_and_restored(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Client c = client(server, "priya@example.org");
            var templates = json(c.http().get("/api/v1/templates?community=" + c.community().slug()));
            assertThat(templates.get("templates")).hasSize(2);
            assertThat(templates.at("/templates/0/totalMinutes").asInt()).isEqualTo(60);
            assertThat(templates.at("/templates/1/totalMinutes").asInt()).isEqualTo(120);
            assertThat(templates.at("/templates/1/segments/5/polls/0/question").asText())
                    .isEqualTo("Would you recommend an event like this to a colleague?");

            var create = c.http().postJson("/api/v1/communities/" + c.community().slug() + "/events", DIY);
            assertThat(create.status()).as(create.body()).isEqualTo(201);
            JsonNode event = json(create);
            long id = event.get("id").asLong();
            assertThat(create.location()).isEqualTo("/api/v1/events/" + id);
            assertThat(event.get("startsAt").asText()).isEqualTo("2027-03-09T10:00:00Z");
            assertThat(event.get("endsAt").asText()).isEqualTo("2027-03-09T11:00:00Z");
            assertThat(event.get("capacity").asInt()).isEqualTo(60);
            assertThat(event.at("/hosts/0/organisation").asText()).isEqualTo("NHS Tayside");
            assertThat(event.at("/agenda/segments/2/localStart").asText()).isEqualTo("2027-03-09T10:10Z");
            assertThat(event.at("/agenda/segments/2/minutes").asInt()).isEqualTo(30);

            var list = json(c.http().get("/api/v1/communities/" + c.community().slug() + "/events"));
            assertThat(list.get("events")).hasSize(1);

            String changed = DIY.replace("Making space to reflect", "Making space to reflect together")
                    .replace("\"capacity\": 60", "\"capacity\": 60, \"version\": 1");
            var put = c.http().putJson("/api/v1/events/" + id, changed);
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(json(put).get("title").asText()).isEqualTo("Making space to reflect together");
            var stale = c.http().putJson("/api/v1/events/" + id, changed);
            assertThat(stale.status()).isEqualTo(409);
            assertThat(json(stale).at("/error/message").asText()).contains("Someone else changed this conversation");

            var newYork = c.http().putJson("/api/v1/events/" + id, changed.replace("Europe/London", "America/New_York")
                    .replace("\"version\": 1", "\"version\": 2"));
            assertThat(json(newYork).get("startsAt").asText()).isEqualTo("2027-03-09T15:00:00Z");
            var keepsZone = c.http().putJson("/api/v1/events/" + id, changed.replace("\"timeZone\": \"Europe/London\",", "")
                    .replace("\"version\": 1", "\"version\": 3"));
            assertThat(json(keepsZone).get("timeZone").asText()).as(keepsZone.body()).isEqualTo("America/New_York");

            var clone = c.http().postJson("/api/v1/events/" + id + "/clone", "{\"date\": \"2027-04-13\"}");
            assertThat(clone.status()).as(clone.body()).isEqualTo(201);
            assertThat(json(clone).get("date").asText()).isEqualTo("2027-04-13");
            assertThat(json(clone).get("title").asText()).isEqualTo("Making space to reflect together");
            assertThat(json(clone).get("slug").asText()).isEqualTo("making-space-to-reflect-together");
            assertThat(json(clone).at("/agenda/segments").size()).isEqualTo(5);

            var cancelled = json(c.http().postJson("/api/v1/events/" + id + "/cancel", null));
            assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
            assertThat(cancelled.get("cancelledAt").isNull()).isFalse();
            assertThat(json(c.http().get("/api/v1/events/" + id)).get("cancelled").asBoolean()).isTrue();
            assertThat(json(c.http().postJson("/api/v1/events/" + id + "/restore", null)).get("cancelled").asBoolean()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void bad_input_gets_the_same_messages_as_the_pages(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Client c = client(server, "priya@example.org");
            String path = "/api/v1/communities/" + c.community().slug() + "/events";
            var bad = c.http().postJson(path, """
                    {"templateId": "diy-1-hour", "title": "", "date": "2027-02-31", "startTime": "25:00",
                     "timeZone": "Mars/Olympus_Mons", "capacity": -3, "recordingUrl": "javascript:alert(1)"}""");
            assertThat(bad.status()).isEqualTo(422);
            JsonNode fields = json(bad).at("/error/fields");
            assertThat(fields.get("title").asText()).isEqualTo("Enter the conversation's title");
            assertThat(fields.get("date").asText()).isEqualTo("31 February 2027 is not a real date: February 2027 has 28 days");
            assertThat(fields.get("startTime").asText()).startsWith("Enter the start time");
            assertThat(fields.get("timeZone").asText()).contains("is not a time zone");
            assertThat(fields.get("capacity").asText()).startsWith("Capacity must be at least 1");
            assertThat(fields.get("recordingUrl").asText()).startsWith("Enter the recording link");

            assertThat(c.http().postJson(path, DIY.replace("diy-1-hour", "no-such-template")).status()).isEqualTo(404);
            assertThat(c.http().postJson(path, "{not json").status()).isEqualTo(400);
            var gap = c.http().postJson(path, DIY.replace("2027-03-09", "2027-03-28").replace("10:00", "01:15"));
            assertThat(json(gap).at("/error/fields/startTime").asText()).contains("such as 02:00");
            assertThat(server.services().events().list(c.accountId(), c.community().id())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void agendas_are_edited_segment_by_segment_or_whole_and_times_follow(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Client c = client(server, "priya@example.org");
            // Starts the night the clocks go forward, so the times show it.
            long id = json(c.http().postJson("/api/v1/communities/" + c.community().slug() + "/events",
                    DIY.replace("2027-03-09", "2027-03-28").replace("10:00", "00:30"))).get("id").asLong();
            String agenda = "/api/v1/events/" + id + "/agenda";
            JsonNode a = json(c.http().get(agenda));
            assertThat(a.at("/segments/0/localStart").asText()).isEqualTo("2027-03-28T00:30Z");
            assertThat(a.at("/segments/2/localStart").asText()).isEqualTo("2027-03-28T00:40Z");
            assertThat(a.at("/segments/2/localEnd").asText()).isEqualTo("2027-03-28T02:10+01:00");
            assertThat(a.get("endsAt").asText()).isEqualTo("2027-03-28T01:30:00Z");
            long breakout = a.at("/segments/2/id").asLong();
            long welcome = a.at("/segments/0/id").asLong();

            var retimed = c.http().putJson(agenda + "/segments/" + breakout, """
                    {"kind": "breakout", "title": "Breakout rooms", "minutes": 45, "guidance": "Rooms of five.",
                     "prompts": ["What resonated?", "What will you do?"], "polls": []}""");
            assertThat(retimed.status()).as(retimed.body()).isEqualTo(200);
            assertThat(json(retimed).at("/segments/3/localStart").asText()).isEqualTo("2027-03-28T02:25+01:00");
            assertThat(json(retimed).get("totalMinutes").asInt()).isEqualTo(75);

            var zero = c.http().putJson(agenda + "/segments/" + breakout, "{\"kind\": \"breakout\", \"title\": \"X\", \"minutes\": 0}");
            assertThat(json(zero).at("/error/fields/minutes").asText()).isEqualTo("A segment must last at least 1 minute");
            var huge = c.http().postJson(agenda + "/segments", "{\"kind\": \"custom\", \"title\": \"Long\", \"minutes\": 100000}");
            assertThat(json(huge).at("/error/fields/minutes").asText()).contains("at most 480 minutes");

            var added = c.http().postJson(agenda + "/segments", """
                    {"kind": "custom", "title": "Short break", "minutes": "10", "position": 1,
                     "polls": [{"question": "How is your energy?", "kind": "word_cloud"}]}""");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(added.location()).matches(".*/agenda/segments/\\d+$");
            JsonNode afterAdd = json(added);
            assertThat(afterAdd.at("/segments/1/title").asText()).isEqualTo("Short break");
            assertThat(afterAdd.at("/segments/1/polls/0/kind").asText()).isEqualTo("word_cloud");
            long brk = afterAdd.at("/segments/1/id").asLong();

            var moved = json(c.http().postJson(agenda + "/segments/" + brk + "/move", "{\"direction\": \"up\"}"));
            assertThat(moved.at("/segments/0/id").asLong()).isEqualTo(brk);
            assertThat(moved.at("/segments/1/id").asLong()).isEqualTo(welcome);
            assertThat(c.http().postJson(agenda + "/segments/" + brk + "/move", "{\"direction\": \"sideways\"}").status()).isEqualTo(422);

            var removed = json(c.http().delete(agenda + "/segments/" + brk));
            assertThat(removed.get("segments")).hasSize(5);
            assertThat(c.http().delete(agenda + "/segments/" + brk).status()).isEqualTo(404);

            // The whole agenda, reversed, keeping ids; one new segment without an id.
            List<String> segments = new ArrayList<>();
            JsonNode current = json(c.http().get(agenda));
            for (int i = current.get("segments").size() - 1; i >= 0; i--) {
                JsonNode s = current.get("segments").get(i);
                segments.add("{\"id\": " + s.get("id").asLong() + ", \"kind\": \"" + s.get("kind").asText() + "\", \"title\": "
                        + Cairn.json().valueToTree(s.get("title").asText()) + ", \"minutes\": " + s.get("minutes").asInt() + "}");
            }
            segments.add("{\"kind\": \"custom\", \"title\": \"Goodbye\", \"minutes\": 2}");
            var whole = c.http().putJson(agenda, "{\"segments\": [" + String.join(", ", segments) + "]}");
            assertThat(whole.status()).as(whole.body()).isEqualTo(200);
            assertThat(json(whole).at("/segments/4/id").asLong()).isEqualTo(welcome);
            assertThat(json(whole).at("/segments/5/title").asText()).isEqualTo("Goodbye");

            var unknown = c.http().putJson(agenda, "{\"segments\": [{\"id\": 999999, \"kind\": \"custom\", \"title\": \"X\", \"minutes\": 5}]}");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(json(unknown).at("/error/fields/segments[0].id").asText()).contains("There is no segment 999999");
            var tooLong = c.http().putJson(agenda, "{\"segments\": [" + String.join(",", java.util.Collections.nCopies(4,
                    "{\"kind\": \"custom\", \"title\": \"Long\", \"minutes\": 400}")) + "]}");
            assertThat(json(tooLong).at("/error/fields/agenda").asText()).contains("must fit in 24 hours");

            var saved = c.http().postJson("/api/v1/templates", "{\"eventId\": " + id + ", \"name\": \"Night shift format\"}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
            assertThat(json(saved).get("totalMinutes").asInt()).isEqualTo(77);
            assertThat(json(c.http().get("/api/v1/templates?community=" + c.community().slug())).get("templates")).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void another_organisers_token_finds_nothing_and_no_token_is_refused(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Client c = client(server, "priya@example.org");
            long id = json(c.http().postJson("/api/v1/communities/" + c.community().slug() + "/events", DIY)).get("id").asLong();
            Client other = client(server, "tom@example.org");
            assertThat(other.http().get("/api/v1/events/" + id).status()).isEqualTo(404);
            assertThat(other.http().putJson("/api/v1/events/" + id + "/agenda", "{\"segments\": []}").status()).isEqualTo(404);
            assertThat(other.http().get("/api/v1/communities/" + c.community().slug() + "/events").status()).isEqualTo(404);
            assertThat(other.http().get("/api/v1/templates?community=" + c.community().slug()).status()).isEqualTo(404);
            assertThat(server.http().get("/api/v1/events/" + id).status()).isEqualTo(401);
        }
    }
}
