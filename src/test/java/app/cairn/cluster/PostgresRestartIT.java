package app.cairn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.live.LiveHttpIT;
import app.cairn.store.Database;
import app.cairn.testing.Eventually;
import app.cairn.testing.HttpSession;
import app.cairn.testing.SseClient;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.Test;

/**
 * Stops and starts the PostgreSQL server while people are posting. While it is down the node
 * says so on /health (503) and refuses contributions with 503 "reconnecting" instead of losing
 * them; when it is back the node recovers by itself, and sending the refused contributions again
 * with the same client keys stores each exactly once. Runs only where the test may control the
 * server: {@code CAIRN_TEST_PG_CTL} names the command that takes "stop" or "start" (.ci/run sets it).
 */
class PostgresRestartIT {
    static final ObjectMapper JSON = Cairn.json();

    @Test
    void a_postgres_restart_under_load_refuses_clearly_then_recovers_and_loses_nothing() throws Exception {
        String url = TestDatabases.postgresUrl();
        String ctl = System.getenv("CAIRN_TEST_PG_CTL");
        Assumptions.assumeTrue(url != null && ctl != null && !ctl.isBlank(),
                "PostgreSQL restart test skipped: set CAIRN_TEST_DATABASE_URL and CAIRN_TEST_PG_CTL "
                        + "(e.g. 'pg_ctlcluster --skip-systemctl-redirect 15 main')");
        String schema = "p_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (TestServer node = TestServer.start(Database.open(url, null, null, schema), Clock.systemUTC(), Map.of())) {
            LiveHttpIT.Setup s = LiveHttpIT.setUp(node);
            List<String> people = new ArrayList<>();
            for (int i = 0; i < 4; i++) people.add(LiveHttpIT.join(node, s.code(), "Person " + i));

            // Every message each person means to send, by client key; and what the server said to each.
            Map<String, String> intended = new ConcurrentHashMap<>();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, String> refusedCodes = new ConcurrentHashMap<>();
            Set<Integer> statuses = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(people.size());
            for (int i = 0; i < people.size(); i++) {
                int who = i;
                pool.submit(() -> {
                    HttpSession me = node.http().bearer(people.get(who));
                    for (int n = 0; !stop.get(); n++) {
                        String key = who + "-" + n;
                        String text = "person " + who + " message " + n;
                        intended.put(key, text);
                        var r = me.postJson("/api/v1/live/" + s.code() + "/messages",
                                "{\"text\": \"" + text + "\", \"clientKey\": \"" + key + "\"}");
                        statuses.add(r.status());
                        if (r.status() == 201) acknowledged.add(key);
                        else if (r.status() == 503) refusedCodes.put(key, JSON.readTree(r.body()).get("error").get("code").asText());
                        Thread.sleep(r.status() == 201 ? 300 : 600);
                    }
                    return null;
                });
            }
            Thread.sleep(1_500);
            try {
                run(ctl + " stop -m fast");
                Eventually.within(Duration.ofSeconds(15), "/health says the database is down",
                        () -> node.http().get("/health").status() == 503);
                Eventually.within(Duration.ofSeconds(20), "contributions are refused while the database is down",
                        () -> !refusedCodes.isEmpty());
                assertThat(refusedCodes.values()).containsOnly("reconnecting");
            } finally {
                run(ctl + " start");
            }
            Eventually.within(Duration.ofSeconds(30), "/health recovers by itself",
                    () -> node.http().get("/health").status() == 200);
            Eventually.within(Duration.ofSeconds(15), "wake-ups reconnect by themselves", () -> {
                try {
                    return JSON.readTree(node.http().get("/health").body()).get("wakeups").get("status").asText().equals("up");
                } catch (Exception e) {
                    return false;
                }
            });
            int before = acknowledged.size();
            Eventually.within(Duration.ofSeconds(15), "posting works again", () -> acknowledged.size() > before + 4);
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(statuses).as("nothing failed in any other way").isSubsetOf(201, 429, 503);

            // The page sends what was refused again, with the same key; a few may have been saved after all.
            Map<String, String> resend = new LinkedHashMap<>();
            intended.forEach((key, text) -> {
                if (!acknowledged.contains(key)) resend.put(key, text);
            });
            for (var e : resend.entrySet()) {
                String token = people.get(Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('-'))));
                HttpSession.Response r;
                do {
                    r = node.http().bearer(token).postJson("/api/v1/live/" + s.code() + "/messages",
                            "{\"text\": \"" + e.getValue() + "\", \"clientKey\": \"" + e.getKey() + "\"}");
                    if (r.status() == 429) Thread.sleep(1_000);
                } while (r.status() == 429);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }

            List<String> stored = new ArrayList<>();
            JSON.readTree(s.organiser().get("/api/v1/events/" + s.eventId() + "/live").body()).get("state")
                    .get("messages").forEach(m -> stored.add(m.get("text").asText()));
            assertThat(stored).as("every message stored exactly once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(intended.values());

            try (SseClient stream = SseClient.open(node.url("/stream/" + s.code()), Map.of("Authorization", "Bearer " + people.get(0)))) {
                assertThat(stream.status()).isEqualTo(200);
                assertThat(stream.next(Duration.ofSeconds(5)).data()).contains(intended.get("0-0"));
            }
        }
    }

    private static void run(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command + ": " + out).isZero();
    }
}
