package app.cairn.live;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of every event's log and live state on this node. Appends queue up while the
 * previous batch commits and then go in together (group commit): one transaction numbers them
 * under the event's head-row lock, checks each against the state as it then stands, inserts
 * them and commits. Only then is anyone told their contribution was received.
 */
public final class Sequencer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    private static final int MAX_BATCH = 2_000;

    /** A rule an append must pass against the current state, e.g. "the poll is still open". */
    @FunctionalInterface
    public interface Check {
        /** The reason to refuse, or null to accept. */
        String problem(LiveState state);

        Check NONE = s -> null;
    }

    /** Who is contributing: a participant or an organiser (facilitator, host, moderator). */
    public record Author(Long participantId, Long accountId) {
        public static Author participant(long id) {
            return new Author(id, null);
        }

        public static Author organiser(long accountId) {
            return new Author(null, accountId);
        }
    }

    /** The database cannot be reached: nothing was saved, and the same contribution can be sent again. */
    public static final class Unavailable extends Refused {
        public Unavailable() {
            super("Cairn has lost touch with its database and is reconnecting. What you wrote is kept: "
                    + "it is sent again by itself when Cairn is back.");
        }
    }

    /** A refused contribution; the message says why, for the person who sent it. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private record Pending(long eventId, Contribution contribution, Author author, String clientKey, Check check,
            java.time.Instant at, CompletableFuture<Entry> result, java.util.function.ToLongFunction<Handle> newcomer) {
        Pending(long eventId, Contribution contribution, Author author, String clientKey, Check check,
                java.time.Instant at, CompletableFuture<Entry> result) {
            this(eventId, contribution, author, clientKey, check, at, result, null);
        }
    }

    private final EventLogStore store;
    private final Clock clock;
    private final LongConsumer advanced;
    private final Wakeups wakeups;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Map<Long, LiveState> states = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param advanced told the event id after each commit or catch-up that moved an event forward
     *     (the hub wakes its streams; the bus tells other nodes)
     */
    Sequencer(EventLogStore store, Clock clock, LongConsumer advanced) {
        this(store, clock, advanced, Wakeups.none());
    }

    Sequencer(EventLogStore store, Clock clock, LongConsumer advanced, Wakeups wakeups) {
        this.store = store;
        this.wakeups = wakeups;
        this.clock = clock;
        this.advanced = advanced;
        this.thread = new Thread(this::run, "cairn-sequencer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Appends a contribution; the future completes once it is durable, or fails with {@link Refused}. */
    public CompletableFuture<Entry> append(long eventId, Contribution c, Author author, String clientKey, Check check) {
        return append(eventId, c, author, clientKey, check, null);
    }

    /**
     * Appends with the time it happened, for contributions brought in from elsewhere (an imported
     * chat, the demo); {@code at} null means now. Sequence order is still the order of appending.
     */
    public CompletableFuture<Entry> append(long eventId, Contribution c, Author author, String clientKey, Check check,
            java.time.Instant at) {
        CompletableFuture<Entry> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new Refused("Cairn is restarting. Try again in a moment."));
            return result;
        }
        queue.add(new Pending(eventId, c, author, clientKey, check == null ? Check.NONE : check, at, result));
        return result;
    }

    /**
     * Appends a newcomer's first contribution (their "joined") with the row that makes them a
     * participant, written by {@code newcomer} in the same transaction, which returns their id: one
     * commit for both, shared with everything else in the batch. The entry's participant is the new id.
     */
    public CompletableFuture<Entry> appendNewcomer(long eventId, Contribution c,
            java.util.function.ToLongFunction<Handle> newcomer) {
        CompletableFuture<Entry> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new Refused("Cairn is restarting. Try again in a moment."));
            return result;
        }
        queue.add(new Pending(eventId, c, new Author(null, null), null, Check.NONE, null, result, newcomer));
        return result;
    }

    /** Asks the sequencer to read what other nodes appended to this event. */
    public void catchUp(long eventId) {
        queue.add(eventId);
    }

    /** Another node appended to an event up to {@code seq}: read forward if this node follows it and is behind. */
    void woken(long eventId, long seq) {
        LiveState s = states.get(eventId);
        if (s != null && s.appliedSeq < seq) queue.add(eventId);
    }

    /** Reads forward every event this node follows (after a transport reconnects and may have missed wake-ups). */
    void catchUpAll() {
        queue.addAll(states.keySet());
    }

    /** Reads the committed log after {@code afterSeq}, in order, straight from the database. */
    public void read(long eventId, long afterSeq, java.util.function.Consumer<Entry> each) {
        store.jdbi().useHandle(h -> store.read(h, eventId, afterSeq, Long.MAX_VALUE, each));
    }

    /** The event's state, replayed from the log the first time it is asked for. Read under its read lock. */
    public LiveState state(long eventId) {
        LiveState s = states.get(eventId);
        if (s != null) return s;
        CompletableFuture<LiveState> loaded = new CompletableFuture<>();
        queue.add(new Load(eventId, loaded));
        return loaded.join();
    }

    private record Load(long eventId, CompletableFuture<LiveState> result) {}

    private void run() {
        List<Object> work = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Object first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                work.add(first);
                queue.drainTo(work, MAX_BATCH - 1);
                process(work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("sequencer batch failed", e);
            } finally {
                work.clear();
            }
        }
    }

    private void process(List<Object> work) {
        Map<Long, List<Pending>> appends = new TreeMap<>();
        Set<Long> catchUps = new HashSet<>();
        for (Object w : work) {
            if (w instanceof Pending p) appends.computeIfAbsent(p.eventId(), k -> new ArrayList<>()).add(p);
            else if (w instanceof Long eventId) catchUps.add(eventId);
            else if (w instanceof Load l) {
                try {
                    l.result().complete(loaded(l.eventId()));
                } catch (RuntimeException e) {
                    l.result().completeExceptionally(e);
                }
            }
        }
        for (Long eventId : catchUps) {
            if (appends.containsKey(eventId)) continue; // the append transaction catches up anyway
            LiveState s = states.get(eventId);
            if (s != null && readForward(s)) advanced.accept(eventId);
        }
        if (!appends.isEmpty()) commit(appends);
    }

    /** Commits a batch; on failure the touched states are dropped so they replay from the log. */
    private void commit(Map<Long, List<Pending>> appends) {
        Map<Pending, Entry> accepted = new LinkedHashMap<>();
        Map<Pending, String> refused = new LinkedHashMap<>();
        Map<Long, Long> heads = new LinkedHashMap<>();
        List<LiveState> locked = new ArrayList<>();
        try {
            store.jdbi().useTransaction(h -> {
                for (var group : appends.entrySet()) {
                    long eventId = group.getKey();
                    LiveState s = loaded(eventId);
                    s.lock.writeLock().lock();
                    locked.add(s);
                    long head = store.lockHead(h, eventId);
                    if (head > s.appliedSeq) {
                        store.read(h, eventId, s.appliedSeq, head, s::apply);
                    }
                    Set<String> keys = new HashSet<>();
                    for (Pending p : group.getValue()) if (p.clientKey() != null) keys.add(p.clientKey());
                    Map<String, Long> existing = store.existingKeys(h, eventId, keys);
                    List<EventLogStore.Row> rows = new ArrayList<>();
                    long seq = s.appliedSeq;
                    for (Pending p : group.getValue()) {
                        Long earlier = p.clientKey() == null ? null : existing.get(p.clientKey());
                        if (earlier != null) {
                            accepted.put(p, new Entry(eventId, earlier, p.author().participantId(),
                                    p.author().accountId(), clock.instant(), p.contribution()));
                            continue;
                        }
                        String problem = p.check().problem(s);
                        if (problem != null) {
                            refused.put(p, problem);
                            continue;
                        }
                        Long participantId = p.newcomer() != null ? Long.valueOf(p.newcomer().applyAsLong(h))
                                : p.author().participantId();
                        Entry e = new Entry(eventId, ++seq, participantId, p.author().accountId(),
                                p.at() != null ? p.at() : clock.instant(), p.contribution());
                        s.apply(e);
                        rows.add(new EventLogStore.Row(e, p.clientKey()));
                        if (p.clientKey() != null) existing.put(p.clientKey(), e.seq());
                        accepted.put(p, e);
                    }
                    if (!rows.isEmpty()) {
                        store.insert(h, rows);
                        store.setHead(h, eventId, seq);
                        wakeups.inTransaction(h, eventId, seq);
                        heads.put(eventId, seq);
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("append batch failed; states will replay from the log events={} reason={}", appends.keySet(),
                    e.toString());
            for (Long eventId : appends.keySet()) states.remove(eventId);
            Refused failure = app.cairn.store.Database.unreachable(e) ? new Unavailable()
                    : new Refused("We could not save that just now. Try again in a moment.");
            appends.values().forEach(list -> list.forEach(p -> p.result().completeExceptionally(failure)));
            return;
        } finally {
            for (LiveState s : locked) s.lock.writeLock().unlock();
        }
        accepted.forEach((p, e) -> p.result().complete(e));
        refused.forEach((p, why) -> p.result().completeExceptionally(new Refused(why)));
        heads.forEach(wakeups::committed);
        for (Long eventId : appends.keySet()) advanced.accept(eventId);
    }

    /** Reads entries committed by other nodes since the state's last one; true if any. */
    private boolean readForward(LiveState s) {
        s.lock.writeLock().lock();
        try {
            long before = s.appliedSeq;
            store.jdbi().useHandle(h -> store.read(h, s.eventId, s.appliedSeq, Long.MAX_VALUE, s::apply));
            return s.appliedSeq > before;
        } catch (RuntimeException e) {
            log.warn("catch-up failed event={} reason={}", s.eventId, e.toString());
            states.remove(s.eventId);
            return false;
        } finally {
            s.lock.writeLock().unlock();
        }
    }

    private LiveState loaded(long eventId) {
        LiveState s = states.get(eventId);
        if (s != null) return s;
        LiveState fresh = new LiveState(eventId);
        store.jdbi().useHandle(h -> store.read(h, eventId, 0, Long.MAX_VALUE, fresh::apply));
        states.put(eventId, fresh);
        return fresh;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
