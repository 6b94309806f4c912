package app.cairn.themes;

import app.cairn.store.Db;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for curated themes, their contributions, set-aside contributions and per-stream settings. */
final class CurationStore {
    private final Jdbi jdbi;

    CurationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A curated theme as stored. */
    record ThemeRow(long id, long eventId, String stream, String label, String summary, int position) {}

    /** A contribution placed in a curated theme. */
    record ItemRow(long themeId, String itemId, boolean starred, boolean representative) {}

    /** A stream's settings: granularity ("fewer", "automatic", "more") and seed themes as JSON. */
    record Settings(String granularity, String seeds) {
        static final Settings DEFAULT = new Settings("automatic", "[]");
    }

    List<ThemeRow> themes(long eventId, String stream) {
        return jdbi.withHandle(h -> scoped(h.createQuery("""
                        SELECT id, event_id, stream, label, summary, position FROM curated_themes
                        WHERE event_id = :e""" + (stream == null ? "" : " AND stream = :s") + " ORDER BY stream, position, id"),
                        eventId, stream)
                .map((rs, ctx) -> new ThemeRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list());
    }

    Optional<ThemeRow> theme(long eventId, String stream, long id) {
        return themes(eventId, stream).stream().filter(t -> t.id() == id).findFirst();
    }

    List<ItemRow> items(long eventId, String stream) {
        return jdbi.withHandle(h -> scoped(h.createQuery("""
                        SELECT theme_id, item_id, starred, representative FROM curated_theme_items
                        WHERE event_id = :e""" + (stream == null ? "" : " AND stream = :s")), eventId, stream)
                .map((rs, ctx) -> new ItemRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
                .list());
    }

    /** Makes a theme of these contributions (taking them from any theme they were in); returns its id. */
    long create(long eventId, String stream, String label, Collection<String> itemIds, Set<String> representative,
            Instant now) {
        return jdbi.inTransaction(h -> {
            int position = h.createQuery("SELECT COALESCE(MAX(position), 0) FROM curated_themes WHERE event_id = :e AND stream = :s")
                    .bind("e", eventId).bind("s", stream).mapTo(Integer.class).one() + 1;
            long id = h.createUpdate("""
                            INSERT INTO curated_themes (event_id, stream, label, summary, position, created_at, updated_at)
                            VALUES (:e, :s, :label, '', :position, :now, :now)""")
                    .bind("e", eventId).bind("s", stream).bind("label", label).bind("position", position)
                    .bind("now", Db.utc(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            place(h, eventId, stream, id, itemIds, representative);
            return id;
        });
    }

    /** Puts contributions in a theme, taking them out of any other; returns how many moved. */
    int place(long eventId, String stream, long themeId, Collection<String> itemIds, Set<String> representative,
            Instant now) {
        return jdbi.inTransaction(h -> {
            touch(h, themeId, now);
            return place(h, eventId, stream, themeId, itemIds, representative);
        });
    }

    private static int place(Handle h, long eventId, String stream, long themeId, Collection<String> itemIds,
            Set<String> representative) {
        int moved = 0;
        for (String item : new LinkedHashSet<>(itemIds)) {
            h.createUpdate("DELETE FROM theme_set_aside WHERE event_id = :e AND stream = :s AND item_id = :i")
                    .bind("e", eventId).bind("s", stream).bind("i", item).execute();
            int updated = h.createUpdate("""
                            UPDATE curated_theme_items SET theme_id = :t, starred = FALSE, representative = :r
                            WHERE event_id = :e AND stream = :s AND item_id = :i""")
                    .bind("t", themeId).bind("r", representative.contains(item))
                    .bind("e", eventId).bind("s", stream).bind("i", item).execute();
            if (updated == 0) {
                h.createUpdate("""
                                INSERT INTO curated_theme_items (event_id, stream, item_id, theme_id, starred, representative)
                                VALUES (:e, :s, :i, :t, FALSE, :r) ON CONFLICT DO NOTHING""")
                        .bind("t", themeId).bind("r", representative.contains(item))
                        .bind("e", eventId).bind("s", stream).bind("i", item).execute();
            }
            moved++;
        }
        return moved;
    }

    /** Takes a contribution out of its curated theme (it is suggested again). */
    boolean release(long eventId, String stream, String itemId) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM curated_theme_items WHERE event_id = :e AND stream = :s AND item_id = :i")
                .bind("e", eventId).bind("s", stream).bind("i", itemId).execute()) > 0;
    }

    void rename(long themeId, String label, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE curated_themes SET label = :l, updated_at = :now WHERE id = :t")
                .bind("l", label).bind("now", Db.utc(now)).bind("t", themeId).execute());
    }

    void summarise(long themeId, String summary, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE curated_themes SET summary = :sum, updated_at = :now WHERE id = :t")
                .bind("sum", summary).bind("now", Db.utc(now)).bind("t", themeId).execute());
    }

    /** Moves every contribution of {@code from} into {@code into} and deletes {@code from}. */
    void merge(long from, long into, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE curated_theme_items SET theme_id = :into WHERE theme_id = :from")
                    .bind("into", into).bind("from", from).execute();
            h.createUpdate("DELETE FROM curated_themes WHERE id = :from").bind("from", from).execute();
            touch(h, into, now);
        });
    }

    /** Deletes a theme; its contributions are suggested again. */
    void delete(long themeId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM curated_theme_items WHERE theme_id = :t").bind("t", themeId).execute();
            h.createUpdate("DELETE FROM curated_themes WHERE id = :t").bind("t", themeId).execute();
        });
    }

    /** Stars or unstars a contribution of a curated theme; false if it is in none. */
    boolean star(long eventId, String stream, String itemId, boolean starred) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE curated_theme_items SET starred = :star WHERE event_id = :e AND stream = :s AND item_id = :i""")
                .bind("star", starred).bind("e", eventId).bind("s", stream).bind("i", itemId).execute()) > 0;
    }

    void setAside(long eventId, String stream, Collection<String> itemIds) {
        jdbi.useTransaction(h -> {
            for (String item : new LinkedHashSet<>(itemIds)) {
                h.createUpdate("INSERT INTO theme_set_aside (event_id, stream, item_id) VALUES (:e, :s, :i) ON CONFLICT DO NOTHING")
                        .bind("e", eventId).bind("s", stream).bind("i", item).execute();
            }
        });
    }

    Set<String> setAside(long eventId, String stream) {
        return new LinkedHashSet<>(jdbi.withHandle(h -> h.createQuery(
                        "SELECT item_id FROM theme_set_aside WHERE event_id = :e AND stream = :s ORDER BY item_id")
                .bind("e", eventId).bind("s", stream).mapTo(String.class).list()));
    }

    /** Suggests set-aside contributions again. */
    int restoreSetAside(long eventId, String stream) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM theme_set_aside WHERE event_id = :e AND stream = :s")
                .bind("e", eventId).bind("s", stream).execute());
    }

    Settings settings(long eventId, String stream) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT granularity, seeds FROM theme_stream_settings WHERE event_id = :e AND stream = :s")
                .bind("e", eventId).bind("s", stream)
                .map((rs, ctx) -> new Settings(rs.getString(1), rs.getString(2))).findOne().orElse(Settings.DEFAULT));
    }

    void saveSettings(long eventId, String stream, Settings settings) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE theme_stream_settings SET granularity = :g, seeds = :seeds WHERE event_id = :e AND stream = :s""")
                    .bind("g", settings.granularity()).bind("seeds", settings.seeds())
                    .bind("e", eventId).bind("s", stream).execute();
            if (updated == 0) {
                h.createUpdate("""
                                INSERT INTO theme_stream_settings (event_id, stream, granularity, seeds)
                                VALUES (:e, :s, :g, :seeds) ON CONFLICT DO NOTHING""")
                        .bind("g", settings.granularity()).bind("seeds", settings.seeds())
                        .bind("e", eventId).bind("s", stream).execute();
            }
        });
    }

    /** Binds the event, and the stream unless every stream is wanted (null). */
    private static org.jdbi.v3.core.statement.Query scoped(org.jdbi.v3.core.statement.Query q, long eventId, String stream) {
        q.bind("e", eventId);
        if (stream != null) q.bind("s", stream);
        return q;
    }

    private static void touch(Handle h, long themeId, Instant now) {
        h.createUpdate("UPDATE curated_themes SET updated_at = :now WHERE id = :t")
                .bind("now", Db.utc(now)).bind("t", themeId).execute();
    }

    static List<String> ids(Collection<ItemRow> rows) {
        List<String> out = new ArrayList<>();
        for (ItemRow r : rows) out.add(r.itemId());
        return out;
    }
}
