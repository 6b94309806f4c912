package app.cairn.registration;

import app.cairn.store.Db;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for sheets uploaded for import and waiting for the organiser to confirm them. */
final class ImportStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;

    ImportStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An uploaded sheet. */
    record Upload(long id, long eventId, long accountId, String filename, Sheet sheet) {}

    private record Stored(java.util.List<String> headers, java.util.List<java.util.List<String>> rows, String note,
            int headerRow) {}

    long insert(long eventId, long accountId, String filename, Sheet sheet, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO registration_imports (event_id, account_id, filename, note, sheet, created_at)
                        VALUES (:e, :a, :filename, :note, :sheet, :now)""")
                .bind("e", eventId).bind("a", accountId).bind("filename", filename).bind("note", sheet.note())
                .bind("sheet", json(new Stored(sheet.headers(), sheet.rows(), sheet.note(), sheet.headerRow())))
                .bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    Optional<Upload> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM registration_imports WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    Stored s = parse(rs.getString("sheet"));
                    return new Upload(rs.getLong("id"), rs.getLong("event_id"), rs.getLong("account_id"),
                            rs.getString("filename"), new Sheet(s.headers(), s.rows(), s.note(), s.headerRow()));
                })
                .findOne());
    }

    void delete(long id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM registration_imports WHERE id = :id").bind("id", id).execute());
    }

    /** Forgets uploads nobody confirmed: they hold personal data and are no use after a day. */
    void deleteOlderThan(Instant cutoff) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM registration_imports WHERE created_at < :cutoff")
                .bind("cutoff", Db.utc(cutoff)).execute());
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stored parse(String json) {
        try {
            return JSON.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import is not valid JSON", e);
        }
    }
}
