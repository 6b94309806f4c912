package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.live.Contribution;
import app.cairn.live.Entry;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** An event exported from H2, imported into PostgreSQL, exported again and imported back into H2 is the same event. */
class ArchiveRoundTripIT {

    /** The archive's content with every id replaced by its position, so two instances' archives compare equal. */
    static Map<String, String> normalised(byte[] zip) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, String> out = new LinkedHashMap<>();
        var json = TransferHttpIT.JSON;
        JsonNode event = json.readTree(parts.get("event.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) event).remove(List.of("slug", "community", "communitySlug", "templateName"));
        out.put("event", event.toString());
        out.put("agenda", parts.get("agenda.json").replaceAll("\"id\" : \\d+", "\"id\" : 0"));
        List<String> regs = new ArrayList<>();
        json.readTree(parts.get("registrations.json")).forEach(r -> regs.add(r.get("name").asText() + "|"
                + r.get("email").asText() + "|" + r.get("status").asText()));
        out.put("registrations", regs.toString());
        List<String> people = new ArrayList<>();
        json.readTree(parts.get("participants.json")).forEach(p -> people.add(p.get("name").asText() + "|"
                + p.get("registrationId").isNull()));
        out.put("participants", people.toString());
        List<String> log = new ArrayList<>();
        json.readTree(parts.get("log.json")).forEach(e -> {
            var c = (com.fasterxml.jackson.databind.node.ObjectNode) e.get("contribution").deepCopy();
            c.remove(List.of("segmentId", "questionSeq", "targetSeq", "round", "noteSeq"));
            if (c.has("rooms")) c.get("rooms").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r)
                    .put("members", r.get("members").size()));
            if (c.has("pollKey") && c.get("pollKey").asText().matches("p\\d+")) c.put("pollKey", "planned");
            log.add(e.get("seq").asLong() + "|" + e.get("at").asText() + "|" + e.get("organiser").asBoolean() + "|"
                    + e.get("participantId").isNull() + "|" + c);
        });
        out.put("log", String.join("\n", log));
        out.put("csv", parts.get("registrations.csv"));
        // Kept themes: their streams and contributions are renumbered, so compare labels, summaries and sizes.
        List<String> kept = new ArrayList<>();
        if (parts.containsKey("themes.json")) {
            json.readTree(parts.get("themes.json")).forEach(t -> kept.add(t.get("stream").asText().replaceAll("\\d+", "N")
                    + "|" + t.get("label").asText() + "|" + t.get("summary").asText() + "|" + t.get("items").size()));
        }
        // Streams are ordered by their ids, which the renumbering changes: compare them as a set.
        java.util.Collections.sort(kept);
        out.put("themes", kept.toString());
        // Feedback: people by their email or name, questions by their label, responses by their place.
        Map<String, String> registrationEmails = new LinkedHashMap<>();
        json.readTree(parts.get("registrations.json")).forEach(r -> registrationEmails.put(r.get("id").asText(),
                r.get("email").asText()));
        Map<String, String> participantNames = new LinkedHashMap<>();
        json.readTree(parts.get("participants.json")).forEach(p -> participantNames.put(p.get("id").asText(),
                p.get("name").asText()));
        Map<String, String> responsePlaces = new LinkedHashMap<>();
        if (parts.containsKey("feedback.json")) {
            var feedback = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(parts.get("feedback.json"));
            Map<String, String> labels = new LinkedHashMap<>();
            feedback.get("questions").forEach(q -> labels.put(q.get("id").asText(), q.get("label").asText()));
            feedback.get("questions").forEach(q -> ((com.fasterxml.jackson.databind.node.ObjectNode) q).put("id", 0));
            int place = 0;
            for (JsonNode r : feedback.get("responses")) {
                var o = (com.fasterxml.jackson.databind.node.ObjectNode) r;
                responsePlaces.put(o.get("id").asText(), Integer.toString(place++));
                o.put("id", 0);
                String key = o.get("personKey").asText();
                String[] k = key.split(":", 2);
                o.put("personKey", k[0].equals("registration") ? "registration:" + registrationEmails.get(k[1])
                        : k[0].equals("participant") ? "participant:" + participantNames.get(k[1]) : key);
                var answers = json.createObjectNode();
                r.get("answers").fields().forEachRemaining(a -> answers.set(labels.get(a.getKey()), a.getValue()));
                o.set("answers", answers);
            }
            out.put("feedback", feedback.toString());
        }
        String pack = parts.get("pack.json");
        var refs = java.util.regex.Pattern.compile("(feedback-valued|feedback-better):(\\d+)").matcher(pack == null ? "" : pack);
        out.put("pack", pack == null ? null : refs.replaceAll(m -> m.group(1) + ":place" + responsePlaces.get(m.group(2))));
        return out;
    }

    static byte[] export(TestServer server, HttpSession api, long eventId) {
        var r = api.getBytes("/api/v1/events/" + eventId + "/archive");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static long importInto(TestServer server, byte[] archive) throws Exception {
        HttpSession organiser = server.http().signUp("Morag Bell", "morag@example.org", "correct horse battery");
        long account = server.services().accounts().byEmail("morag@example.org").orElseThrow().id();
        HttpSession api = server.http().bearer(server.services().apiTokens().create(account, "test"));
        String slug = TransferHttpIT.JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Fife Network\"}").body())
                .get("slug").asText();
        var r = api.postMultipart("/api/v1/communities/" + slug + "/archives", Map.of(), "file", "event.cairn.zip",
                "application/zip", archive);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return TransferHttpIT.JSON.readTree(r.body()).get("eventId").asLong();
    }

    @Test
    void an_archive_goes_from_h2_to_postgresql_and_back_with_the_same_result() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(app.cairn.testing.TestDatabases.postgresUrl() != null,
                "Round trip to PostgreSQL skipped: set CAIRN_TEST_DATABASE_URL");
        byte[] first;
        try (TestServer h2 = TestServer.start(Database.Vendor.H2)) {
            var s = TransferHttpIT.setUp(h2);
            var r = TransferHttpIT.upload(s.api(), "/api/v1/events/" + s.eventId() + "/bring-in",
                    TransferHttpIT.files("zoom-one-line.txt", "slido-qa.csv", "slido-polls.csv", "teams-attendance-old.csv",
                            "breakout-notes.md", "ms-forms-feedback.csv"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            s.api().postJson("/api/v1/events/" + s.eventId() + "/registrations",
                    "{\"name\": \"=cmd|' /C calc'!A0\", \"email\": \"formula@example.org\", \"role\": \"Lead\","
                            + " \"organisation\": \"NHS Fife\", \"sector\": \"health\"}");
            long account = h2.services().accounts().byEmail("sam@cairn.example").orElseThrow().id();
            var packs = h2.services().packs();
            packs.updateSettings(account, s.eventId(), "public", true, false);
            packs.editSection(account, s.eventId(), app.cairn.pack.Pack.ORDER.get(1), "In our own words.", false);
            List<Long> messages = h2.services().live().log(s.eventId()).stream()
                    .filter(e -> e.contribution() instanceof Contribution.Message).map(Entry::seq).toList();
            packs.leaveOut(account, s.eventId(), "log:" + messages.get(0));
            packs.addTheme(account, s.eventId(), "Keeping it going", "After today", messages.subList(1, 3));
            var feedback = h2.services().feedback();
            feedback.setAnonymous(account, s.eventId(), false);
            feedback.close(account, s.eventId());
            long priyasAnswer = feedback.storedResponses(account, s.eventId()).stream()
                    .filter(x -> x.personKey().startsWith("registration:")).findFirst().orElseThrow().response().id();
            packs.leaveOut(account, s.eventId(), "feedback-valued:" + priyasAnswer);
            first = export(h2, s.api(), s.eventId());
        }
        Map<String, String> expected = normalised(first);
        assertThat(expected.get("csv")).contains("'=cmd").doesNotContain(",=cmd");
        assertThat(expected.get("log")).contains("How do we keep this going after today?");
        assertThat(expected.get("pack")).contains("\"visibility\" : \"public\"").contains("In our own words.")
                .contains("Keeping it going").contains("log:").contains("feedback-valued:place0");
        assertThat(expected.get("feedback")).contains("\"anonymous\":false").contains("\"state\":\"closed\"")
                .contains("registration:priya.shah@nhs.example").contains("import:")
                .contains("\"Which part of the session was most useful?\":\"Breakout rooms\"")
                .contains("\"score\":5");
        byte[] second;
        try (TestServer pg = TestServer.start(Database.Vendor.POSTGRESQL)) {
            long eventId = importInto(pg, first);
            List<Entry> log = pg.services().live().log(eventId);
            assertThat(log.stream().filter(e -> e.contribution() instanceof Contribution.Upvote)).hasSize(8);
            assertThat(log.stream().filter(e -> e.contribution() instanceof Contribution.RoomNote)).hasSize(3);
            var rounds = pg.services().live().state(eventId).read(x -> x.rooms().rounds());
            assertThat(rounds).singleElement().satisfies(r -> assertThat(r.rooms()).extracting(room -> room.notes().size())
                    .containsExactly(2, 1, 0));
            long account = pg.services().accounts().byEmail("morag@example.org").orElseThrow().id();
            var evaluation = pg.services().packs().draft(account, eventId).section("evaluation").orElseThrow();
            assertThat(evaluation.figures()).extracting(app.cairn.pack.Pack.Figure::value).containsExactly("5", "75%", "4.3/5");
            assertThat(evaluation.groups().get(0).quotes()).extracting(app.cairn.pack.Pack.Quote::text)
                    .as("the quote left out stays out").doesNotContain("Hearing how other teams protect time to think")
                    .contains("The honesty in my room");
            second = export(pg, pg.http().bearer(pg.services().apiTokens().create(account, "again")), eventId);
        }
        assertThat(normalised(second)).isEqualTo(expected);
        try (TestServer h2 = TestServer.start(Database.Vendor.H2)) {
            long eventId = importInto(h2, second);
            long account = h2.services().accounts().byEmail("morag@example.org").orElseThrow().id();
            byte[] third = export(h2, h2.http().bearer(h2.services().apiTokens().create(account, "back")), eventId);
            assertThat(normalised(third)).isEqualTo(expected);
        }
    }

    @Test
    void a_damaged_or_foreign_archive_is_refused_with_a_message_and_makes_nothing() throws Exception {
        try (TestServer h2 = TestServer.start(Database.Vendor.H2)) {
            var s = TransferHttpIT.setUp(h2);
            byte[] good = export(h2, s.api(), s.eventId());
            String slug = s.slug();
            int before = h2.services().events().list(h2.services().accounts().byEmail("sam@cairn.example").orElseThrow().id(),
                    h2.services().communities().get(slug).id()).size();
            var cut = s.api().postMultipart("/api/v1/communities/" + slug + "/archives", Map.of(), "file", "x.zip",
                    "application/zip", java.util.Arrays.copyOf(good, good.length / 2));
            assertThat(cut.status()).isEqualTo(422);
            assertThat(cut.body()).contains("Nothing was brought in");
            var notOurs = s.api().postMultipart("/api/v1/communities/" + slug + "/archives", Map.of(), "file", "x.zip",
                    "application/zip", FormatsTest.sample("mentimeter.xlsx"));
            assertThat(notOurs.status()).isEqualTo(422);
            assertThat(notOurs.body()).contains("manifest.json");
            assertThat(h2.services().events().list(h2.services().accounts().byEmail("sam@cairn.example").orElseThrow().id(),
                    h2.services().communities().get(slug).id())).hasSize(before);
        }
    }

    @Test
    void the_demos_past_conversation_with_rooms_moderation_and_answers_moves_to_postgresql_unchanged() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(app.cairn.testing.TestDatabases.postgresUrl() != null,
                "Round trip to PostgreSQL skipped: set CAIRN_TEST_DATABASE_URL");
        var now = java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T09:00:00Z"), java.time.ZoneOffset.UTC);
        byte[] first;
        try (TestServer h2 = TestServer.start(app.cairn.testing.TestDatabases.open(Database.Vendor.H2), now,
                Map.of("CAIRN_DEMO", "true"))) {
            var services = h2.services();
            long organiser = services.accounts().byEmail(app.cairn.demo.Demo.EMAIL).orElseThrow().id();
            var community = services.communities().membershipsOf(organiser).get(0).community();
            long past = services.instanceSettings().get("demo.past-event").map(Long::valueOf).orElseThrow();
            assertThat(services.live().log(past)).hasSizeGreaterThan(200);
            first = services.archives().export(organiser, past);
        }
        Map<String, String> expected = normalised(first);
        assertThat(expected.get("log")).contains("room_note").contains("moderation").contains("48:40");
        try (TestServer pg = TestServer.start(Database.Vendor.POSTGRESQL)) {
            long eventId = importInto(pg, first);
            long account = pg.services().accounts().byEmail("morag@example.org").orElseThrow().id();
            byte[] second = pg.services().archives().export(account, eventId);
            Map<String, String> actual = normalised(second);
            assertThat(actual.get("log")).isEqualTo(expected.get("log"));
            assertThat(actual.get("agenda")).isEqualTo(expected.get("agenda"));
            assertThat(actual.get("participants")).isEqualTo(expected.get("participants"));
            assertThat(actual.get("registrations")).isEqualTo(expected.get("registrations"));
            assertThat(actual.get("pack")).isEqualTo(expected.get("pack"));
            assertThat(expected.get("feedback")).as("the demo's feedback comes along").contains("\"personKey\"");
            assertThat(actual.get("feedback")).isEqualTo(expected.get("feedback"));
            // The themes the facilitator kept come along, with every contribution in them.
            assertThat(expected.get("themes")).contains("notes-round-N|", "chat-N|", "answers-pN|");
            assertThat(actual.get("themes")).isEqualTo(expected.get("themes"));
        }
    }
}
