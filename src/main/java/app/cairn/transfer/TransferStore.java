package app.cairn.transfer;

import app.cairn.store.Db;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** SQL for uploads waiting for a confirm, files and items brought in, and the participants senders became. */
final class TransferStore {
    private final Jdbi jdbi;

    TransferStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An uploaded file, waiting for the organiser to confirm the preview. */
    record Upload(long id, String batch, long eventId, long accountId, String filename, byte[] content) {}

    void insertUpload(String batch, long eventId, long accountId, String filename, byte[] content, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO transfer_uploads (batch, event_id, account_id, filename, sha256, content, created_at)
                        VALUES (:batch, :event, :account, :filename, :sha, :content, :now)""")
                .bind("batch", batch).bind("event", eventId).bind("account", accountId).bind("filename", filename)
                .bind("sha", Planner.hash(content)).bind("content", Base64.getEncoder().encodeToString(content))
                .bind("now", Db.utc(now)).execute());
    }

    List<Upload> batch(String batch) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM transfer_uploads WHERE batch = :batch ORDER BY id")
                .bind("batch", batch)
                .map((rs, ctx) -> new Upload(rs.getLong("id"), rs.getString("batch"), rs.getLong("event_id"),
                        rs.getLong("account_id"), rs.getString("filename"),
                        Base64.getDecoder().decode(rs.getString("content"))))
                .list());
    }

    void deleteBatch(String batch) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM transfer_uploads WHERE batch = :batch").bind("batch", batch).execute());
    }

    /** Forgets uploads nobody confirmed: they hold personal data. */
    void deleteOlderThan(Instant cutoff) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM transfer_uploads WHERE created_at < :cutoff")
                .bind("cutoff", Db.utc(cutoff)).execute());
    }

    /** Files already brought into the event: hash to "filename on date". */
    Map<String, String> importedFiles(long eventId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT sha256, filename, imported_at FROM transfer_imports WHERE event_id = :e")
                .bind("e", eventId)
                .map((rs, ctx) -> {
                    Instant at = Db.instant(rs.getObject("imported_at", java.time.OffsetDateTime.class));
                    out.put(rs.getString("sha256"), "as " + rs.getString("filename") + " on " + at.toString().substring(0, 10));
                    return null;
                }).list());
        return out;
    }

    void insertImport(long eventId, String sha, String filename, String format, int added, long accountId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO transfer_imports (event_id, sha256, filename, format, added, account_id, imported_at)
                        VALUES (:e, :sha, :filename, :format, :added, :account, :now) ON CONFLICT DO NOTHING""")
                .bind("e", eventId).bind("sha", sha).bind("filename", filename).bind("format", format)
                .bind("added", added).bind("account", accountId).bind("now", Db.utc(now)).execute());
    }

    Set<String> itemKeys(long eventId) {
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT item_key FROM transfer_items WHERE event_id = :e")
                .bind("e", eventId).mapTo(String.class).list()));
    }

    void insertItem(long eventId, String key) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO transfer_items (event_id, item_key) VALUES (:e, :k) ON CONFLICT DO NOTHING")
                .bind("e", eventId).bind("k", key).execute());
    }

    Optional<Long> participant(long eventId, String senderKey) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT participant_id FROM transfer_senders WHERE event_id = :e AND sender_key = :k")
                .bind("e", eventId).bind("k", senderKey).mapTo(Long.class).findOne());
    }

    void insertParticipant(long eventId, String senderKey, long participantId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO transfer_senders (event_id, sender_key, participant_id) VALUES (:e, :k, :p)
                        ON CONFLICT DO NOTHING""")
                .bind("e", eventId).bind("k", senderKey).bind("p", participantId).execute());
    }

}
