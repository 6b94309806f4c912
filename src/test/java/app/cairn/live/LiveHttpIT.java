package app.cairn.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.SseClient;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

public class LiveHttpIT {
    static final ObjectMapper JSON = Cairn.json();

    /** A signed-up organiser with a community, a DIY conversation and its live session open. */
    public record Setup(HttpSession organiser, String token, long eventId, String slug, String code) {}

    public static Setup setUp(TestServer server) throws Exception {
        HttpSession organiser = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
        long accountId = server.services().accounts().byEmail("aileen@example.org").orElseThrow().id();
        String token = server.services().apiTokens().create(accountId, "test");
        HttpSession api = server.http().bearer(token);
        var community = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}").body());
        String slug = community.get("slug").asText();
        var event = JSON.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                {"templateId": "community-conversation-2-hours", "title": "Making space to reflect",
                 "date": "2030-03-09", "startTime": "12:30"}""").body());
        long eventId = event.get("id").asLong();
        var live = JSON.readTree(api.get("/api/v1/events/" + eventId + "/live").body());
        return new Setup(api, token, eventId, slug, live.get("session").get("joinCode").asText());
    }

    public static String join(TestServer server, String code, String name) throws Exception {
        var r = server.http().postJson("/api/v1/live/" + code + "/join",
                "{\"name\": \"" + name + "\", \"role\": \"Nurse\", \"organisation\": \"NHS Fife\", \"sector\": \"health\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("token").asText();
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_reconnecting_stream_gets_exactly_what_it_missed(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            String alice = join(server, s.code(), "Alice");
            String bob = join(server, s.code(), "Bob");
            HttpSession aliceApi = server.http().bearer(alice);

            long lastSeen;
            try (SseClient stream = SseClient.open(server.url("/stream/" + s.code()),
                    Map.of("Authorization", "Bearer " + bob))) {
                assertThat(stream.status()).isEqualTo(200);
                var first = stream.next(Duration.ofSeconds(5));
                assertThat(first.name()).isEqualTo("update");
                aliceApi.postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"Hello from Dundee\"}");
                SseClient.Event e = stream.next(Duration.ofSeconds(5));
                assertThat(e.data()).contains("Hello from Dundee");
                lastSeen = Long.parseLong(e.id());
            }
            // While Bob is away: two messages and a question.
            List<String> missed = new ArrayList<>();
            for (String text : List.of("Second message", "Third message")) {
                aliceApi.postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"" + text + "\"}");
                missed.add(text);
            }
            aliceApi.postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"What about carers?\", \"question\": true}");

            try (SseClient stream = SseClient.open(server.url("/stream/" + s.code()),
                    Map.of("Authorization", "Bearer " + bob, "Last-Event-ID", String.valueOf(lastSeen)))) {
                SseClient.Event e = stream.next(Duration.ofSeconds(5));
                JsonNode update = JSON.readTree(e.data());
                List<String> texts = new ArrayList<>();
                update.get("messages").forEach(m -> texts.add(m.get("text").asText()));
                assertThat(texts).containsExactly("Second message", "Third message", "What about carers?");
                assertThat(Long.parseLong(e.id())).isEqualTo(update.get("seq").asLong()).isGreaterThan(lastSeen);
                // Nothing more: no duplicate of what was already seen.
                Thread.sleep(300);
                assertThat(stream.drain()).allMatch(x -> x.name() == null);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void votes_are_counted_once_per_person_and_a_closed_poll_refuses_them(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            var plan = server.services().live().plan(s.eventId());
            var welcome = plan.segments().get(0);
            String pollKey = welcome.polls().get(0).key();
            s.organiser().postJson("/api/v1/events/" + s.eventId() + "/live/start",
                    "{\"segment\": " + welcome.id() + ", \"expected\": null}");
            var opened = s.organiser().postJson("/api/v1/events/" + s.eventId() + "/live/poll-open",
                    "{\"poll\": \"" + pollKey + "\", \"showResults\": true}");
            assertThat(opened.status()).as(opened.body()).isEqualTo(200);

            HttpSession alice = server.http().bearer(join(server, s.code(), "Alice"));
            var v1 = alice.postJson("/api/v1/live/" + s.code() + "/votes", "{\"poll\": \"" + pollKey + "\", \"choices\": [0]}");
            assertThat(v1.status()).as(v1.body()).isEqualTo(201);
            alice.postJson("/api/v1/live/" + s.code() + "/votes", "{\"poll\": \"" + pollKey + "\", \"choices\": [1]}");
            var bad = alice.postJson("/api/v1/live/" + s.code() + "/votes", "{\"poll\": \"" + pollKey + "\", \"choices\": [7]}");
            assertThat(bad.status()).isEqualTo(409);
            assertThat(bad.body()).contains("That option is not in this poll.");

            var state = JSON.readTree(s.organiser().get("/api/v1/events/" + s.eventId() + "/live").body());
            var results = state.get("state").get("polls").get(0).get("results");
            assertThat(results.get("answered").asInt()).isEqualTo(1);
            assertThat(results.get("counts").get(1).asInt()).isEqualTo(1);

            s.organiser().postJson("/api/v1/events/" + s.eventId() + "/live/poll-close", "{\"poll\": \"" + pollKey + "\"}");
            var late = alice.postJson("/api/v1/live/" + s.code() + "/votes", "{\"poll\": \"" + pollKey + "\", \"choices\": [0]}");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body()).contains("This poll has closed");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void bad_input_and_floods_get_clear_messages(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            HttpSession alice = server.http().bearer(join(server, s.code(), "Alice"));
            var empty = alice.postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"   \"}");
            assertThat(empty.status()).isEqualTo(422);
            assertThat(empty.body()).contains("Enter a message");
            var long_ = alice.postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"" + "x".repeat(1001) + "\"}");
            assertThat(long_.status()).isEqualTo(422);
            assertThat(long_.body()).contains("1000 characters or fewer");
            int limited = 0;
            for (int i = 0; i < 12; i++) {
                var r = alice.postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"flood " + i + "\"}");
                if (r.status() == 429) {
                    limited++;
                    assertThat(r.body()).contains("Wait a few seconds");
                }
            }
            assertThat(limited).isGreaterThan(0);
            var nobody = server.http().postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"hi\"}");
            assertThat(nobody.status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_second_facilitator_with_a_stale_console_is_refused(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            var plan = server.services().live().plan(s.eventId());
            long first = plan.segments().get(0).id();
            long second = plan.segments().get(1).id();
            String base = "/api/v1/events/" + s.eventId() + "/live/start";
            assertThat(s.organiser().postJson(base, "{\"segment\": " + first + "}").status()).isEqualTo(200);
            assertThat(s.organiser().postJson(base, "{\"segment\": " + second + ", \"expected\": " + first + "}").status())
                    .isEqualTo(200);
            var stale = s.organiser().postJson(base, "{\"segment\": " + second + ", \"expected\": " + first + "}");
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.body()).contains("Another facilitator has already moved the conversation on");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_guest_host_sees_the_questions_but_cannot_run_the_agenda(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            HttpSession guest = server.http().signUp("Dr Jane Smith", "jane@example.org", "another long password");
            var added = s.organiser().postJson("/api/v1/events/" + s.eventId() + "/live/team",
                    "{\"email\": \"jane@example.org\", \"liveRole\": \"host\"}");
            assertThat(added.status()).as(added.body()).isEqualTo(200);

            HttpSession alice = server.http().bearer(join(server, s.code(), "Alice"));
            long question = JSON.readTree(alice.postJson("/api/v1/live/" + s.code() + "/messages",
                    "{\"text\": \"How do we make time?\", \"question\": true}").body()).get("seq").asLong();

            var state = guest.get("/api/v1/events/" + s.eventId() + "/live");
            assertThat(state.status()).isEqualTo(200);
            assertThat(state.body()).contains("How do we make time?");
            var answered = guest.postJson("/api/v1/events/" + s.eventId() + "/live/answer",
                    "{\"seq\": " + question + ", \"answer\": \"later\"}");
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            long first = server.services().live().plan(s.eventId()).segments().get(0).id();
            var start = guest.postJson("/api/v1/events/" + s.eventId() + "/live/start", "{\"segment\": " + first + "}");
            assertThat(start.status()).isEqualTo(403);
            var stranger = server.http().signUp("Someone Else", "else@example.org", "a third long password")
                    .get("/api/v1/events/" + s.eventId() + "/live");
            assertThat(stranger.status()).isEqualTo(404);
        }
    }

    @org.junit.jupiter.api.Test
    void a_stream_whose_person_has_gone_is_let_go_of_at_the_next_update() throws Exception {
        try (TestServer server = TestServer.start(Database.Vendor.H2)) {
            Setup s = setUp(server);
            String token = join(server, s.code(), "Morag");
            String alice = join(server, s.code(), "Alice");
            HttpSession aliceApi = server.http().bearer(alice);
            aliceApi.postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"Warming up\"}");
            // Server and client share this process: each open stream is two sockets here, one a side.
            List<java.net.Socket> streams = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                var socket = new java.net.Socket("localhost", server.port());
                socket.getOutputStream().write(("GET /stream/" + s.code() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.setSoTimeout(5_000);
                byte[] first = new byte[12];
                assertThat(socket.getInputStream().readNBytes(first, 0, 12)).isEqualTo(12);
                assertThat(new String(first, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                streams.add(socket);
            }
            long open = sockets();
            for (var socket : streams) socket.close();
            // The first write to a socket whose client has gone may still succeed; a later one fails.
            long left = open;
            for (int i = 0; i < 20 && left > open - 35; i++) {
                aliceApi.postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"Message " + i + "\"}");
                Thread.sleep(250);
                left = sockets();
            }
            // Both sides of all 20 gone (less a few the test's own HTTP client may have opened meanwhile).
            assertThat(open - left).as("sockets let go of, of 40").isGreaterThanOrEqualTo(35);
        }
    }

    private static long sockets() throws java.io.IOException {
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.filter(f -> {
                try {
                    return java.nio.file.Files.readSymbolicLink(f).toString().startsWith("socket:");
                } catch (java.io.IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
