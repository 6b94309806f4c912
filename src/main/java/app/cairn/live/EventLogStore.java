package app.cairn.live;

import app.cairn.store.Db;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for the append-only event log and its per-event sequence heads. */
final class EventLogStore {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;

    EventLogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Locks the event's head row for this transaction and returns the last sequence number used. */
    long lockHead(Handle h, long eventId) {
        h.createUpdate("INSERT INTO event_log_heads (event_id, last_seq) VALUES (:event, 0) ON CONFLICT DO NOTHING")
                .bind("event", eventId)
                .execute();
        return h.createQuery("SELECT last_seq FROM event_log_heads WHERE event_id = :event FOR UPDATE")
                .bind("event", eventId)
                .mapTo(Long.class)
                .one();
    }

    void setHead(Handle h, long eventId, long lastSeq) {
        h.createUpdate("UPDATE event_log_heads SET last_seq = :seq WHERE event_id = :event")
                .bind("seq", lastSeq)
                .bind("event", eventId)
                .execute();
    }

    /** Entries already stored under these client keys (a retried request), by key. */
    Map<String, Long> existingKeys(Handle h, long eventId, Collection<String> keys) {
        Map<String, Long> found = new HashMap<>();
        if (keys.isEmpty()) return found;
        h.createQuery("SELECT client_key, seq FROM event_log WHERE event_id = :event AND client_key IN (<keys>)")
                .bind("event", eventId)
                .bindList("keys", new ArrayList<>(keys))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** A row to insert, already numbered. */
    record Row(Entry entry, String clientKey) {}

    void insert(Handle h, List<Row> rows) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO event_log (event_id, seq, kind, participant_id, account_id, client_key, payload, created_at)
                VALUES (:event, :seq, :kind, :participant, :account, :key, :payload, :at)""");
        for (Row row : rows) {
            Entry e = row.entry();
            batch.bind("event", e.eventId())
                    .bind("seq", e.seq())
                    .bind("kind", kind(e.contribution()))
                    .bind("participant", e.participantId())
                    .bind("account", e.accountId())
                    .bind("key", row.clientKey())
                    .bind("payload", write(e.contribution()))
                    .bind("at", Db.utc(e.at()))
                    .add();
        }
        batch.execute();
    }

    /** Streams the event's entries after {@code afterSeq}, in order. */
    void read(Handle h, long eventId, long afterSeq, long upToSeq, Consumer<Entry> each) {
        h.createQuery("""
                        SELECT event_id, seq, participant_id, account_id, payload, created_at FROM event_log
                        WHERE event_id = :event AND seq > :after AND seq <= :upto ORDER BY seq""")
                .bind("event", eventId)
                .bind("after", afterSeq)
                .bind("upto", upToSeq)
                .setFetchSize(1000)
                .map((rs, ctx) -> new Entry(
                        rs.getLong("event_id"),
                        rs.getLong("seq"),
                        (Long) rs.getObject("participant_id", Long.class),
                        (Long) rs.getObject("account_id", Long.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        parse(rs.getString("payload"))))
                .forEach(each);
    }

    long head(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_seq FROM event_log_heads WHERE event_id = :event")
                .bind("event", eventId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    private static final Map<Class<?>, String> KINDS = java.util.Arrays.stream(
                    Contribution.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value())
            .collect(java.util.stream.Collectors.toMap(t -> t.value(), t -> t.name()));

    /** The stored name of a contribution's kind, e.g. "vote". */
    static String kind(Contribution c) {
        return KINDS.get(c.getClass());
    }

    static String write(Contribution c) {
        try {
            return JSON.writerFor(Contribution.class).writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write contribution " + c, e);
        }
    }

    static Contribution parse(String json) {
        try {
            return JSON.readValue(json, Contribution.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable log entry: " + json, e);
        }
    }
}
