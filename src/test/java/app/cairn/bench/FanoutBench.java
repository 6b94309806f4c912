package app.cairn.bench;

import app.cairn.Cairn;
import app.cairn.testing.CairnProcess;
import app.cairn.testing.HttpSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench/fanout N [--nodes K]}: N participants on K Cairn nodes (own processes) sharing one
 * PostgreSQL, then the same N streams on a bare Jetty SSE server, side by side in one run.
 * Measures joins per second (join, then open the stream until its first event), fan-out of a
 * poll update to everyone (p99 over 5 rounds), a burst of N votes in 10 s (acknowledged and
 * counted), and heap per connection; prints Cairn's p99 as a ratio of the floor's.
 */
public final class FanoutBench {
    static final ObjectMapper JSON = Cairn.json();
    static final int ROUNDS = 5;
    /** Unmeasured rounds first, so both servers are measured warm (JIT-compiled), not while compiling. */
    static final int WARM_UP = 3;
    /** The size of the update Cairn sends when a poll's results are shown or hidden (measured: 239-241 bytes). */
    static final int UPDATE_BYTES = 240;
    static final int WARM_UP_JOINS = 10_000;
    /** Cairn's heartbeat to every stream (StreamHub.HEARTBEAT_MS). */
    static final long HEARTBEAT_MS = 15_000;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int nodes = 1;
        for (int i = 1; i < args.length - 1; i++) if (args[i].equals("--nodes")) nodes = Integer.parseInt(args[i + 1]);
        String url = System.getenv().getOrDefault("CAIRN_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (var c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        List<String> options = List.of("--database-url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + (nodes == 1 ? 3 : 2) + "g", "-Xss256k"));
        // For profiling a node: CAIRN_BENCH_JVM="-XX:StartFlightRecording=..." adds options to each node's JVM.
        String extra = System.getenv().getOrDefault("CAIRN_BENCH_JVM", "").strip();
        if (!extra.isEmpty()) jvm.addAll(List.of(extra.split("\\s+")));
        List<CairnProcess> started = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newFixedThreadPool(4)).build();
        // The floor first, with the same number of streams and an event of the size Cairn's updates have.
        Result floor = runFloor(client, n, UPDATE_BYTES);
        Result cairn;
        try {
            for (int i = 0; i < nodes; i++) started.add(CairnProcess.start(options, jvm));
            cairn = runCairn(client, started, n);
        } finally {
            started.forEach(CairnProcess::close);
        }

        double ratio = cairn.p99 / Math.max(1, floor.p99);
        System.out.printf("Cairn (%d node%s): joined %d in %.1f s (%.0f per second, join + stream open); %d streams%n",
                nodes, nodes == 1 ? "" : "s", n, cairn.joinSeconds, n / cairn.joinSeconds, cairn.connected);
        System.out.printf("CPU seconds while joining (2 cores give %.0f): Cairn %.1f (of which compiling code %.1f), load generator %.1f, PostgreSQL %.1f%n",
                2 * cairn.joinSeconds, cairn.joinCpu[0], cairn.joinCpu[3], cairn.joinCpu[1], cairn.joinCpu[2]);
        System.out.printf("Cairn fan-out over %d rounds: p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d of %d delivered in the last round%n",
                ROUNDS, cairn.p50, cairn.p99, cairn.max, cairn.delivered, n);
        System.out.printf("floor (bare Jetty SSE, %d-byte events): p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d delivered%n",
                UPDATE_BYTES, floor.p50, floor.p99, floor.max, floor.delivered);
        System.out.printf("Cairn's update event measured %d bytes%n", cairn.updateBytes);
        System.out.printf("votes: %d sent over 10 s, %d acknowledged, %d counted (%d sent again after a dropped connection or 503); heap per participant %.1f KB%n",
                n, cairn.votesAcknowledged, cairn.votesStored, retries.get(), cairn.kbPerConnection);
        System.out.printf("participants=%d nodes=%d delivered=%d cairn_p99_ms=%.0f floor_p99_ms=%.0f ratio=%.2f votes_stored=%d joins_per_s=%.0f cold_joins_per_s=%.0f kb_per_connection=%.1f%n",
                n, nodes, cairn.delivered, cairn.p99, floor.p99, ratio, cairn.votesStored, n / cairn.joinSeconds,
                cairn.coldJoinsPerSecond, cairn.kbPerConnection);
        System.exit(0);
    }

    static final class Result {
        double joinSeconds;
        long connected;
        double p50;
        double p99;
        double max;
        int delivered;
        int votesAcknowledged;
        int votesStored;
        double kbPerConnection;
        double[] joinCpu = new double[4];
        double coldJoinsPerSecond;
        int updateBytes = 600;
    }

    private static Result runCairn(HttpClient client, List<CairnProcess> nodes, int n) throws Exception {
        Result r = new Result();
        String first = nodes.get(0).url();
        HttpSession organiser = HttpSession.at(first);
        organiser.post("/sign-up", Map.of("name", "Bench Organiser", "email", "bench@example.org", "password", "correct horse battery"));
        String slug = JSON.readTree(organiser.postJson("/api/v1/communities", "{\"name\": \"Bench Community\"}").body()).get("slug").asText();
        long eventId = JSON.readTree(organiser.postJson("/api/v1/communities/" + slug + "/events", """
                {"templateId": "community-conversation-2-hours", "title": "National conversation",
                 "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
        String code = JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/live").body()).get("session").get("joinCode").asText();
        JsonNode welcome = JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/agenda").body()).get("segments").get(0);
        String pollKey = "p" + welcome.get("polls").get(0).get("id").asLong();
        post(organiser, "/api/v1/events/" + eventId + "/live/start", "{\"segment\": " + welcome.get("id").asLong() + "}");
        post(organiser, "/api/v1/events/" + eventId + "/live/poll-open", "{\"poll\": \"" + pollKey + "\", \"showResults\": true}");

        long warmUpEvent = JSON.readTree(organiser.postJson("/api/v1/communities/" + slug + "/events", """
                {"templateId": "community-conversation-2-hours", "title": "Warm-up conversation",
                 "date": "2030-03-08", "startTime": "12:30"}""").body()).get("id").asLong();
        String warmUpCode = JSON.readTree(organiser.get("/api/v1/events/" + warmUpEvent + "/live").body()).get("session")
                .get("joinCode").asText();
        // Warm-up: the same joins into another conversation, so the measured ones meet a node whose code
        // is compiled, as a node that has been up for a while would be; then those streams are closed.
        int warm = Math.min(n, WARM_UP_JOINS);
        System.out.println(nodes.size() + " node(s) ready; warming up with " + warm + " joins to another conversation");
        List<LeanHttp> lean = new ArrayList<>();
        for (CairnProcess node : nodes) lean.add(new LeanHttp(node.url(), 2));
        Joins warmUp = join(lean, warmUpCode, warm, "Warm-up");
        for (AutoCloseable c : warmUp.connections) c.close();
        r.coldJoinsPerSecond = warm / warmUp.seconds;
        System.out.printf("warm-up joins (the first after start, code not yet compiled): %.0f per second%n", r.coldJoinsPerSecond);
        // A stream closed by its client is noticed when a write fails, which can take the second
        // heartbeat after closing: wait for two, so the node has let go of those connections.
        Thread.sleep(2 * HEARTBEAT_MS + 3_000);
        for (CairnProcess node : nodes) {
            String[] fds = new java.io.File("/proc/" + node.pid() + "/fd").list();
            System.out.println("node " + node.url() + " holds " + (fds == null ? "?" : fds.length)
                    + " file descriptors after the warm-up's streams closed");
        }

        long[] heapBefore = new long[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            LiveBench.gc(nodes.get(i).pid());
            heapBefore[i] = LiveBench.heapUsedKb(nodes.get(i).pid());
        }
        System.out.println("joining " + n + " participants");
        double[] cpuStart = Cpu.now(nodes);
        Joins joined = join(lean, code, n, "Participant");
        r.joinSeconds = joined.seconds;
        r.joinCpu = Cpu.since(cpuStart, nodes);
        List<String> tokens = joined.tokens;
        List<LiveBench.Stream> streams = joined.streams;
        r.connected = streams.stream().filter(s -> s.lastSeq.get() > 0).count();
        System.out.printf("joined and connected %d in %.1f s (%d failed)%n", r.connected, r.joinSeconds, joined.failures);
        Thread.sleep(1_000);
        long heapAfter = 0;
        long before = 0;
        for (int i = 0; i < nodes.size(); i++) {
            LiveBench.gc(nodes.get(i).pid());
            heapAfter += LiveBench.heapUsedKb(nodes.get(i).pid());
            before += heapBefore[i];
        }
        r.kbPerConnection = Math.max(0, heapAfter - before) / (double) Math.max(1, r.connected);

        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            long seq = post(organiser, "/api/v1/events/" + eventId + "/live/poll-results",
                    "{\"poll\": \"" + pollKey + "\", \"shown\": " + (round % 2 == 1) + "}").get("seq").asLong();
            CountDownLatch all = new CountDownLatch(n);
            for (LiveBench.Stream s : streams) s.await(seq, t0, round < 0 ? new ArrayList<>() : latencies, all);
            all.await(30, TimeUnit.SECONDS);
            r.delivered = (int) (n - all.getCount());
            Thread.sleep(500);
        }
        r.updateBytes = Math.max(100, streams.get(0).lastDataBytes);
        summarise(latencies, r);

        System.out.println("fan-out measured; a burst of " + n + " votes over 10 s");
        AtomicInteger ok = new AtomicInteger();
        List<CompletableFuture<Void>> votes = Collections.synchronizedList(new ArrayList<>());
        var senders = Executors.newScheduledThreadPool(4);
        CountDownLatch scheduled = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int who = i;
            String base = nodes.get(i % nodes.size()).url();
            senders.schedule(() -> {
                if (tokens.get(who) != null) {
                    HttpRequest vote = LiveBench.jsonPostPublic(base + "/api/v1/live/" + code + "/votes",
                            "{\"poll\": \"" + pollKey + "\", \"choices\": [" + (who % 2) + "], \"clientKey\": \"v" + who + "\"}",
                            tokens.get(who));
                    votes.add(sendWithRetries(client, vote, 3).thenAccept(resp -> {
                        if (resp != null && resp.statusCode() == 201) ok.incrementAndGet();
                    }));
                }
                scheduled.countDown();
            }, (long) (who * (10e9 / n)), TimeUnit.NANOSECONDS);
        }
        scheduled.await(2, TimeUnit.MINUTES);
        senders.shutdown();
        CompletableFuture.allOf(votes.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        r.votesAcknowledged = ok.get();
        // Counted by the first node: with two nodes, half the votes arrived on the other one.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            r.votesStored = answered(organiser, eventId, pollKey);
            if (r.votesStored >= r.votesAcknowledged) break;
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        lean.forEach(LeanHttp::close);
        return r;
    }

    /**
     * Sends, and on a dropped connection or a 503 sends the same request again (as the live page
     * does: the client key makes it count once); null if it never got through.
     */
    private static CompletableFuture<HttpResponse<String>> sendWithRetries(HttpClient client, HttpRequest request, int left) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((resp, error) -> {
                    boolean again = left > 0 && (error != null || resp.statusCode() == 503);
                    if (!again) return CompletableFuture.completedFuture(error == null ? resp : (HttpResponse<String>) null);
                    retries.incrementAndGet();
                    return sendWithRetries(client, request, left - 1);
                })
                .thenCompose(f -> f);
    }

    static final AtomicInteger retries = new AtomicInteger();

    private static Result runFloor(HttpClient client, int n, int bytes) throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process floor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g", "-Xss256k",
                "-cp", System.getProperty("java.class.path"), FloorServer.class.getName(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String base = "http://localhost:" + port;
            HttpSession http = HttpSession.at(base);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    if (http.get("/health").status() == 200) break;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) throw e;
                }
                Thread.sleep(200);
            }
            System.out.println("floor ready; connecting " + n + " streams");
            List<LiveBench.Stream> streams = new ArrayList<>();
            Semaphore inFlight = new Semaphore(256);
            CountDownLatch opened = new CountDownLatch(n);
            LeanHttp lean = new LeanHttp(base, 2);
            for (int i = 0; i < n; i++) {
                LiveBench.Stream s = new LiveBench.Stream();
                streams.add(s);
                inFlight.acquire();
                java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
                Runnable settle = () -> {
                    if (settled.compareAndSet(false, true)) {
                        opened.countDown();
                        inFlight.release();
                    }
                };
                s.onFirst(settle);
                lean.stream("/stream", s, new LeanHttp.Listener() {
                    @Override
                    public void joined(String token) {}

                    @Override
                    public void failed(String why) {
                        settle.run();
                    }
                });
            }
            opened.await(5, TimeUnit.MINUTES);
            Result r = new Result();
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            for (int round = -WARM_UP; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                var resp = client.send(HttpRequest.newBuilder(URI.create(base + "/broadcast?bytes=" + bytes))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                long seq = JSON.readTree(resp.body()).get("seq").asLong();
                CountDownLatch all = new CountDownLatch(n);
                for (LiveBench.Stream s : streams) s.await(seq, t0, round < 0 ? new ArrayList<>() : latencies, all);
                all.await(30, TimeUnit.SECONDS);
                r.delivered = (int) (n - all.getCount());
                Thread.sleep(500);
            }
            summarise(latencies, r);
            lean.close();
            return r;
        } finally {
            floor.destroyForcibly();
        }
    }

    /** CPU time (user + system, seconds) of the Cairn nodes, this load generator and every PostgreSQL process. */
    static final class Cpu {
        static double[] now(List<CairnProcess> nodes) {
            double cairn = 0;
            for (CairnProcess p : nodes) cairn += seconds(p.pid());
            double postgres = 0;
            java.io.File[] all = new java.io.File("/proc").listFiles((d, name) -> name.chars().allMatch(Character::isDigit));
            for (java.io.File f : all == null ? new java.io.File[0] : all) {
                try {
                    if (java.nio.file.Files.readString(f.toPath().resolve("comm")).strip().equals("postgres")) {
                        postgres += seconds(Long.parseLong(f.getName()));
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the process ended while being read
                }
            }
            double jit = 0;
            for (CairnProcess p : nodes) jit += jitSeconds(p.pid());
            return new double[] {cairn, seconds(ProcessHandle.current().pid()), postgres, jit};
        }

        static double[] since(double[] start, List<CairnProcess> nodes) {
            double[] end = now(nodes);
            return new double[] {end[0] - start[0], end[1] - start[1], end[2] - start[2], end[3] - start[3]};
        }

        /** Time the node's JIT compilers spent (its own counter, in nanoseconds), through jcmd. */
        private static double jitSeconds(long pid) {
            try {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(pid), "PerfCounter.print").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                p.waitFor(30, TimeUnit.SECONDS);
                for (String line : out.split("\n")) {
                    if (line.startsWith("java.ci.totalTime=")) return Long.parseLong(line.substring(18).strip()) / 1e9;
                }
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }

        private static double seconds(long pid) {
            try {
                String stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /** Who joined: their tokens and streams, in order, and how long joining them all took. */
    record Joins(List<String> tokens, List<LiveBench.Stream> streams, List<AutoCloseable> connections, double seconds,
            int failures) {}

    /**
     * Joins n people through the JSON API, each opening their stream on the same connection, 256 at a
     * time, spread over the nodes, with the lean client (one per node).
     */
    private static Joins join(List<LeanHttp> lean, String code, int n, String name) throws Exception {
        List<String> tokens = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(n, (String) null)));
        List<LiveBench.Stream> streams = new ArrayList<>();
        List<AutoCloseable> connections = new ArrayList<>();
        for (int i = 0; i < n; i++) streams.add(new LiveBench.Stream());
        Semaphore inFlight = new Semaphore(256);
        CountDownLatch opened = new CountDownLatch(n);
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int who = i;
            java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable settle = () -> {
                if (settled.compareAndSet(false, true)) {
                    opened.countDown();
                    inFlight.release();
                }
            };
            LiveBench.Stream s = streams.get(who);
            s.onFirst(settle);
            inFlight.acquire();
            connections.add(lean.get(i % lean.size()).joinAndStream("/api/v1/live/" + code + "/join",
                    "{\"name\": \"" + name + " " + i + "\", \"sector\": \"" + (i % 3 == 0 ? "social_care" : "health") + "\"}",
                    token -> "/stream/" + code, s, new LeanHttp.Listener() {
                        @Override
                        public void joined(String token) {
                            tokens.set(who, token);
                        }

                        @Override
                        public void failed(String why) {
                            if (!settled.get()) {
                                if (failures.incrementAndGet() == 1) System.out.println("first failed join: " + why);
                                settle.run();
                            }
                        }
                    }));
        }
        opened.await(10, TimeUnit.MINUTES);
        return new Joins(tokens, streams, connections, (System.nanoTime() - start) / 1e9, failures.get());
    }

    private static void summarise(List<Double> latencies, Result r) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        r.p50 = LiveBench.pct(sorted, 50);
        r.p99 = LiveBench.pct(sorted, 99);
        r.max = LiveBench.pct(sorted, 100);
    }

    private static int answered(HttpSession organiser, long eventId, String pollKey) throws Exception {
        JsonNode state = JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/live").body()).get("state");
        for (JsonNode p : state.get("polls")) {
            if (p.get("key").asText().equals(pollKey)) return p.get("results").get("answered").asInt();
        }
        return 0;
    }

    private static String readToken(String body) {
        try {
            return JSON.readTree(body).get("token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode post(HttpSession s, String path, String body) throws Exception {
        var r = s.postJson(path, body);
        if (r.status() / 100 != 2) throw new IllegalStateException(path + " failed: " + r.body());
        return JSON.readTree(r.body());
    }
}
