package app.cairn.pack;

import app.cairn.store.Db;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for packs: settings and snapshot, section edits, and themes grouped by hand. */
final class PackStore {
    private final Jdbi jdbi;

    PackStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The pack's settings, created on first use (visible to organisers only, quotes unattributed, hosts named). */
    PackSettings settings(long eventId, Instant now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                    INSERT INTO packs (event_id, share_token, updated_at) VALUES (:e, :t, :now) ON CONFLICT DO NOTHING""")
                    .bind("e", eventId).bind("t", app.cairn.account.Tokens.newSecret()).bind("now", Db.utc(now)).execute();
            return settings(h, eventId).orElseThrow();
        });
    }

    private static Optional<PackSettings> settings(Handle h, long eventId) {
        return h.createQuery("SELECT * FROM packs WHERE event_id = :e").bind("e", eventId)
                .map((rs, ctx) -> new PackSettings(eventId,
                        PackSettings.Visibility.valueOf(rs.getString("visibility").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("share_token"), rs.getBoolean("attribute_quotes"), rs.getBoolean("include_hosts"),
                        Db.instant(rs.getObject("published_at", OffsetDateTime.class))))
                .findOne();
    }

    Optional<Long> eventByShareToken(String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT event_id FROM packs WHERE share_token = :t").bind("t", token)
                .mapTo(Long.class).findOne());
    }

    void updateSettings(long eventId, PackSettings.Visibility visibility, boolean attribute, boolean includeHosts, Instant now) {
        settings(eventId, now);
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE packs SET visibility = :v, attribute_quotes = :a, include_hosts = :i, updated_at = :now
                WHERE event_id = :e""")
                .bind("v", visibility.code()).bind("a", attribute).bind("i", includeHosts).bind("now", Db.utc(now))
                .bind("e", eventId).execute());
    }

    void publish(long eventId, String snapshot, Instant now) {
        settings(eventId, now);
        jdbi.useHandle(h -> h.createUpdate("UPDATE packs SET snapshot = :s, published_at = :now, updated_at = :now WHERE event_id = :e")
                .bind("s", snapshot).bind("now", Db.utc(now)).bind("e", eventId).execute());
    }

    Optional<String> snapshot(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT snapshot FROM packs WHERE event_id = :e AND snapshot IS NOT NULL")
                .bind("e", eventId).mapTo(String.class).findOne());
    }

    Map<String, PackInputs.SectionEdit> edits(long eventId) {
        return jdbi.withHandle(h -> {
            Map<String, PackInputs.SectionEdit> out = new HashMap<>();
            h.createQuery("SELECT section_key, text, hidden FROM pack_sections WHERE event_id = :e").bind("e", eventId)
                    .map((rs, ctx) -> Map.entry(rs.getString("section_key"),
                            new PackInputs.SectionEdit(rs.getString("text"), rs.getBoolean("hidden"))))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** Saves a section's edit: update, else insert (upserts with a target differ between H2 and PostgreSQL). */
    void saveEdit(long eventId, String key, String text, boolean hidden, Instant now) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE pack_sections SET text = :t, hidden = :h, updated_at = :now WHERE event_id = :e AND section_key = :k")
                    .bind("t", text).bind("h", hidden).bind("now", Db.utc(now)).bind("e", eventId).bind("k", key).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO pack_sections (event_id, section_key, text, hidden, updated_at) VALUES (:e, :k, :t, :h, :now)")
                        .bind("t", text).bind("h", hidden).bind("now", Db.utc(now)).bind("e", eventId).bind("k", key).execute();
            }
        });
    }

    void addReader(long eventId, String tokenHash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO pack_readers (token_hash, event_id, created_at) VALUES (:t, :e, :now)")
                .bind("t", tokenHash).bind("e", eventId).bind("now", Db.utc(now)).execute());
    }

    boolean isReader(long eventId, String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pack_readers WHERE token_hash = :t AND event_id = :e")
                .bind("t", tokenHash).bind("e", eventId).mapTo(Integer.class).one()) > 0;
    }

    java.util.Set<String> leftOut(long eventId) {
        return new java.util.HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT ref FROM pack_left_out WHERE event_id = :e")
                .bind("e", eventId).mapTo(String.class).list()));
    }

    void leaveOut(long eventId, String ref) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO pack_left_out (event_id, ref) VALUES (:e, :r) ON CONFLICT DO NOTHING")
                .bind("e", eventId).bind("r", ref).execute());
    }

    void putBackAll(long eventId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM pack_left_out WHERE event_id = :e").bind("e", eventId).execute());
    }

    // Themes grouped by hand

    record HandTheme(long id, String streamKey, String label, String summary, List<Long> seqs) {}

    List<HandTheme> themes(long eventId) {
        return jdbi.withHandle(h -> {
            Map<Long, List<Long>> items = new HashMap<>();
            h.createQuery("""
                    SELECT i.theme_id, i.seq FROM pack_theme_items i JOIN pack_themes t ON t.id = i.theme_id
                    WHERE t.event_id = :e ORDER BY i.seq""").bind("e", eventId)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(e -> items.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
            return h.createQuery("SELECT id, stream_key, label, summary FROM pack_themes WHERE event_id = :e ORDER BY position, id")
                    .bind("e", eventId)
                    .map((rs, ctx) -> new HandTheme(rs.getLong("id"), rs.getString("stream_key"), rs.getString("label"),
                            rs.getString("summary"), items.getOrDefault(rs.getLong("id"), List.of())))
                    .list();
        });
    }

    long addTheme(long eventId, String streamKey, String label, String summary, Instant now) {
        return jdbi.inTransaction(h -> {
            int next = h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM pack_themes WHERE event_id = :e")
                    .bind("e", eventId).mapTo(Integer.class).one();
            return h.createUpdate("""
                    INSERT INTO pack_themes (event_id, stream_key, label, summary, position, created_at)
                    VALUES (:e, :s, :l, :sum, :p, :now)""")
                    .bind("e", eventId).bind("s", streamKey).bind("l", label).bind("sum", summary).bind("p", next)
                    .bind("now", Db.utc(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    boolean updateTheme(long eventId, long themeId, String label, String summary) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE pack_themes SET label = :l, summary = :s WHERE event_id = :e AND id = :id")
                .bind("l", label).bind("s", summary).bind("e", eventId).bind("id", themeId).execute()) > 0;
    }

    boolean deleteTheme(long eventId, long themeId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM pack_themes WHERE event_id = :e AND id = :id")
                .bind("e", eventId).bind("id", themeId).execute()) > 0;
    }

    /** Replaces the contributions ticked into a theme. */
    void setItems(long themeId, List<Long> seqs) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM pack_theme_items WHERE theme_id = :t").bind("t", themeId).execute();
            var batch = h.prepareBatch("INSERT INTO pack_theme_items (theme_id, seq) VALUES (:t, :s)");
            for (Long s : new java.util.LinkedHashSet<>(seqs)) batch.bind("t", themeId).bind("s", s).add();
            if (!seqs.isEmpty()) batch.execute();
        });
    }
}
