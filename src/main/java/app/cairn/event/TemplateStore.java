package app.cairn.event;

import app.cairn.store.Db;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the templates a community saves. */
final class TemplateStore {
    private static final RowMapper<Template> TEMPLATE = (rs, ctx) -> new Template(
            Long.toString(rs.getLong("id")), rs.getString("name"), rs.getString("description"), false,
            AgendaJson.segments(rs.getString("segments")));

    private final Jdbi jdbi;

    TemplateStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Template> byCommunity(long communityId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, description, segments FROM event_templates WHERE community_id = :c ORDER BY name, id")
                .bind("c", communityId)
                .map(TEMPLATE)
                .list());
    }

    Optional<Template> byId(long communityId, long id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, description, segments FROM event_templates WHERE community_id = :c AND id = :id")
                .bind("c", communityId)
                .bind("id", id)
                .map(TEMPLATE)
                .findOne());
    }

    boolean nameTaken(long communityId, String name) {
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM event_templates WHERE community_id = :c AND LOWER(name) = LOWER(:name)")
                        .bind("c", communityId)
                        .bind("name", name)
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }

    long insert(long communityId, String name, String description, List<Segment> segments, long accountId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO event_templates (community_id, name, description, segments, created_by, created_at)
                        VALUES (:c, :name, :description, :segments, :by, :now)""")
                .bind("c", communityId)
                .bind("name", name)
                .bind("description", description)
                .bind("segments", AgendaJson.segments(segments))
                .bind("by", accountId)
                .bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }
}
