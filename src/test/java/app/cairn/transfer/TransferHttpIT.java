package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.cairn.Cairn;
import app.cairn.feedback.FeedbackService;
import app.cairn.live.Contribution;
import app.cairn.live.Entry;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransferHttpIT {
    static final ObjectMapper JSON = Cairn.json();

    /** An organiser (Sam Host) with a past 2-hour conversation on 9 March 2021 and two registrations. */
    record Setup(HttpSession organiser, HttpSession api, long eventId, String slug) {}

    static Setup setUp(TestServer server) throws Exception {
        HttpSession organiser = server.http().signUp("Sam Host", "sam@cairn.example", "correct horse battery");
        return setUpFor(server, organiser);
    }

    /** The same, for an organiser already signed up (in a browser, say). */
    static Setup setUpFor(TestServer server, HttpSession organiser) throws Exception {
        long accountId = server.services().accounts().byEmail("sam@cairn.example").orElseThrow().id();
        HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
        var community = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}").body());
        String slug = community.get("slug").asText();
        var created = api.postJson("/api/v1/communities/" + slug + "/events", """
                {"templateId": "community-conversation-2-hours", "title": "Making space to reflect",
                 "date": "2021-03-09", "startTime": "10:00", "timeZone": "Europe/London"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long eventId = JSON.readTree(created.body()).get("id").asLong();
        for (String[] p : List.of(new String[] {"Priya Shah", "priya.shah@nhs.example"},
                new String[] {"Tom Reid", "tom@fife.example"})) {
            var r = api.postJson("/api/v1/events/" + eventId + "/registrations", "{\"name\": \"" + p[0] + "\", \"email\": \""
                    + p[1] + "\", \"role\": \"Lead\", \"organisation\": \"NHS Fife\", \"sector\": \"health\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        return new Setup(organiser, api, eventId, slug);
    }

    static HttpSession.Response upload(HttpSession session, String path, Map<String, byte[]> files) {
        String boundary = "cairnfiles" + System.nanoTime();
        var out = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.sendBytes("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    static Map<String, byte[]> files(String... names) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String n : names) m.put(n, FormatsTest.sample(n));
        return m;
    }

    static long count(List<Entry> log, Class<? extends Contribution> kind) {
        return log.stream().filter(e -> kind.isInstance(e.contribution())).count();
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_zoom_chat_is_previewed_then_brought_in_once_with_reflections_and_anonymous_senders(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            String api = "/api/v1/events/" + s.eventId() + "/bring-in";
            var previewed = upload(s.api(), api + "/preview", files("zoom-one-line.txt"));
            assertThat(previewed.status()).as(previewed.body()).isEqualTo(200);
            JsonNode preview = JSON.readTree(previewed.body());
            assertThat(preview.get("canImport").asBoolean()).isTrue();
            assertThat(preview.get("files").get(0).get("format").asText()).isEqualTo("zoom_chat");
            assertThat(preview.get("adding").get("message").asInt()).isEqualTo(5);
            assertThat(preview.get("adding").get("prompt").asInt()).isEqualTo(1);
            assertThat(preview.get("adding").get("reflection").asInt()).isEqualTo(3);
            assertThat(preview.get("reactions").asInt()).isEqualTo(1);
            assertThat(preview.get("skipped").toString()).contains("line 5").contains("direct message");
            Map<String, String> senders = new LinkedHashMap<>();
            preview.get("senders").forEach(x -> senders.put(x.get("name").asText(), x.get("choice").asText()));
            assertThat(senders).containsOnlyKeys("Dr Priya Shah", "Tom Reid", "amira said", "Sam Host");
            assertThat(senders.get("Sam Host")).isEqualTo("host");
            assertThat(senders.get("Dr Priya Shah")).startsWith("reg:");
            assertThat(senders.get("amira said")).isEqualTo("anonymous");
            assertThat(server.services().live().log(s.eventId())).as("a preview saves nothing").isEmpty();

            var imported = upload(s.api(), api, files("zoom-one-line.txt"));
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            List<Entry> log = server.services().live().log(s.eventId());
            assertThat(count(log, Contribution.Message.class)).isEqualTo(5);
            assertThat(count(log, Contribution.Reflection.class)).isEqualTo(3);
            assertThat(count(log, Contribution.SegmentStarted.class)).isEqualTo(6);
            assertThat(log).filteredOn(e -> e.contribution() instanceof Contribution.Message m
                    && m.text().startsWith("How do we keep")).singleElement()
                    .satisfies(e -> assertThat(((Contribution.Message) e.contribution()).anonymous()).isTrue())
                    .satisfies(e -> assertThat(e.at()).isEqualTo(java.time.Instant.parse("2021-03-09T10:20:10Z")));
            assertThat(log).extracting(Entry::at).isSorted();
            var prompt = log.stream().filter(e -> e.contribution() instanceof Contribution.ReflectionOpened).findFirst()
                    .orElseThrow();
            assertThat(((Contribution.ReflectionOpened) prompt.contribution()).promptKey())
                    .isEqualTo("r" + Math.abs("What is your one key reflection?".hashCode()));
            assertThat(server.services().live().participants(s.eventId())).extracting(p -> p.registrationId() != null)
                    .containsExactlyInAnyOrder(true, true, false);

            var again = upload(s.api(), api, files("zoom-one-line.txt"));
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            assertThat(JSON.readTree(again.body()).get("added").asInt()).isZero();
            assertThat(server.services().live().log(s.eventId())).hasSameSizeAs(log);
            var previewAgain = JSON.readTree(upload(s.api(), api + "/preview", files("zoom-one-line.txt")).body());
            assertThat(previewAgain.get("files").get(0).get("alreadyBroughtIn").asText()).contains("zoom-one-line.txt");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_forms_evaluation_export_is_previewed_then_becomes_the_events_feedback_once_and_the_pack_counts_it(
            Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            long account = server.services().accounts().byEmail("sam@cairn.example").orElseThrow().id();
            var feedback = server.services().feedback();
            String api = "/api/v1/events/" + s.eventId() + "/bring-in";
            var previewed = upload(s.api(), api + "/preview", files("ms-forms-feedback.csv"));
            assertThat(previewed.status()).as(previewed.body()).isEqualTo(200);
            JsonNode preview = JSON.readTree(previewed.body());
            assertThat(preview.get("canImport").asBoolean()).isTrue();
            assertThat(preview.get("files").get(0).get("format").asText()).isEqualTo("feedback");
            JsonNode fb = preview.get("feedback");
            assertThat(fb.get("responses").asInt()).isEqualTo(5);
            assertThat(fb.get("matched").asInt()).isEqualTo(2);
            assertThat(fb.get("questionsToAdd")).singleElement().satisfies(q -> {
                assertThat(q.get("label").asText()).isEqualTo("Which part of the session was most useful?");
                assertThat(q.get("kind").asText()).isEqualTo("single_choice");
            });
            assertThat(fb.get("rows").get(0).get("matchedTo").asText()).isEqualTo("Priya Shah");
            assertThat(preview.get("skipped").toString()).contains("row 4").contains("\\\"great\\\" is not a score from 1 to 5")
                    .contains("row 5").contains("counts as not answered").contains("row 6");
            assertThat(feedback.anonymisedResponses(s.eventId())).as("a preview saves nothing").isEmpty();
            assertThat(feedback.form(s.eventId()).questions()).isEmpty();

            var imported = upload(s.api(), api, files("ms-forms-feedback.csv"));
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(JSON.readTree(imported.body()).get("feedbackResponses").asInt()).isEqualTo(5);
            assertThat(feedback.form(s.eventId()).questions()).singleElement()
                    .satisfies(q -> assertThat(q.options()).containsExactly("Breakout rooms", "Opening perspective",
                            "Closing reflections"));
            var stored = feedback.storedResponses(account, s.eventId());
            assertThat(stored).hasSize(5).extracting(FeedbackService.Stored::personKey).filteredOn(k -> k.startsWith("registration:"))
                    .hasSize(2);
            assertThat(stored).as("the form is anonymous: no names kept").allMatch(x -> x.response().name() == null);
            assertThat(server.services().live().log(s.eventId())).as("feedback is not a log entry").isEmpty();

            var again = upload(s.api(), api, files("ms-forms-feedback.csv"));
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            assertThat(JSON.readTree(again.body()).get("feedbackResponses").asInt()).isZero();
            assertThat(feedback.anonymisedResponses(s.eventId())).hasSize(5);
            assertThat(feedback.form(s.eventId()).questions()).hasSize(1);
            var previewAgain = JSON.readTree(upload(s.api(), api + "/preview", files("ms-forms-feedback.csv")).body());
            assertThat(previewAgain.get("files").get(0).get("alreadyBroughtIn").asText()).contains("ms-forms-feedback.csv");
            assertThat(previewAgain.get("feedback").get("responses").asInt()).isZero();

            // A second export with the same people adds only what is new: the matched people have answered.
            var google = upload(s.api(), api, files("google-forms-feedback.csv"));
            assertThat(google.status()).as(google.body()).isEqualTo(201);
            assertThat(JSON.readTree(google.body()).get("feedbackResponses").asInt()).as("Tom answered already").isEqualTo(1);

            var evaluation = server.services().packs().draft(account, s.eventId()).section("evaluation").orElseThrow();
            assertThat(evaluation.figures()).extracting(app.cairn.pack.Pack.Figure::value)
                    .containsExactly("6", "80%", "4.0/5");
            assertThat(evaluation.charts()).extracting(app.cairn.pack.Pack.Chart::title)
                    .contains("Which part of the session was most useful?");
            assertThat(evaluation.groups().get(0).quotes()).extracting(app.cairn.pack.Pack.Quote::text)
                    .contains("Hearing how other teams protect time to think", "The chat");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void one_unreadable_file_means_nothing_is_brought_in(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            Map<String, byte[]> files = files("zoom-cloud.txt", "slido-polls.csv");
            files.put("broken.csv", "Poll question,Option,Votes\nQ?,Yes,many\n".getBytes(StandardCharsets.UTF_8));
            var r = upload(s.api(), "/api/v1/events/" + s.eventId() + "/bring-in", files);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).contains("broken.csv").contains("Row 2");
            assertThat(server.services().live().log(s.eventId())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_web_page_previews_lets_the_organiser_match_a_sender_and_brings_everything_in(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            String base = "/c/" + s.slug() + "/events/" + s.eventId();
            assertThat(s.organiser().get(base).body()).contains(base + "/bring-in");
            var uploaded = upload(s.organiser(), base + "/bring-in", files("teams-chat.txt", "teams-attendance-utf16.csv",
                    "breakout-notes.md", "slido-polls.csv", "slido-qa.csv", "mentimeter.xlsx"));
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
            var page = s.organiser().get(uploaded.location());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Teams attendance report").contains("Slido results").contains("Mentimeter results")
                    .contains("Room 3 has no notes").contains("Sam Host ran the meeting");
            String field = "sender-" + Integer.toHexString("name:amira said".hashCode());
            assertThat(page.body()).contains("name=\"" + field + "\"");
            long priya = server.services().registrations().registrations(
                    server.services().accounts().byEmail("sam@cairn.example").orElseThrow().id(), s.eventId()).stream()
                    .filter(r -> r.name().equals("Priya Shah")).findFirst().orElseThrow().id();
            var done = s.organiser().post(uploaded.location(), Map.of("action", "import", field, "reg:" + priya));
            assertThat(done.status()).as(done.body()).isEqualTo(302);
            List<Entry> log = server.services().live().log(s.eventId());
            assertThat(count(log, Contribution.PollOpened.class)).isEqualTo(4);
            assertThat(count(log, Contribution.Vote.class)).isEqualTo(19 + 9 + 14 + 3);
            assertThat(count(log, Contribution.Upvote.class)).isEqualTo(8);
            assertThat(count(log, Contribution.AnswerStatus.class)).isEqualTo(1);
            assertThat(count(log, Contribution.ReflectionOpened.class)).isEqualTo(1);
            assertThat(count(log, Contribution.RoomsOpened.class)).isEqualTo(1);
            assertThat(count(log, Contribution.RoomNote.class)).isEqualTo(3);
            var rounds = server.services().live().state(s.eventId()).read(x -> x.rooms().rounds());
            assertThat(rounds).singleElement().satisfies(r -> {
                assertThat(r.closed()).isTrue();
                assertThat(r.rooms()).extracting(room -> room.name, room -> room.notes().size())
                        .containsExactly(tuple("Room 1", 2), tuple("Room 2 – Fife", 1), tuple("Room 3", 0));
            });
            assertThat(count(log, Contribution.Reflection.class)).isEqualTo(1);
            var state = server.services().live().state(s.eventId());
            assertThat(state).isNotNull();
            assertThat(s.organiser().get(uploaded.location()).status()).as("the uploads are forgotten").isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void only_the_communitys_organisers_can_bring_in_or_download_an_event(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            HttpSession stranger = server.http().signUp("Someone Else", "else@example.org", "correct horse battery");
            long other = server.services().accounts().byEmail("else@example.org").orElseThrow().id();
            HttpSession otherApi = server.http().bearer(server.services().apiTokens().create(other, "test"));
            String api = "/api/v1/events/" + s.eventId();
            assertThat(upload(otherApi, api + "/bring-in", files("zoom-one-line.txt")).status()).isIn(403, 404);
            assertThat(upload(otherApi, api + "/bring-in/preview", files("zoom-one-line.txt")).status()).isIn(403, 404);
            assertThat(otherApi.getBytes(api + "/archive").statusCode()).isIn(403, 404);
            String page = "/c/" + s.slug() + "/events/" + s.eventId() + "/bring-in";
            assertThat(stranger.get(page).status()).isIn(403, 404);
            assertThat(upload(stranger, page, files("zoom-one-line.txt")).status()).isIn(403, 404);
            assertThat(server.services().live().log(s.eventId())).isEmpty();
        }
    }
}
