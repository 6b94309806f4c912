package app.cairn.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.store.Database;
import app.cairn.testing.CairnProcess;
import app.cairn.testing.HttpSession;
import app.cairn.testing.SseClient;
import app.cairn.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Kills a node with SIGKILL while people are posting, starts it again, and checks nothing acknowledged was lost. */
class LiveRestartIT {
    static final ObjectMapper JSON = Cairn.json();

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void kill_9_in_the_middle_of_a_session_loses_nothing_acknowledged_and_streams_resume(Database.Vendor vendor)
            throws Exception {
        List<String> options = new ArrayList<>();
        if (vendor == Database.Vendor.H2) {
            options.addAll(List.of("--data", Files.createTempDirectory("cairn-restart-").toString()));
        } else {
            String url = TestDatabases.postgresUrl();
            Assumptions.assumeTrue(url != null, "PostgreSQL tests skipped: set " + TestDatabases.POSTGRES_URL_VARIABLE);
            String schema = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (var c = DriverManager.getConnection(url)) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            options.addAll(List.of("--database-url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema));
        }
        try (CairnProcess node = CairnProcess.start(options)) {
            HttpSession organiser = HttpSession.at(node.url());
            var r = organiser.post("/sign-up", Map.of("name", "Aileen Grant", "email", "aileen@example.org",
                    "password", "correct horse battery"));
            assertThat(r.status()).isEqualTo(302);
            String slug = JSON.readTree(organiser.postJson("/api/v1/communities", "{\"name\": \"Fife Leaders\"}").body())
                    .get("slug").asText();
            long eventId = JSON.readTree(organiser.postJson("/api/v1/communities/" + slug + "/events", """
                    {"templateId": "diy-1-hour", "title": "Restart drill", "date": "2030-03-09", "startTime": "12:30"}""")
                    .body()).get("id").asLong();
            String code = JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/live").body())
                    .get("session").get("joinCode").asText();

            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                var joined = HttpSession.at(node.url()).postJson("/api/v1/live/" + code + "/join",
                        "{\"name\": \"Person " + i + "\"}");
                tokens.add(JSON.readTree(joined.body()).get("token").asText());
            }

            // A watcher follows the stream until the kill.
            Set<String> seenBefore = ConcurrentHashMap.newKeySet();
            long lastId;
            SseClient watcher = SseClient.open(node.url() + "/stream/" + code, Map.of("Authorization", "Bearer " + tokens.get(0)));

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
            for (int t = 0; t < tokens.size(); t++) {
                int who = t;
                pool.submit(() -> {
                    HttpSession me = HttpSession.at(node.url()).bearer(tokens.get(who));
                    for (int n = 0; !stop.get(); n++) {
                        String text = "person " + who + " message " + n;
                        try {
                            var sent = me.postJson("/api/v1/live/" + code + "/messages",
                                    "{\"text\": \"" + text + "\", \"clientKey\": \"" + who + "-" + n + "\"}");
                            if (sent.status() == 201) acknowledged.add(text);
                            if (sent.status() == 429) Thread.sleep(500);
                        } catch (Exception e) {
                            return; // the node has gone
                        }
                    }
                    return;
                });
            }
            Thread.sleep(2500);
            node.kill();
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            lastId = collect(watcher, seenBefore);
            watcher.close();
            assertThat(acknowledged).as("some messages were acknowledged before the kill").isNotEmpty();

            node.launch();

            JsonNode state = JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/live").body()).get("state");
            Set<String> stored = new HashSet<>();
            state.get("messages").forEach(m -> stored.add(m.get("text").asText()));
            assertThat(stored).as("every acknowledged message survived").containsAll(acknowledged);

            // The watcher comes back with its Last-Event-ID and gets the rest, with no duplicate.
            Set<String> seenAfter = ConcurrentHashMap.newKeySet();
            try (SseClient again = SseClient.open(node.url() + "/stream/" + code,
                    Map.of("Authorization", "Bearer " + tokens.get(0), "Last-Event-ID", String.valueOf(lastId)))) {
                // If the watcher had everything before the kill there is nothing to send; otherwise one catch-up.
                Thread.sleep(1500);
                collect(again, seenAfter);
            }
            Set<String> overlap = new HashSet<>(seenBefore);
            overlap.retainAll(seenAfter);
            assertThat(overlap).as("no message is sent twice").isEmpty();
            Set<String> union = new HashSet<>(seenBefore);
            union.addAll(seenAfter);
            assertThat(union).as("no message is missed").isEqualTo(stored);
        }
    }

    /** Reads the watcher's events so far; returns the last id. */
    private static long collect(SseClient watcher, Set<String> seen) throws Exception {
        long last = 0;
        for (SseClient.Event e : watcher.drain()) {
            if (e.id() == null) continue;
            last = Long.parseLong(e.id());
            JsonNode messages = JSON.readTree(e.data()).get("messages");
            if (messages != null) messages.forEach(m -> seen.add(m.get("text").asText()));
        }
        return last;
    }
}
