package app.cairn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.testing.CairnProcess;
import app.cairn.testing.HttpSession;
import app.cairn.testing.SseClient;
import app.cairn.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two Cairn nodes in their own processes on one PostgreSQL, started together. People post on
 * both; node A is killed with SIGKILL mid-session; its people reconnect to node B with their
 * Last-Event-ID. Each one's log must be complete, in order, with nothing twice.
 */
class TwoNodesIT {
    static final ObjectMapper JSON = Cairn.json();

    @Test
    void killing_a_node_loses_nothing_and_its_people_resume_on_the_other() throws Exception {
        String url = TestDatabases.postgresUrl();
        Assumptions.assumeTrue(url != null, "PostgreSQL tests skipped: set " + TestDatabases.POSTGRES_URL_VARIABLE);
        String schema = "n_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        List<String> options = List.of("--database-url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        // Started together: the migrations must run once, whichever node gets there first.
        var startA = CompletableFuture.supplyAsync(() -> CairnProcess.start(options));
        var startB = CompletableFuture.supplyAsync(() -> CairnProcess.start(options));
        try (CairnProcess a = startA.join(); CairnProcess b = startB.join()) {
            HttpSession organiser = HttpSession.at(b.url());
            assertThat(organiser.post("/sign-up", Map.of("name", "Aileen Grant", "email", "aileen@example.org",
                    "password", "correct horse battery")).status()).isEqualTo(302);
            String slug = JSON.readTree(organiser.postJson("/api/v1/communities", "{\"name\": \"Fife Leaders\"}").body())
                    .get("slug").asText();
            long eventId = JSON.readTree(organiser.postJson("/api/v1/communities/" + slug + "/events", """
                    {"templateId": "diy-1-hour", "title": "Two-node drill", "date": "2030-03-09", "startTime": "12:30"}""")
                    .body()).get("id").asLong();
            String code = JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/live").body())
                    .get("session").get("joinCode").asText();

            List<String> onA = join(a, code, 4);
            List<String> onB = join(b, code, 4);
            Watcher watchA = new Watcher(SseClient.open(a.url() + "/stream/" + code, auth(onA.get(0))));
            Watcher watchB = new Watcher(SseClient.open(b.url() + "/stream/" + code, auth(onB.get(0))));

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 4; i++) {
                post(pool, a.url(), code, onA.get(i), "A" + i, stop, acknowledged);
                post(pool, b.url(), code, onB.get(i), "B" + i, stop, acknowledged);
            }
            Thread.sleep(2_000);
            a.kill();
            watchA.drain();
            Thread.sleep(1_500);
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged).as("people on both nodes were posting").anyMatch(t -> t.startsWith("A"))
                    .anyMatch(t -> t.startsWith("B"));

            List<String> stored = new ArrayList<>();
            JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/live").body()).get("state").get("messages")
                    .forEach(m -> stored.add(m.get("text").asText()));
            assertThat(stored).as("every acknowledged message is stored").containsAll(acknowledged);

            // Node A's watcher resumes on node B from its Last-Event-ID.
            Watcher resumed = new Watcher(SseClient.open(b.url() + "/stream/" + code, Map.of(
                    "Authorization", "Bearer " + onA.get(0), "Last-Event-ID", String.valueOf(watchA.last))));
            resumed.last = watchA.last;
            resumed.until(stored.size() - watchA.texts.size());
            watchB.until(stored.size());

            List<String> aThenB = new ArrayList<>(watchA.texts);
            aThenB.addAll(resumed.texts);
            assertThat(aThenB).as("node A's person: complete, in order, nothing twice").isEqualTo(stored);
            assertThat(watchB.texts).as("node B's person: complete, in order, nothing twice").isEqualTo(stored);
            watchB.stream.close();
            resumed.stream.close();
        }
    }

    private static Map<String, String> auth(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static List<String> join(CairnProcess node, String code, int n) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var r = HttpSession.at(node.url()).postJson("/api/v1/live/" + code + "/join", "{\"name\": \"Person " + i + "\"}");
            tokens.add(JSON.readTree(r.body()).get("token").asText());
        }
        return tokens;
    }

    private static void post(ExecutorService pool, String base, String code, String token, String who, AtomicBoolean stop,
            Set<String> acknowledged) {
        pool.submit(() -> {
            HttpSession me = HttpSession.at(base).bearer(token);
            for (int n = 0; !stop.get(); n++) {
                String text = who + " message " + n;
                try {
                    var sent = me.postJson("/api/v1/live/" + code + "/messages",
                            "{\"text\": \"" + text + "\", \"clientKey\": \"" + who + "-" + n + "\"}");
                    if (sent.status() == 201) acknowledged.add(text);
                    else Thread.sleep(400);
                } catch (Exception e) {
                    return null; // this node has gone
                }
            }
            return null;
        });
    }

    /** One person's stream: the messages in the order they arrived, checking ids only move forward. */
    static final class Watcher {
        final SseClient stream;
        final List<String> texts = new ArrayList<>();
        final Set<String> distinct = new LinkedHashSet<>();
        long last;

        Watcher(SseClient stream) {
            this.stream = stream;
            assertThat(stream.status()).isEqualTo(200);
        }

        void drain() throws Exception {
            for (SseClient.Event e : stream.drain()) take(e);
        }

        void until(int count) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (texts.size() < count && System.nanoTime() < deadline) {
                SseClient.Event e = stream.next(Duration.ofSeconds(2));
                if (e != null) take(e);
            }
        }

        private void take(SseClient.Event e) throws Exception {
            if (e.id() == null) return;
            long id = Long.parseLong(e.id());
            assertThat(id).as("ids only move forward").isGreaterThan(last);
            last = id;
            JsonNode messages = JSON.readTree(e.data()).get("messages");
            if (messages == null) return;
            for (JsonNode m : messages) {
                String text = m.get("text").asText();
                texts.add(text);
                assertThat(distinct.add(text)).as("received twice: " + text).isTrue();
            }
        }
    }
}
