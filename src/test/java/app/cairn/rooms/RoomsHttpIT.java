package app.cairn.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.live.EventPlans;
import app.cairn.live.Live;
import app.cairn.live.RoomsState;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.SseClient;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Breakout rooms over the JSON API and the event log, on H2 and PostgreSQL. */
class RoomsHttpIT {
    static final ObjectMapper JSON = Cairn.json();

    record Setup(HttpSession organiser, long eventId, String slug, String code) {}

    static Setup setUp(TestServer server) throws Exception {
        server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
        long accountId = server.services().accounts().byEmail("aileen@example.org").orElseThrow().id();
        HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
        String slug = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}").body())
                .get("slug").asText();
        long eventId = JSON.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                {"templateId": "community-conversation-2-hours", "title": "Making space to reflect",
                 "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
        String code = JSON.readTree(api.get("/api/v1/events/" + eventId + "/live").body())
                .get("session").get("joinCode").asText();
        return new Setup(api, eventId, slug, code);
    }

    static HttpSession join(TestServer server, String code, String name, String organisation) throws Exception {
        return server.http().bearer(joinToken(server, code, name, organisation));
    }

    static String joinToken(TestServer server, String code, String name, String organisation) throws Exception {
        var r = server.http().postJson("/api/v1/live/" + code + "/join", "{\"name\": \"" + name
                + "\", \"role\": \"Nurse\", \"organisation\": \"" + organisation + "\", \"sector\": \"health\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("token").asText();
    }

    /** Seven people from four organisations, by name. */
    static Map<String, HttpSession> people(TestServer server, String code) throws Exception {
        Map<String, HttpSession> out = new HashMap<>();
        tokens(server, code).forEach((name, token) -> out.put(name, server.http().bearer(token)));
        return out;
    }

    static Map<String, String> tokens(TestServer server, String code) throws Exception {
        Map<String, String> out = new HashMap<>();
        String[][] who = {{"Priya", "NHS Fife"}, {"Tom", "NHS Fife"}, {"Morag", "Fife Council"}, {"Iain", "Fife Council"},
                {"Ewan", "Carers Scotland"}, {"Ruth", "Carers Scotland"}, {"Sana", "Dundee Care Homes"}};
        for (String[] p : who) out.put(p[0], joinToken(server, code, p[0], p[1]));
        return out;
    }

    static JsonNode rooms(Setup s) throws Exception {
        var r = s.organiser().get("/api/v1/events/" + s.eventId() + "/rooms");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("current");
    }

    static long open(Setup s, String body) throws Exception {
        var r = s.organiser().postJson("/api/v1/events/" + s.eventId() + "/rooms", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("round").asLong();
    }

    static JsonNode mine(HttpSession p, String code) throws Exception {
        var r = p.get("/api/v1/live/" + code + "/room");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void mixed_rooms_spread_organisations_and_each_person_sees_their_room_prompts_and_video(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            Map<String, HttpSession> people = people(server, s.code());
            open(s, "{\"strategy\": \"mixed\", \"roomCount\": 2, \"seed\": 7, \"videoTemplate\": \"https://meet.jit.si/{event}-{room}\"}");
            JsonNode current = rooms(s);
            assertThat(current.get("rooms")).hasSize(2);
            List<Integer> sizes = new ArrayList<>();
            current.get("rooms").forEach(r -> sizes.add(r.get("members").size()));
            assertThat(sizes).containsExactlyInAnyOrder(4, 3);
            for (JsonNode room : current.get("rooms")) {
                List<String> orgs = new ArrayList<>();
                room.get("members").forEach(m -> orgs.add(m.get("organisation").asText()));
                assertThat(orgs).as("room %s", room.get("number")).doesNotHaveDuplicates();
                assertThat(room.get("video").asText())
                        .isEqualTo("https://meet.jit.si/making-space-to-reflect-" + s.eventId() + "-" + room.get("number").asInt());
            }
            for (var e : people.entrySet()) {
                JsonNode me = mine(e.getValue(), s.code());
                assertThat(me.get("open").asBoolean()).isTrue();
                List<String> names = new ArrayList<>();
                me.get("room").get("members").forEach(m -> names.add(m.get("name").asText()));
                assertThat(names).contains(e.getKey());
                List<String> prompts = new ArrayList<>();
                me.get("prompts").forEach(x -> prompts.add(x.asText()));
                assertThat(prompts).isEqualTo(server.services().live().plan(s.eventId()).segments().stream()
                        .filter(x -> x.kind().equals("breakout")).findFirst().orElseThrow().prompts());
                assertThat(prompts).startsWith("What resonated with you from the opening perspective?");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void more_rooms_than_people_and_rooms_already_open_are_refused_with_clear_messages(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            var none = s.organiser().postJson("/api/v1/events/" + s.eventId() + "/rooms", "{\"roomCount\": 2}");
            assertThat(none.status()).isEqualTo(422);
            assertThat(none.body()).contains("Nobody has joined yet");
            join(server, s.code(), "Priya", "NHS Fife");
            join(server, s.code(), "Tom", "NHS Tayside");
            var tooMany = s.organiser().postJson("/api/v1/events/" + s.eventId() + "/rooms", "{\"roomCount\": 3}");
            assertThat(tooMany.status()).isEqualTo(422);
            assertThat(tooMany.body()).contains("There are more rooms (3) than people (2). Choose 2 rooms or fewer");
            var badLink = s.organiser().postJson("/api/v1/events/" + s.eventId() + "/rooms",
                    "{\"roomCount\": 1, \"videoTemplate\": \"javascript:alert(1)\"}");
            assertThat(badLink.status()).isEqualTo(422);
            assertThat(badLink.body()).contains("must start with https://");
            open(s, "{\"roomCount\": 1}");
            var again = s.organiser().postJson("/api/v1/events/" + s.eventId() + "/rooms", "{\"roomCount\": 1}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).contains("Breakout rooms are already open");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void notes_chat_rapporteur_and_themes_stay_in_their_room_and_are_kept_after_closing(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            Map<String, HttpSession> people = people(server, s.code());
            long round = open(s, "{\"strategy\": \"random\", \"roomCount\": 2, \"seed\": 3}");
            JsonNode current = rooms(s);
            String inOne = current.get("rooms").get(0).get("members").get(0).get("name").asText();
            String inTwo = current.get("rooms").get(1).get("members").get(0).get("name").asText();
            HttpSession a = people.get(inOne);
            HttpSession b = people.get(inTwo);
            String base = "/api/v1/live/" + s.code() + "/room/";
            assertThat(a.postJson(base + "notes", "{\"text\": \"Time to think is rare on the ward\"}").status()).isEqualTo(201);
            assertThat(a.postJson(base + "chat", "{\"text\": \"Who wants to take notes?\"}").status()).isEqualTo(201);
            assertThat(a.postJson(base + "volunteer", "{}").status()).isEqualTo(201);
            var second = b.postJson(base + "volunteer", "{}");
            assertThat(second.status()).isEqualTo(201);
            var empty = a.postJson(base + "notes", "{\"text\": \"  \"}");
            assertThat(empty.status()).isEqualTo(422);

            long noteSeq = JSON.readTree(a.postJson(base + "notes", "{\"text\": \"Rota first, people second\"}").body()).get("seq").asLong();
            var edited = a.postJson(base + "edit", "{\"seq\": " + noteSeq + ", \"text\": \"People first, then the rota\"}");
            assertThat(edited.status()).as(edited.body()).isEqualTo(201);
            var notMine = b.postJson(base + "edit", "{\"seq\": " + noteSeq + ", \"text\": \"changed from another room\"}");
            assertThat(notMine.status()).isEqualTo(409);
            assertThat(notMine.body()).contains("That note is not in your room");

            // Room two does not see room one's notes.
            assertThat(mine(b, s.code()).get("room").get("notes")).isEmpty();
            JsonNode mineA = mine(a, s.code());
            assertThat(mineA.get("room").get("notes").get(0).get("text").asText()).isEqualTo("Time to think is rare on the ward");
            assertThat(mineA.get("room").get("notes").get(1).get("text").asText()).isEqualTo("People first, then the rota");
            assertThat(mineA.get("room").get("notes").get(1).get("edited").asBoolean()).isTrue();
            assertThat(mineA.get("rapporteur").asBoolean()).isTrue();

            String staff = "/api/v1/events/" + s.eventId() + "/rooms/" + round + "/";
            assertThat(s.organiser().postJson(staff + "broadcast", "{\"text\": \"2 minutes left\"}").status()).isEqualTo(201);
            assertThat(s.organiser().postJson(staff + "extend", "{\"minutes\": 5}").status()).isEqualTo(201);
            assertThat(mine(b, s.code()).get("broadcast").asText()).isEqualTo("2 minutes left");
            assertThat(rooms(s).get("minutes").asInt()).isEqualTo(40 + 5);
            assertThat(s.organiser().postJson(staff + "close", "{}").status()).isEqualTo(201);
            var late = a.postJson(base + "notes", "{\"text\": \"one more thing\"}");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body()).contains("closed");
            var closeAgain = s.organiser().postJson(staff + "close", "{}");
            assertThat(closeAgain.status()).isEqualTo(409);

            // The rapporteur marks the top three themes after the rooms close, for the report-back.
            var themes = a.postJson(base + "themes", "{\"themes\": [\"Protected time to reflect\", \"Trust across teams\", \"Carers as partners\"]}");
            assertThat(themes.status()).as(themes.body()).isEqualTo(201);
            var four = a.postJson(base + "themes", "{\"themes\": [\"a\", \"b\", \"c\", \"d\"]}");
            assertThat(four.status()).isEqualTo(422);

            JsonNode after = rooms(s);
            assertThat(after.get("closed").asBoolean()).isTrue();
            JsonNode one = after.get("rooms").get(0);
            assertThat(one.get("notes").get(0).get("text").asText()).isEqualTo("Time to think is rare on the ward");
            assertThat(one.get("chat").get(0).get("text").asText()).isEqualTo("Who wants to take notes?");
            assertThat(one.get("rapporteur").get("name").asText()).isEqualTo(inOne);
            assertThat(one.get("themes")).hasSize(3);
            assertThat(mine(a, s.code()).get("room").get("themes").get(0).asText()).isEqualTo("Protected time to reflect");

            // The notes and themes are in the event log, and a fresh node replays the same rooms from it.
            try (Live fresh = freshNode(server)) {
                RoomsState replayed = fresh.service().state(s.eventId()).rooms();
                RoomsState.Room replayedOne = replayed.round(round).orElseThrow().room(1).orElseThrow();
                assertThat(replayedOne.notes()).extracting(RoomsState.Note::text)
                        .containsExactly("Time to think is rare on the ward", "People first, then the rota");
                assertThat(replayedOne.themes())
                        .containsExactly("Protected time to reflect", "Trust across teams", "Carers as partners");
                assertThat(replayed.round(round).orElseThrow().closed()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void two_facilitators_moving_the_same_person_at_once_one_wins_and_both_see_the_result(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            people(server, s.code());
            long round = open(s, "{\"strategy\": \"random\", \"roomCount\": 3, \"seed\": 5}");
            JsonNode room1 = rooms(s).get("rooms").get(0);
            long who = room1.get("members").get(0).get("id").asLong();
            String path = "/api/v1/events/" + s.eventId() + "/rooms/" + round + "/move";
            HttpSession second = s.organiser();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Callable<HttpSession.Response>> moves = List.of(
                        () -> { go.await(); return s.organiser().postJson(path, "{\"participantId\": " + who + ", \"from\": 1, \"to\": 2}"); },
                        () -> { go.await(); return second.postJson(path, "{\"participantId\": " + who + ", \"from\": 1, \"to\": 3}"); });
                List<Future<HttpSession.Response>> results = new ArrayList<>();
                for (var m : moves) results.add(pool.submit(m));
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                String refusal = null;
                for (var f : results) {
                    var r = f.get();
                    statuses.add(r.status());
                    if (r.status() == 409) refusal = r.body();
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
                assertThat(refusal).contains("Someone else has just moved").contains("Your screen now shows where everyone is");
                int winner = statuses.get(0) == 201 ? 2 : 3;
                JsonNode after = rooms(s);
                List<Long> inWinner = new ArrayList<>();
                after.get("rooms").get(winner - 1).get("members").forEach(m -> inWinner.add(m.get("id").asLong()));
                assertThat(inWinner).contains(who);
                assertThat(refusal).contains("Room " + winner);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_late_joiner_goes_to_the_smallest_room_and_an_emptied_room_is_rebalanced_on_request(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            people(server, s.code());
            long round = open(s, "{\"strategy\": \"mixed\", \"roomCount\": 3, \"seed\": 1}");
            JsonNode current = rooms(s);
            int smallest = 0;
            for (int i = 0; i < 3; i++) {
                if (current.get("rooms").get(i).get("members").size() < current.get("rooms").get(smallest).get("members").size()) smallest = i;
            }
            HttpSession late = join(server, s.code(), "Late Lewis", "NHS Lothian");
            JsonNode mine = mine(late, s.code());
            assertThat(mine.get("room").get("number").asInt()).isEqualTo(smallest + 1);

            // Everyone in room 3 leaves it (moved by hand), leaving it empty; a rebalance fills it again.
            String staff = "/api/v1/events/" + s.eventId() + "/rooms/" + round + "/";
            for (JsonNode m : rooms(s).get("rooms").get(2).get("members")) {
                var r = s.organiser().postJson(staff + "move", "{\"participantId\": " + m.get("id").asLong() + ", \"from\": 3, \"to\": 1}");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
            assertThat(rooms(s).get("rooms").get(2).get("members")).isEmpty();
            var rebalanced = s.organiser().postJson(staff + "rebalance", "{}");
            assertThat(rebalanced.status()).as(rebalanced.body()).isEqualTo(201);
            List<Integer> sizes = new ArrayList<>();
            rooms(s).get("rooms").forEach(r -> sizes.add(r.get("members").size()));
            assertThat(sizes.stream().mapToInt(i -> i).max().orElseThrow() - sizes.stream().mapToInt(i -> i).min().orElseThrow())
                    .isLessThanOrEqualTo(1);
            assertThat(sizes.stream().mapToInt(i -> i).sum()).isEqualTo(8);
            var nothing = s.organiser().postJson(staff + "rebalance", "{}");
            assertThat(nothing.status()).isEqualTo(200);
            assertThat(nothing.body()).contains("already even");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_reconnecting_participant_returns_to_the_same_room_with_its_notes(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            Map<String, String> tokens = tokens(server, s.code());
            Map<String, HttpSession> people = new HashMap<>();
            tokens.forEach((name, t) -> people.put(name, server.http().bearer(t)));
            open(s, "{\"strategy\": \"random\", \"roomCount\": 2, \"seed\": 11}");
            JsonNode room = rooms(s).get("rooms").get(0);
            String first = room.get("members").get(0).get("name").asText();
            String second = room.get("members").get(1).get("name").asText();
            String token = tokens.get(first);
            long lastSeen;
            try (SseClient stream = SseClient.open(server.url("/stream/" + s.code()), Map.of("Authorization", "Bearer " + token))) {
                SseClient.Event e = stream.next(Duration.ofSeconds(5));
                lastSeen = Long.parseLong(e.id());
                assertThat(JSON.readTree(e.data()).get("rooms").get("everyone").asBoolean()).isTrue();
            }
            // While away, someone in the room writes a note.
            people.get(second).postJson("/api/v1/live/" + s.code() + "/room/notes", "{\"text\": \"Carers need a seat at the table\"}");
            try (SseClient stream = SseClient.open(server.url("/stream/" + s.code()),
                    Map.of("Authorization", "Bearer " + token, "Last-Event-ID", String.valueOf(lastSeen)))) {
                JsonNode update = JSON.readTree(stream.next(Duration.ofSeconds(5)).data());
                assertThat(update.get("rooms").get("seq").asLong()).isGreaterThan(lastSeen);
                // Only room 1 changed, so only room 1's members need to fetch their room again.
                assertThat(update.get("rooms").get("everyone").asBoolean()).isFalse();
                assertThat(update.get("rooms").get("rooms").size()).isEqualTo(1);
                assertThat(update.get("rooms").get("rooms").get(0).asInt()).isEqualTo(1);
            }
            JsonNode back = mine(people.get(first), s.code());
            assertThat(back.get("room").get("number").asInt()).isEqualTo(1);
            assertThat(back.get("room").get("notes").get(0).get("text").asText()).isEqualTo("Carers need a seat at the table");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void meeting_new_people_splits_pairs_who_shared_a_room_at_the_communitys_earlier_conversation(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup later = setUp(server);
            long earlierId = JSON.readTree(later.organiser().postJson("/api/v1/communities/" + later.slug() + "/events", """
                    {"templateId": "community-conversation-2-hours", "title": "The first conversation",
                     "date": "2030-02-09", "startTime": "12:30"}""").body()).get("id").asLong();
            String earlierCode = JSON.readTree(later.organiser().get("/api/v1/events/" + earlierId + "/live").body())
                    .get("session").get("joinCode").asText();
            Setup earlier = new Setup(later.organiser(), earlierId, later.slug(), earlierCode);
            String[][] who = {{"Priya", "NHS Fife"}, {"Tom", "Fife Council"}, {"Morag", "Carers Scotland"}, {"Iain", "NHS Tayside"}};
            for (String[] p : who) join(server, earlier.code(), p[0], p[1]);
            open(earlier, "{\"strategy\": \"random\", \"roomCount\": 2, \"seed\": 4}");
            List<java.util.Set<String>> met = new ArrayList<>();
            for (JsonNode room : rooms(earlier).get("rooms")) {
                java.util.Set<String> names = new java.util.HashSet<>();
                room.get("members").forEach(m -> names.add(m.get("name").asText()));
                met.add(names);
            }
            for (String[] p : who) join(server, later.code(), p[0], p[1]);
            for (long seed = 1; seed <= 5; seed++) {
                if (seed > 1) {
                    long round = rooms(later).get("round").asLong();
                    later.organiser().postJson("/api/v1/events/" + later.eventId() + "/rooms/" + round + "/close", "{}");
                }
                open(later, "{\"strategy\": \"meet_new\", \"roomCount\": 2, \"seed\": " + seed + "}");
                for (JsonNode room : rooms(later).get("rooms")) {
                    java.util.Set<String> names = new java.util.HashSet<>();
                    room.get("members").forEach(m -> names.add(m.get("name").asText()));
                    assertThat(met).as("seed %d: %s met before", seed, names).doesNotContain(names);
                }
            }
            var page = later.organiser().get("/c/" + later.slug() + "/events/" + later.eventId() + "/rooms");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Rooms are open: 2 rooms, 4 people", "Earlier rooms in this conversation");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_opening_form_keeps_named_people_together_or_apart_and_names_anyone_it_cannot_find(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            people(server, s.code());
            String form = "/c/" + s.slug() + "/events/" + s.eventId() + "/rooms/open";
            var unknown = s.organiser().post(form, Map.of("strategy", "mixed", "by", "count", "roomCount", "2",
                    "together", "Priya, Zed"));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.body()).contains("Nobody called Zed has joined");
            var opened = s.organiser().post(form, Map.of("strategy", "mixed", "by", "count", "roomCount", "2",
                    "together", "priya, Tom", "apart", "Ewan; Morag\nRuth, Iain"));
            assertThat(opened.status()).as(opened.body()).isEqualTo(302);
            Map<String, Integer> roomOf = new HashMap<>();
            for (JsonNode room : rooms(s).get("rooms")) {
                room.get("members").forEach(m -> roomOf.put(m.get("name").asText(), room.get("number").asInt()));
            }
            assertThat(roomOf.get("Priya")).as("kept together although both are from NHS Fife").isEqualTo(roomOf.get("Tom"));
            assertThat(roomOf.get("Ewan")).isNotEqualTo(roomOf.get("Morag"));
            assertThat(roomOf.get("Ruth")).isNotEqualTo(roomOf.get("Iain"));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void grouping_by_a_registration_answer_seats_people_with_the_same_answer_together(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            var services = server.services();
            long accountId = services.accounts().byEmail("aileen@example.org").orElseThrow().id();
            var question = services.registrations().addQuestion(accountId, s.eventId(),
                    new app.cairn.registration.RegistrationService.QuestionInput("single_choice",
                            "Which would you most like to talk about?", "", false, List.of("Workforce", "Digital")));
            Map<String, String> topicOf = new HashMap<>();
            String[] names = {"Priya", "Tom", "Morag", "Iain", "Ewan", "Ruth"};
            for (int i = 0; i < names.length; i++) {
                String topic = i % 2 == 0 ? "Workforce" : "Digital";
                topicOf.put(names[i], topic);
                var outcome = services.registrations().addByHand(accountId, s.eventId(), new app.cairn.registration.RegistrationInput(
                        names[i], names[i].toLowerCase() + "@example.org", "Nurse", "Org " + i, "health", "", "",
                        Map.of(question.id(), List.of(topic)), true), false);
                services.live().joinFromRegistration(s.eventId(), outcome.registration().id(), names[i], "Nurse", "Org " + i,
                        "health", names[i].toLowerCase() + "@example.org");
            }
            var missing = s.organiser().postJson("/api/v1/events/" + s.eventId() + "/rooms", "{\"strategy\": \"by_answer\", \"roomCount\": 2}");
            assertThat(missing.status()).isEqualTo(422);
            assertThat(missing.body()).contains("Choose the registration question");
            open(s, "{\"strategy\": \"by_answer\", \"roomCount\": 2, \"questionId\": " + question.id() + "}");
            for (JsonNode room : rooms(s).get("rooms")) {
                java.util.Set<String> topics = new java.util.HashSet<>();
                room.get("members").forEach(m -> topics.add(topicOf.get(m.get("name").asText())));
                assertThat(topics).as(room.toString()).hasSize(1);
            }
        }
    }

    /** A second node on the same database, as after a restart: its state is replayed from the log. */
    private static Live freshNode(TestServer server) {
        var services = server.services();
        return new Live(server.database().jdbi(), Clock.systemUTC(), Cairn.json(),
                new EventPlans(services.events(), services.communities()), id -> "Host", services.mailer());
    }
}
