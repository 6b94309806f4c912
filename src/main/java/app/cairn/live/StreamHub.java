package app.cairn.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's open event streams. When an event's log moves forward, one thread builds the
 * update once per audience and per starting point, and queues the same bytes on every
 * connection that needs them. Updates are coalesced: at most one every {@code TICK_MS}, so a
 * burst of votes becomes one poll-results message. A heartbeat comment every 15 seconds keeps
 * proxies from closing idle streams.
 */
public final class StreamHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);
    static final long TICK_MS = 50;
    static final long HEARTBEAT_MS = 15_000;
    /**
     * How often a stream hears only that more people joined. While thousands join in a minute every
     * join moves the count; sending each one to everyone would cost every phone and the node a write
     * per tick for a number nobody reads that fast.
     */
    static final long PRESENCE_MS = 1_000;
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final Sequencer sequencer;
    private final LiveViews views;
    private final ObjectMapper json;
    private final Map<Long, Set<Connection>> byEvent = new ConcurrentHashMap<>();
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> presenceSentAt = new ConcurrentHashMap<>();
    /** Below this many streams to write to, the hub writes them all itself. */
    private static final int SLICE_MIN = 512;
    /** Threads that share large broadcasts with the hub: one fewer than the cores. */
    private static final int WRITERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    private final java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, WRITERS), r -> {
                Thread t = new Thread(r, "cairn-stream-writer");
                t.setDaemon(true);
                return t;
            });
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    private long lastHeartbeat = System.currentTimeMillis();

    StreamHub(Sequencer sequencer, LiveViews views, ObjectMapper json) {
        this.sequencer = sequencer;
        this.views = views;
        this.json = json;
        this.thread = new Thread(this::run, "cairn-stream-hub");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void add(Connection c) {
        byEvent.computeIfAbsent(c.eventId, k -> ConcurrentHashMap.newKeySet()).add(c);
        advanced(c.eventId);
    }

    void remove(Connection c) {
        Set<Connection> set = byEvent.get(c.eventId);
        if (set != null) set.remove(c);
    }

    /** How many streams are open on this node, for /health and benchmarks. */
    public int connections() {
        int n = 0;
        for (Set<Connection> set : byEvent.values()) n += set.size();
        return n;
    }

    /** Called when an event's log moved forward on this node (own append or another node's). */
    public void advanced(long eventId) {
        dirty.add(eventId);
        lock.lock();
        try {
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                lock.lock();
                try {
                    if (dirty.isEmpty()) wake.await(HEARTBEAT_MS, TimeUnit.MILLISECONDS);
                } finally {
                    lock.unlock();
                }
                long started = System.currentTimeMillis();
                for (Long eventId : dirty) {
                    dirty.remove(eventId);
                    broadcast(eventId);
                }
                if (started - lastHeartbeat >= HEARTBEAT_MS) {
                    lastHeartbeat = started;
                    heartbeat();
                }
                // Under load, wait twice as long as the last pass took before the next, so fan-out uses at
                // most a third of the time and a burst of votes becomes fewer, fuller updates.
                long spent = System.currentTimeMillis() - started;
                long pause = Math.max(TICK_MS, 2 * spent) - spent;
                if (pause > 0) Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("stream broadcast failed", e);
            }
        }
    }

    private void broadcast(long eventId) {
        Set<Connection> connections = byEvent.get(eventId);
        if (connections == null || connections.isEmpty()) return;
        long t0 = System.nanoTime();
        LiveState state = sequencer.state(eventId);
        Map<String, byte[]> built = new HashMap<>();
        long now = System.currentTimeMillis();
        boolean presenceDue = now - presenceSentAt.getOrDefault(eventId, 0L) >= PRESENCE_MS;
        boolean presenceSent = false;
        List<Connection> targets = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        long seq;
        state.lock.readLock().lock();
        try {
            seq = state.appliedSeq;
            for (Connection c : connections) {
                if (c.closed() || c.sentSeq >= seq) continue;
                if (c.sentSeq > 0 && c.sentSeq >= state.otherChangedSeq) {
                    // Only the number present moved since this stream's last update: wait until it is due.
                    // (A stream that has had nothing yet gets everything at once.)
                    if (!presenceDue) {
                        dirty.add(eventId);
                        continue;
                    }
                    presenceSent = true;
                }
                long from = c.sentSeq;
                String key = c.audience.name() + ":" + from;
                targets.add(c);
                frames.add(built.computeIfAbsent(key, k -> frame(views.since(state, from, c.audience))));
            }
        } finally {
            state.lock.readLock().unlock();
        }
        if (presenceSent) presenceSentAt.put(eventId, now);
        offer(targets, frames, seq);
        for (Connection c : targets) {
            // A client that fell behind had its queue dropped: catch it up on a later tick.
            if (c.sentSeq < seq) {
                dirty.add(eventId);
                break;
            }
        }
        if (log.isDebugEnabled()) {
            log.debug("broadcast event={} connections={} ms={}", eventId, connections.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * Queues each frame on its connection. Queuing starts the write to the socket on the calling
     * thread, so with thousands of streams the work is shared between the hub and its writers, one
     * slice each, as a bare Jetty broadcast would share it over the machine's cores.
     */
    private void offer(List<Connection> targets, List<byte[]> frames, long seq) {
        int slices = targets.size() < SLICE_MIN ? 1 : 1 + WRITERS;
        if (slices == 1) {
            for (int i = 0; i < targets.size(); i++) targets.get(i).offer(frames.get(i), seq);
            return;
        }
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(slices - 1);
        for (int k = 1; k < slices; k++) {
            int slice = k;
            writers.execute(() -> {
                try {
                    for (int i = slice; i < targets.size(); i += slices) targets.get(i).offer(frames.get(i), seq);
                } finally {
                    done.countDown();
                }
            });
        }
        for (int i = 0; i < targets.size(); i += slices) targets.get(i).offer(frames.get(i), seq);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void heartbeat() {
        for (Set<Connection> set : byEvent.values()) {
            for (Connection c : set) c.offer(HEARTBEAT, 0);
        }
    }

    /** One SSE message: the sequence number as its id, so a reconnecting browser says where it got to. */
    byte[] frame(LiveViews.Update update) {
        try {
            return ("id: " + update.seq() + "\nevent: update\ndata: " + json.writeValueAsString(update) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write update", e);
        }
    }

    /** Ends every stream (browsers reconnect to another node or after the restart). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        writers.shutdown();
        for (Set<Connection> set : byEvent.values()) {
            for (Connection c : set) c.close();
        }
        byEvent.clear();
    }
}
