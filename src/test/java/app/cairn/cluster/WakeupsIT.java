package app.cairn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.live.LiveHttpIT;
import app.cairn.store.Database;
import app.cairn.testing.SseClient;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two nodes on one PostgreSQL schema: what is posted on one reaches streams on the other, in order. */
class WakeupsIT {
    static final ObjectMapper JSON = Cairn.json();

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "redis"})
    void a_participant_on_node_b_sees_what_node_a_stored_in_order_with_no_gap_or_duplicate(String transport)
            throws Exception {
        String url = TestDatabases.postgresUrl();
        Assumptions.assumeTrue(url != null, "PostgreSQL tests skipped: set " + TestDatabases.POSTGRES_URL_VARIABLE);
        if (transport.equals("redis")) {
            Assumptions.assumeTrue(redisIsRunning(), "Redis tests skipped: nothing listens on 127.0.0.1:6379");
        }
        String schema = "w_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> env = transport.equals("redis")
                ? Map.of("CAIRN_WAKEUPS", "redis", "CAIRN_REDIS_URL", "redis://127.0.0.1:6379")
                : Map.of();
        try (TestServer a = TestServer.start(Database.open(url, null, null, schema), Clock.systemUTC(), env);
                TestServer b = TestServer.start(Database.open(url, null, null, schema), Clock.systemUTC(), env)) {
            var health = JSON.readTree(b.http().get("/health").body());
            assertThat(health.get("wakeups").get("transport").asText()).isEqualTo(transport);

            LiveHttpIT.Setup s = LiveHttpIT.setUp(a);
            List<String> onA = new ArrayList<>();
            for (int i = 0; i < 6; i++) onA.add(LiveHttpIT.join(a, s.code(), "Person " + i));
            String bob = LiveHttpIT.join(b, s.code(), "Bob");
            try (SseClient onB = SseClient.open(b.url("/stream/" + s.code()), Map.of("Authorization", "Bearer " + bob))) {
                assertThat(onB.status()).isEqualTo(200);
                long last = Long.parseLong(onB.next(Duration.ofSeconds(5)).id());

                List<String> sent = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    String text = "message " + i + " from node A";
                    // Round the people on node A, as a room of people posting would (each one is rate limited).
                    var r = a.http().bearer(onA.get(i % onA.size())).postJson("/api/v1/live/" + s.code() + "/messages", "{\"text\": \"" + text + "\"}");
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    sent.add(text);
                }
                List<String> seen = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (seen.size() < sent.size() && System.nanoTime() < deadline) {
                    SseClient.Event e = onB.next(Duration.ofSeconds(2));
                    if (e == null || e.id() == null) continue;
                    long id = Long.parseLong(e.id());
                    assertThat(id).as("ids only move forward").isGreaterThan(last);
                    last = id;
                    JsonNode messages = JSON.readTree(e.data()).get("messages");
                    if (messages != null) messages.forEach(m -> seen.add(m.get("text").asText()));
                }
                assertThat(seen).as("everything, once, in the order it was stored").isEqualTo(sent);
            }
        }
    }

    static boolean redisIsRunning() {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
