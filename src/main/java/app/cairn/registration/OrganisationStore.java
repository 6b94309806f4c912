package app.cairn.registration;

import app.cairn.store.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for the {@code organisations} table: the shipped directory, typed names and merges. */
final class OrganisationStore {
    private final Jdbi jdbi;

    OrganisationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Brings the directory rows up to date with the shipped list, writing only what changed. Safe on several nodes. */
    int syncDirectory(List<OrganisationDirectory.Listed> listed, Instant now) {
        return jdbi.inTransaction(h -> {
            Map<String, Organisation> existing = new HashMap<>();
            h.createQuery("SELECT * FROM organisations WHERE code IS NOT NULL").map((rs, ctx) -> row(rs))
                    .forEach(o -> existing.put(o.code(), o));
            int changed = 0;
            for (var l : listed) {
                Organisation o = existing.get(l.code());
                String aliases = String.join("|", l.aliases());
                if (o == null) {
                    changed += h.createUpdate("""
                                    INSERT INTO organisations (code, name, sector, kind, aliases, created_at)
                                    VALUES (:code, :name, :sector, :kind, :aliases, :now) ON CONFLICT DO NOTHING""")
                            .bind("code", l.code()).bind("name", l.name()).bind("sector", l.sector().code())
                            .bind("kind", l.kind()).bind("aliases", aliases).bind("now", Db.utc(now))
                            .execute();
                } else if (!o.name().equals(l.name()) || !o.sector().equals(l.sector().code())
                        || !o.kind().equals(l.kind()) || !String.join("|", o.aliases()).equals(aliases)) {
                    changed += h.createUpdate("""
                                    UPDATE organisations SET name = :name, sector = :sector, kind = :kind, aliases = :aliases
                                    WHERE code = :code""")
                            .bind("code", l.code()).bind("name", l.name()).bind("sector", l.sector().code())
                            .bind("kind", l.kind()).bind("aliases", aliases)
                            .execute();
                }
            }
            return changed;
        });
    }

    /** The directory and the community's own organisations, merged ones included. */
    List<Organisation> visibleTo(long communityId) {
        return jdbi.withHandle(h -> visibleTo(h, communityId));
    }

    List<Organisation> visibleTo(Handle h, long communityId) {
        return h.createQuery("""
                        SELECT * FROM organisations WHERE community_id IS NULL OR community_id = :c ORDER BY name, id""")
                .bind("c", communityId)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    Optional<Organisation> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM organisations WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    long insertTyped(Handle h, long communityId, String name, String sector, Instant now) {
        return h.createUpdate("""
                        INSERT INTO organisations (community_id, name, sector, created_at)
                        VALUES (:c, :name, :sector, :now)""")
                .bind("c", communityId).bind("name", name).bind("sector", sector).bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Points the community's organisations {@code from} (and anything merged into them) at {@code into}. */
    void merge(long communityId, List<Long> from, long into) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE organisations SET merged_into = :into WHERE merged_into IN (<from>)")
                    .bind("into", into).bindList("from", from).execute();
            h.createUpdate("UPDATE organisations SET merged_into = :into WHERE community_id = :c AND id IN (<from>)")
                    .bind("into", into).bind("c", communityId).bindList("from", from).execute();
        });
    }

    void unmerge(long communityId, long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE organisations SET merged_into = NULL WHERE id = :id AND community_id = :c")
                .bind("id", id).bind("c", communityId).execute());
    }

    /** How many registrations (not cancelled) in the community name each organisation row. */
    Map<Long, Integer> usage(long communityId) {
        Map<Long, Integer> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT r.organisation_id AS id, COUNT(*) AS n FROM registrations r
                        JOIN people p ON p.id = r.person_id
                        WHERE p.community_id = :c AND r.status <> 'cancelled' AND r.organisation_id IS NOT NULL
                        GROUP BY r.organisation_id""")
                .bind("c", communityId)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getInt("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    static Organisation row(ResultSet rs) throws SQLException {
        String aliases = rs.getString("aliases");
        return new Organisation(rs.getLong("id"), rs.getString("code"), (Long) rs.getObject("community_id", Long.class),
                rs.getString("name"), rs.getString("sector"), rs.getString("kind"),
                aliases == null || aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split("\\|")),
                (Long) rs.getObject("merged_into", Long.class));
    }
}
