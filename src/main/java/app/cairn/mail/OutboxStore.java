package app.cairn.mail;

import app.cairn.mail.OutboxMessage.Status;
import app.cairn.store.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for the {@code outbox} table: writing messages, reading them, and the sender's claims. */
final class OutboxStore {
    private final Jdbi jdbi;

    OutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(String recipient, String subject, String text, String attachments, Status status, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO outbox (recipient, subject, body_text, attachments, status, created_at)
                        VALUES (:to, :subject, :text, :attachments, :status, :now)""")
                .bind("to", recipient)
                .bind("subject", subject)
                .bind("text", text)
                .bind("attachments", attachments)
                .bind("status", status.column())
                .bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    List<OutboxMessage.Entry> page(int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, recipient, subject, status, attempts, created_at, sent_at
                        FROM outbox ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new OutboxMessage.Entry(rs.getLong("id"), rs.getString("recipient"),
                        rs.getString("subject"), Status.ofColumn(rs.getString("status")), rs.getInt("attempts"),
                        instant(rs, "created_at"), instant(rs, "sent_at")))
                .list());
    }

    Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) counts.put(s, 0);
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
                .map((rs, ctx) -> Map.entry(Status.ofColumn(rs.getString("status")), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    Optional<OutboxMessage> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, recipient, subject, body_text, attachments, status, attempts, last_error,
                               created_at, sent_at
                        FROM outbox WHERE id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new OutboxMessage(rs.getLong("id"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body_text"), Outbox.decode(rs.getString("attachments")),
                        Status.ofColumn(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                        instant(rs, "created_at"), instant(rs, "sent_at")))
                .findOne());
    }

    /** The oldest queued message that is due now. */
    Optional<Long> nextDue(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM outbox
                        WHERE status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                        ORDER BY id LIMIT 1""")
                .bind("now", Db.utc(now))
                .mapTo(Long.class)
                .findOne());
    }

    /** When the next queued message falls due (now, if one has no time set). */
    Optional<Instant> earliestDue(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) AS waiting, MIN(next_attempt_at) AS earliest,
                               SUM(CASE WHEN next_attempt_at IS NULL THEN 1 ELSE 0 END) AS unset
                        FROM outbox WHERE status = 'queued'""")
                .map((rs, ctx) -> {
                    if (rs.getLong("waiting") == 0) return Optional.<Instant>empty();
                    if (rs.getLong("unset") > 0) return Optional.of(now);
                    return Optional.ofNullable(instant(rs, "earliest"));
                })
                .one());
    }

    /**
     * Claims a due message for one try: counts the attempt and leases the message until
     * {@code leaseUntil}, so no other node sends it meanwhile. False when another node was first.
     */
    boolean claim(long id, Instant now, Instant leaseUntil) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :lease
                                WHERE id = :id AND status = 'queued'
                                  AND (next_attempt_at IS NULL OR next_attempt_at <= :now)""")
                        .bind("id", id)
                        .bind("now", Db.utc(now))
                        .bind("lease", Db.utc(leaseUntil))
                        .execute())
                == 1;
    }

    void markSent(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET status = 'sent', sent_at = :now, next_attempt_at = NULL WHERE id = :id""")
                .bind("id", id)
                .bind("now", Db.utc(now))
                .execute());
    }

    void markRetry(long id, String error, Instant next) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET last_error = :error, next_attempt_at = :next WHERE id = :id")
                .bind("id", id)
                .bind("error", clip(error))
                .bind("next", Db.utc(next))
                .execute());
    }

    void markFailed(long id, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET status = 'failed', last_error = :error, next_attempt_at = NULL WHERE id = :id""")
                .bind("id", id)
                .bind("error", clip(error))
                .execute());
    }

    private static String clip(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Db.instant(rs.getObject(column, OffsetDateTime.class));
    }
}
