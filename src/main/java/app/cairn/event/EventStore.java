package app.cairn.event;

import app.cairn.store.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for events, their hosts and their agendas. */
final class EventStore {
    private static final String COLUMNS = """
            e.id, e.community_id, e.slug, e.title, e.purpose, e.starts_on, e.start_time, e.time_zone,
            e.recording_url, e.contact_email, e.capacity, e.template_name, e.cancelled_at, e.version,
            e.created_at, e.updated_at""";

    private final Jdbi jdbi;

    EventStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    boolean slugTaken(Handle h, long communityId, String slug) {
        return h.createQuery("SELECT COUNT(*) FROM events WHERE community_id = :c AND slug = :slug")
                        .bind("c", communityId)
                        .bind("slug", slug)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    long insert(Handle h, long communityId, String slug, EventDetails d, String templateName, long accountId, Instant now) {
        long id = h.createUpdate("""
                        INSERT INTO events (community_id, slug, title, purpose, starts_on, start_time, time_zone, starts_at,
                            recording_url, contact_email, capacity, template_name, created_by, created_at, updated_at)
                        VALUES (:community, :slug, :title, :purpose, :date, :time, :zone, :startsAt,
                            :url, :email, :capacity, :template, :by, :now, :now)""")
                .bind("community", communityId)
                .bind("slug", slug)
                .bindMap(detailColumns(d))
                .bind("template", templateName)
                .bind("by", accountId)
                .bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        replaceHosts(h, id, d.hosts());
        return id;
    }

    void updateDetails(Handle h, long id, EventDetails d, Instant now) {
        h.createUpdate("""
                        UPDATE events SET title = :title, purpose = :purpose, starts_on = :date, start_time = :time,
                            time_zone = :zone, starts_at = :startsAt, recording_url = :url, contact_email = :email,
                            capacity = :capacity, updated_at = :now
                        WHERE id = :id""")
                .bind("id", id)
                .bindMap(detailColumns(d))
                .bind("now", Db.utc(now))
                .execute();
        replaceHosts(h, id, d.hosts());
    }

    private static Map<String, Object> detailColumns(EventDetails d) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", d.title());
        m.put("purpose", d.purpose());
        m.put("date", d.date());
        m.put("time", d.startTime());
        m.put("zone", d.zone().getId());
        m.put("startsAt", Db.utc(java.time.ZonedDateTime.of(d.date(), d.startTime(), d.zone()).toInstant()));
        m.put("url", d.recordingUrl());
        m.put("email", d.contactEmail());
        m.put("capacity", d.capacity());
        return m;
    }

    /**
     * Claims the next version of an event, so two people editing at once cannot both win.
     * False when someone else changed it since {@code expected} was read.
     */
    boolean bumpVersion(Handle h, long id, int expected, Instant now) {
        return h.createUpdate("UPDATE events SET version = version + 1, updated_at = :now WHERE id = :id AND version = :v")
                        .bind("id", id)
                        .bind("v", expected)
                        .bind("now", Db.utc(now))
                        .execute()
                == 1;
    }

    void setCancelled(Handle h, long id, Instant cancelledAt) {
        h.createUpdate("UPDATE events SET cancelled_at = :at WHERE id = :id")
                .bind("id", id)
                .bind("at", Db.utc(cancelledAt))
                .execute();
    }

    private void replaceHosts(Handle h, long eventId, List<Host> hosts) {
        h.createUpdate("DELETE FROM event_hosts WHERE event_id = :id").bind("id", eventId).execute();
        for (int i = 0; i < hosts.size(); i++) {
            Host host = hosts.get(i);
            h.createUpdate("""
                            INSERT INTO event_hosts (event_id, position, name, role, organisation)
                            VALUES (:id, :pos, :name, :role, :org)""")
                    .bind("id", eventId)
                    .bind("pos", i)
                    .bind("name", host.name())
                    .bind("role", host.role())
                    .bind("org", host.organisation())
                    .execute();
        }
    }

    Optional<Event> byId(long id) {
        return jdbi.withHandle(h -> event(h, id));
    }

    Optional<Event> event(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM events e WHERE e.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne()
                .map(r -> r.toEvent(hosts(h, List.of(id)).getOrDefault(id, List.of())));
    }

    /** A community's events, earliest first, each with the length of its agenda. */
    List<EventSummary> byCommunity(long communityId) {
        return jdbi.withHandle(h -> summaries(h, h.createQuery("SELECT " + COLUMNS + """
                        , (SELECT COALESCE(SUM(s.minutes), 0) FROM event_segments s WHERE s.event_id = e.id) AS total_minutes
                        FROM events e WHERE e.community_id = :c ORDER BY e.starts_at, e.id""")
                .bind("c", communityId)
                .map((rs, ctx) -> Map.entry(row(rs), rs.getInt("total_minutes")))
                .list()));
    }

    /** Events in any of these communities that end after {@code after}, earliest first. */
    List<EventSummary> upcomingIn(Set<Long> communityIds, Instant after) {
        if (communityIds.isEmpty()) return List.of();
        return jdbi.withHandle(h -> summaries(h, h.createQuery("SELECT " + COLUMNS + """
                        , (SELECT COALESCE(SUM(s.minutes), 0) FROM event_segments s WHERE s.event_id = e.id) AS total_minutes
                        FROM events e WHERE e.community_id IN (<ids>) AND e.starts_at > :earliest
                        ORDER BY e.starts_at, e.id""")
                        .bindList("ids", new ArrayList<>(communityIds))
                        // An agenda lasts at most a day, so anything starting earlier than that has ended.
                        .bind("earliest", Db.utc(after.minus(java.time.Duration.ofDays(1))))
                        .map((rs, ctx) -> Map.entry(row(rs), rs.getInt("total_minutes")))
                        .list())
                .stream()
                .filter(s -> !s.pastAt(after))
                .toList());
    }

    private List<EventSummary> summaries(Handle h, List<Map.Entry<Row, Integer>> rows) {
        Map<Long, List<Host>> hosts = hosts(h, rows.stream().map(r -> r.getKey().id()).toList());
        return rows.stream()
                .map(r -> new EventSummary(r.getKey().toEvent(hosts.getOrDefault(r.getKey().id(), List.of())), r.getValue()))
                .toList();
    }

    private Map<Long, List<Host>> hosts(Handle h, List<Long> eventIds) {
        Map<Long, List<Host>> byEvent = new HashMap<>();
        if (eventIds.isEmpty()) return byEvent;
        h.createQuery("SELECT event_id, name, role, organisation FROM event_hosts WHERE event_id IN (<ids>) "
                        + "ORDER BY event_id, position")
                .bindList("ids", eventIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("event_id"),
                        new Host(rs.getString("name"), rs.getString("role"), rs.getString("organisation"))))
                .forEach(e -> byEvent.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byEvent;
    }

    /** An event's row before its hosts are attached. */
    private record Row(long id, long communityId, String slug, String title, String purpose, LocalDate date, LocalTime time,
            String zone, String url, String email, Integer capacity, String template, Instant cancelledAt, int version,
            Instant createdAt, Instant updatedAt) {
        Event toEvent(List<Host> hosts) {
            return new Event(id, communityId, slug, title, purpose, date, time, ZoneId.of(zone), hosts, url, email, capacity,
                    template, cancelledAt, version, createdAt, updatedAt);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        int capacity = rs.getInt("capacity");
        Integer cap = rs.wasNull() ? null : capacity;
        return new Row(rs.getLong("id"), rs.getLong("community_id"), rs.getString("slug"), rs.getString("title"),
                rs.getString("purpose"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("start_time", LocalTime.class), rs.getString("time_zone"), rs.getString("recording_url"),
                rs.getString("contact_email"), cap, rs.getString("template_name"),
                Db.instant(rs.getObject("cancelled_at", OffsetDateTime.class)), rs.getInt("version"),
                Db.instant(rs.getObject("created_at", OffsetDateTime.class)),
                Db.instant(rs.getObject("updated_at", OffsetDateTime.class)));
    }

    // ---- agendas

    List<Segment> segments(long eventId) {
        return jdbi.withHandle(h -> segments(h, eventId));
    }

    List<Segment> segments(Handle h, long eventId) {
        Map<Long, List<Poll>> polls = new HashMap<>();
        h.createQuery("""
                        SELECT p.id, p.segment_id, p.question, p.kind, p.options FROM segment_polls p
                        JOIN event_segments s ON s.id = p.segment_id WHERE s.event_id = :id ORDER BY p.segment_id, p.position""")
                .bind("id", eventId)
                .map((rs, ctx) -> Map.entry(rs.getLong("segment_id"), new Poll(rs.getLong("id"), rs.getString("question"),
                        PollKind.parse(rs.getString("kind")).orElseThrow(), AgendaJson.strings(rs.getString("options")))))
                .forEach(e -> polls.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return h.createQuery("""
                        SELECT id, kind, title, minutes, guidance, prompts FROM event_segments
                        WHERE event_id = :id ORDER BY position, id""")
                .bind("id", eventId)
                .map((rs, ctx) -> new Segment(rs.getLong("id"), SegmentKind.parse(rs.getString("kind")).orElseThrow(),
                        rs.getString("title"), rs.getInt("minutes"), rs.getString("guidance"),
                        AgendaJson.strings(rs.getString("prompts")), polls.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /**
     * Makes the event's agenda exactly {@code segments}, in order: saved segments and polls (id
     * above 0) are updated in place so their ids stay the same, new ones are added, and those
     * left out are removed. Returns the new ids of added segments, in order.
     */
    List<Long> saveAgenda(Handle h, long eventId, List<Segment> segments) {
        Set<Long> keep = new HashSet<>();
        segments.forEach(s -> keep.add(s.id()));
        List<Long> existing = h.createQuery("SELECT id FROM event_segments WHERE event_id = :id")
                .bind("id", eventId).mapTo(Long.class).list();
        for (Long id : existing) {
            if (!keep.contains(id)) h.createUpdate("DELETE FROM event_segments WHERE id = :id").bind("id", id).execute();
        }
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            long segmentId;
            if (s.id() > 0 && existing.contains(s.id())) {
                segmentId = s.id();
                h.createUpdate("""
                                UPDATE event_segments SET position = :pos, kind = :kind, title = :title, minutes = :minutes,
                                    guidance = :guidance, prompts = :prompts WHERE id = :id""")
                        .bindMap(segmentColumns(s, i))
                        .bind("id", segmentId)
                        .execute();
            } else {
                segmentId = h.createUpdate("""
                                INSERT INTO event_segments (event_id, position, kind, title, minutes, guidance, prompts)
                                VALUES (:event, :pos, :kind, :title, :minutes, :guidance, :prompts)""")
                        .bindMap(segmentColumns(s, i))
                        .bind("event", eventId)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                added.add(segmentId);
            }
            savePolls(h, segmentId, s.polls());
        }
        return added;
    }

    private static Map<String, Object> segmentColumns(Segment s, int position) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pos", position);
        m.put("kind", s.kind().code());
        m.put("title", s.title());
        m.put("minutes", s.minutes());
        m.put("guidance", s.guidance());
        m.put("prompts", AgendaJson.strings(s.prompts()));
        return m;
    }

    private void savePolls(Handle h, long segmentId, List<Poll> polls) {
        List<Long> existing = h.createQuery("SELECT id FROM segment_polls WHERE segment_id = :id")
                .bind("id", segmentId).mapTo(Long.class).list();
        Set<Long> keep = new HashSet<>();
        polls.forEach(p -> keep.add(p.id()));
        for (Long id : existing) {
            if (!keep.contains(id)) h.createUpdate("DELETE FROM segment_polls WHERE id = :id").bind("id", id).execute();
        }
        for (int i = 0; i < polls.size(); i++) {
            Poll p = polls.get(i);
            boolean update = p.id() > 0 && existing.contains(p.id());
            h.createUpdate(update
                            ? "UPDATE segment_polls SET position = :pos, question = :q, kind = :kind, options = :options "
                                    + "WHERE id = :target"
                            : "INSERT INTO segment_polls (segment_id, position, question, kind, options) "
                                    + "VALUES (:target, :pos, :q, :kind, :options)")
                    .bind("target", update ? p.id() : segmentId)
                    .bind("pos", i)
                    .bind("q", p.question())
                    .bind("kind", p.kind().code())
                    .bind("options", AgendaJson.strings(p.options()))
                    .execute();
        }
    }
}
