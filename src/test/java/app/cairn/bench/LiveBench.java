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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench/live N}: one Cairn node (its own process, H2) with N participants connected over
 * SSE. Measures how long a poll result update takes to reach every participant (p50/p99 over
 * all deliveries in several rounds), casts N votes spread over 5 seconds and checks they are all
 * stored and counted, and reports the server's memory per open stream.
 */
public final class LiveBench {
    static final ObjectMapper JSON = Cairn.json();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = 5;
        Path data = Files.createTempDirectory("cairn-bench-live-");
        try (CairnProcess node = CairnProcess.start(List.of("--data", data.toString()), List.of("-Xmx1g", "-Xss512k"))) {
            String base = node.url();
            HttpSession organiser = HttpSession.at(base);
            organiser.post("/sign-up", Map.of("name", "Bench Organiser", "email", "bench@example.org",
                    "password", "correct horse battery"));
            String slug = JSON.readTree(organiser.postJson("/api/v1/communities", "{\"name\": \"Bench Community\"}").body())
                    .get("slug").asText();
            long eventId = JSON.readTree(organiser.postJson("/api/v1/communities/" + slug + "/events", """
                    {"templateId": "community-conversation-2-hours", "title": "Bench conversation",
                     "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
            JsonNode live = JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/live").body());
            String code = live.get("session").get("joinCode").asText();
            JsonNode agenda = JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/agenda").body());
            JsonNode welcome = agenda.get("segments").get(0);
            long segmentId = welcome.get("id").asLong();
            String pollKey = "p" + welcome.get("polls").get(0).get("id").asLong();
            post(organiser, "/api/v1/events/" + eventId + "/live/start", "{\"segment\": " + segmentId + "}");
            post(organiser, "/api/v1/events/" + eventId + "/live/poll-open", "{\"poll\": \"" + pollKey + "\", \"showResults\": true}");

            System.out.println("node " + base + " pid " + node.pid() + " ready; joining " + n + " participants");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newFixedThreadPool(4)).build();

            // Join
            long joinStart = System.nanoTime();
            List<String> tokens = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> joins = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String body = "{\"name\": \"Participant " + i + "\", \"sector\": \"" + (i % 3 == 0 ? "social_care" : "health") + "\"}";
                joins.add(client.sendAsync(jsonPost(base + "/api/v1/live/" + code + "/join", body, null),
                                HttpResponse.BodyHandlers.ofString())
                        .thenAccept(r -> {
                            if (r.statusCode() != 201) throw new IllegalStateException("join failed: " + r.body());
                            try {
                                tokens.add(JSON.readTree(r.body()).get("token").asText());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }));
                if (joins.size() % 200 == 0) CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).join();
            }
            CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).join();
            double joinSeconds = (System.nanoTime() - joinStart) / 1e9;

            gc(node.pid());
            long rssBefore = rssKb(node.pid());
            long heapBefore = heapUsedKb(node.pid());

            System.out.printf("joined in %.1f s; connecting streams%n", joinSeconds);
            // Connect every stream
            Map<Integer, Stream> streams = new ConcurrentHashMap<>();
            for (int i = 0; i < n; i++) {
                Stream s = new Stream();
                streams.put(i, s);
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/stream/" + code))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + tokens.get(i)).build();
                client.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(s));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (streams.values().stream().filter(s -> s.lastSeq.get() > 0).count() < n && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long connected = streams.values().stream().filter(s -> s.lastSeq.get() > 0).count();
            Thread.sleep(1000);
            gc(node.pid());
            long rssAfter = rssKb(node.pid());
            long heapAfter = heapUsedKb(node.pid());

            System.out.println(connected + " streams connected; measuring fan-out");
            // Fan-out latency: toggle the poll's results; every stream should see an update past that seq.
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            int delivered = 0;
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                long seq = post(organiser, "/api/v1/events/" + eventId + "/live/poll-results",
                        "{\"poll\": \"" + pollKey + "\", \"shown\": " + (round % 2 == 1) + "}").get("seq").asLong();
                CountDownLatch all = new CountDownLatch(n);
                for (Stream s : streams.values()) s.await(seq, t0, latencies, all);
                all.await(15, TimeUnit.SECONDS);
                delivered = (int) (n - all.getCount());
                Thread.sleep(300);
            }

            System.out.println("fan-out measured; voting");
            // Votes: every participant votes once, spread over 5 seconds.
            AtomicInteger ok = new AtomicInteger();
            List<Double> voteMs = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> votes = Collections.synchronizedList(new ArrayList<>());
            var senders = Executors.newScheduledThreadPool(8);
            long voteStart = System.nanoTime();
            CountDownLatch scheduled = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                int who = i;
                senders.schedule(() -> {
                    long sent = System.nanoTime();
                    votes.add(client.sendAsync(jsonPost(base + "/api/v1/live/" + code + "/votes",
                                    "{\"poll\": \"" + pollKey + "\", \"choices\": [" + (who % 2) + "]}", tokens.get(who)),
                                    HttpResponse.BodyHandlers.ofString())
                            .thenAccept(r -> {
                                if (r.statusCode() == 201) ok.incrementAndGet();
                                voteMs.add((System.nanoTime() - sent) / 1e6);
                            }));
                    scheduled.countDown();
                }, (long) (who * (5e9 / n)), TimeUnit.NANOSECONDS);
            }
            scheduled.await(60, TimeUnit.SECONDS);
            double sendSeconds = (System.nanoTime() - voteStart) / 1e9;
            senders.shutdown();
            CompletableFuture.allOf(votes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            double voteSeconds = (System.nanoTime() - voteStart) / 1e9;
            JsonNode state = JSON.readTree(organiser.get("/api/v1/events/" + eventId + "/live").body()).get("state");
            int stored = 0;
            for (JsonNode p : state.get("polls")) {
                if (p.get("key").asText().equals(pollKey)) stored = p.get("results").get("answered").asInt();
            }

            Collections.sort(latencies);
            Collections.sort(voteMs);
            System.out.printf("joined %d participants in %.1f s (%.0f per second)%n", n, joinSeconds, n / joinSeconds);
            System.out.printf("streams connected: %d; server RSS %d MB before, %d MB after; heap in use after GC %d MB before, %d MB after (%.1f KB per stream)%n",
                    connected, rssBefore / 1024, rssAfter / 1024, heapBefore / 1024, heapAfter / 1024,
                    (heapAfter - heapBefore) / (double) Math.max(1, connected));
            System.out.printf("fan-out over %d rounds: %d deliveries, p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", rounds,
                    latencies.size(), pct(latencies, 50), pct(latencies, 99), pct(latencies, 100));
            System.out.printf("votes: %d sent over %.1f s, all answered after %.1f s, %d acknowledged, %d counted; ack p50 %.0f ms, p99 %.0f ms%n", n,
                    sendSeconds, voteSeconds, ok.get(), stored, pct(voteMs, 50), pct(voteMs, 99));
            System.out.printf("participants=%d delivered=%d p50_ms=%.0f p99_ms=%.0f votes_sent=%d votes_stored=%d kb_per_connection=%.1f%n",
                    n, delivered, pct(latencies, 50), pct(latencies, 99), n, stored,
                    Math.max(0, heapAfter - heapBefore) / (double) Math.max(1, connected));
            System.exit(0);
        }
    }

    /** One participant's stream: remembers the last id and who is waiting for which seq. */
    static final class Stream implements Flow.Subscriber<String> {
        final AtomicLong lastSeq = new AtomicLong();
        volatile int lastDataBytes;
        private volatile Runnable first;

        /** Runs once, when the stream's first event arrives. */
        void onFirst(Runnable r) {
            first = r;
        }
        volatile long waitingFor = Long.MAX_VALUE;
        volatile long t0;
        volatile List<Double> sink;
        volatile CountDownLatch latch;

        void await(long seq, long start, List<Double> into, CountDownLatch all) {
            synchronized (this) {
                t0 = start;
                sink = into;
                latch = all;
                waitingFor = seq;
                if (lastSeq.get() >= seq) arrived();
            }
        }

        private void arrived() {
            sink.add((System.nanoTime() - t0) / 1e6);
            waitingFor = Long.MAX_VALUE;
            latch.countDown();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data:")) lastDataBytes = line.length() - 5;
            if (!line.startsWith("id:")) return;
            long id = Long.parseLong(line.substring(3).strip());
            boolean wasFirst = lastSeq.getAndSet(Math.max(id, 1)) == 0;
            if (wasFirst && first != null) first.run();
            synchronized (this) {
                if (id >= waitingFor) arrived();
            }
        }

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
    }

    private static JsonNode post(HttpSession s, String path, String body) throws Exception {
        var r = s.postJson(path, body);
        if (r.status() / 100 != 2) throw new IllegalStateException(path + " failed: " + r.body());
        return JSON.readTree(r.body());
    }

    static HttpRequest jsonPostPublic(String url, String body, String token) {
        return jsonPost(url, body, token);
    }

    private static HttpRequest jsonPost(String url, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return 0;
    }

    /** Heap in use from {@code jcmd GC.heap_info} ("… used 12345K"), after a GC. */
    static long heapUsedKb(long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    static void gc(long pid) {
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Without jcmd the memory figure includes garbage; it is still an upper bound.
        }
    }
}
