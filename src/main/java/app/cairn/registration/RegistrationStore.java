package app.cairn.registration;

import app.cairn.registration.Registration.Status;
import app.cairn.store.Db;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for people, registrations, their answers, each event's questions and registration settings. */
final class RegistrationStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;

    RegistrationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    // ---- settings

    RegistrationSettings settings(long eventId) {
        return jdbi.withHandle(h -> settings(h, eventId, false));
    }

    /**
     * The event's settings, locking its row until the transaction ends when {@code lock}: every
     * change to who has a place goes through this lock, so the last place is taken only once.
     */
    RegistrationSettings settings(Handle h, long eventId, boolean lock) {
        if (lock) {
            h.createUpdate("""
                            INSERT INTO registration_settings (event_id, updated_at) VALUES (:e, :now) ON CONFLICT DO NOTHING""")
                    .bind("e", eventId).bind("now", Db.utc(Instant.now())).execute();
        }
        return h.createQuery("SELECT * FROM registration_settings WHERE event_id = :e" + (lock ? " FOR UPDATE" : ""))
                .bind("e", eventId)
                .map((rs, ctx) -> new RegistrationSettings(eventId, rs.getBoolean("registration_open"),
                        rs.getBoolean("remind_day"), rs.getBoolean("remind_hour")))
                .findOne()
                .orElse(RegistrationSettings.defaults(eventId));
    }

    void saveSettings(Handle h, RegistrationSettings s, Instant now) {
        settings(h, s.eventId(), true);
        h.createUpdate("""
                        UPDATE registration_settings SET registration_open = :open, remind_day = :day, remind_hour = :hour,
                               updated_at = :now WHERE event_id = :e""")
                .bind("e", s.eventId()).bind("open", s.open()).bind("day", s.remindDay()).bind("hour", s.remindHour())
                .bind("now", Db.utc(now))
                .execute();
    }

    // ---- people

    Optional<Long> person(Handle h, long communityId, String emailKey) {
        return h.createQuery("SELECT id FROM people WHERE community_id = :c AND email_key = :k")
                .bind("c", communityId).bind("k", emailKey).mapTo(Long.class).findOne();
    }

    /** The person with this email in the community, made if new. Two at once both end with the same row. */
    long ensurePerson(Handle h, long communityId, String email, String emailKey, String name, Instant now) {
        Optional<Long> id = person(h, communityId, emailKey);
        if (id.isPresent()) {
            h.createUpdate("UPDATE people SET name = :name, email = :email WHERE id = :id")
                    .bind("id", id.get()).bind("name", name).bind("email", email).execute();
            return id.get();
        }
        h.createUpdate("""
                        INSERT INTO people (community_id, email_key, email, name, created_at)
                        VALUES (:c, :k, :email, :name, :now) ON CONFLICT DO NOTHING""")
                .bind("c", communityId).bind("k", emailKey).bind("email", email).bind("name", name)
                .bind("now", Db.utc(now))
                .execute();
        return person(h, communityId, emailKey).orElseThrow();
    }

    // ---- registrations

    Optional<Registration> byId(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    Optional<Registration> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM registrations WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().map(r -> r.withAnswers(answers(h, r.id())));
    }

    Optional<Registration> byPerson(Handle h, long eventId, long personId) {
        return h.createQuery("SELECT * FROM registrations WHERE event_id = :e AND person_id = :p")
                .bind("e", eventId).bind("p", personId)
                .map((rs, ctx) -> row(rs)).findOne().map(r -> r.withAnswers(answers(h, r.id())));
    }

    /** An event's registrations in the order they were made, each with its answers. */
    List<Registration> byEvent(long eventId) {
        return jdbi.withHandle(h -> {
            List<Registration> rows = h.createQuery("SELECT * FROM registrations WHERE event_id = :e ORDER BY id")
                    .bind("e", eventId).map((rs, ctx) -> row(rs)).list();
            Map<Long, Map<Long, String>> answers = new HashMap<>();
            h.createQuery("""
                            SELECT a.registration_id, a.question_id, a.answer FROM registration_answers a
                            JOIN registrations r ON r.id = a.registration_id WHERE r.event_id = :e""")
                    .bind("e", eventId)
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                    .forEach(a -> answers.computeIfAbsent((Long) a[0], k -> new HashMap<>()).put((Long) a[1], (String) a[2]));
            return rows.stream().map(r -> r.withAnswers(answers.getOrDefault(r.id(), Map.of()))).toList();
        });
    }

    /** What reports need of every registration in a community: event, person, organisation, sector, status. */
    record Reach(long registrationId, long eventId, long personId, Long organisationId, String organisationName,
            String sector, Status status) {}

    List<Reach> reach(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.id, r.event_id, r.person_id, r.organisation_id, r.organisation_name, r.sector, r.status
                        FROM registrations r JOIN people p ON p.id = r.person_id
                        WHERE p.community_id = :c ORDER BY r.id""")
                .bind("c", communityId)
                .map((rs, ctx) -> new Reach(rs.getLong("id"), rs.getLong("event_id"), rs.getLong("person_id"),
                        (Long) rs.getObject("organisation_id", Long.class), rs.getString("organisation_name"),
                        rs.getString("sector"), Status.ofCode(rs.getString("status"))))
                .list());
    }

    /** The fields a registration's details are saved from. */
    record Details(String name, String email, String role, String organisationName, Long organisationId, String sector,
            String oneQuestion, String accessNeeds) {}

    long insert(Handle h, long eventId, long personId, Details d, Status status, String source, String consentVersion,
            Instant consentAt, String salt, Instant now) {
        return h.createUpdate("""
                        INSERT INTO registrations (event_id, person_id, name, email, role_title, organisation_name,
                            organisation_id, sector, one_question, access_needs, status, source, consent_version,
                            consent_at, token_salt, waiting_since, created_at, updated_at)
                        VALUES (:e, :p, :name, :email, :role, :orgName, :orgId, :sector, :oneQuestion, :access, :status,
                            :source, :consentVersion, :consentAt, :salt, :waitingSince, :now, :now)""")
                .bind("e", eventId).bind("p", personId)
                .bind("name", d.name()).bind("email", d.email()).bind("role", d.role())
                .bind("orgName", d.organisationName()).bind("orgId", d.organisationId()).bind("sector", d.sector())
                .bind("oneQuestion", d.oneQuestion()).bind("access", d.accessNeeds())
                .bind("status", status.code()).bind("source", source)
                .bind("consentVersion", consentVersion).bind("consentAt", Db.utc(consentAt)).bind("salt", salt)
                .bind("waitingSince", status == Status.WAITING ? Db.utc(now) : null)
                .bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    void updateDetails(Handle h, long id, Details d, String consentVersion, Instant consentAt, Instant now) {
        h.createUpdate("""
                        UPDATE registrations SET name = :name, email = :email, role_title = :role,
                            organisation_name = :orgName, organisation_id = :orgId, sector = :sector,
                            one_question = :oneQuestion, access_needs = :access,
                            consent_version = COALESCE(:consentVersion, consent_version),
                            consent_at = COALESCE(:consentAt, consent_at), updated_at = :now
                        WHERE id = :id""")
                .bind("id", id)
                .bind("name", d.name()).bind("email", d.email()).bind("role", d.role())
                .bind("orgName", d.organisationName()).bind("orgId", d.organisationId()).bind("sector", d.sector())
                .bind("oneQuestion", d.oneQuestion()).bind("access", d.accessNeeds())
                .bind("consentVersion", consentVersion).bind("consentAt", Db.utc(consentAt))
                .bind("now", Db.utc(now))
                .execute();
    }

    void setStatus(Handle h, long id, Status status, Instant now) {
        h.createUpdate("""
                        UPDATE registrations SET status = :status, updated_at = :now,
                            waiting_since = CASE WHEN :status = 'waiting' THEN :now ELSE NULL END,
                            cancelled_at = CASE WHEN :status = 'cancelled' THEN :now ELSE NULL END,
                            reminder_day_sent_at = CASE WHEN :status = 'confirmed' THEN reminder_day_sent_at ELSE NULL END,
                            reminder_hour_sent_at = CASE WHEN :status = 'confirmed' THEN reminder_hour_sent_at ELSE NULL END
                        WHERE id = :id""")
                .bind("id", id).bind("status", status.code()).bind("now", Db.utc(now))
                .execute();
    }

    int count(Handle h, long eventId, Status status) {
        return h.createQuery("SELECT COUNT(*) FROM registrations WHERE event_id = :e AND status = :s")
                .bind("e", eventId).bind("s", status.code()).mapTo(Integer.class).one();
    }

    Map<Status, Integer> counts(long eventId) {
        Map<Status, Integer> out = new LinkedHashMap<>();
        for (Status s : Status.values()) out.put(s, 0);
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM registrations WHERE event_id = :e GROUP BY status")
                .bind("e", eventId)
                .map((rs, ctx) -> Map.entry(Status.ofCode(rs.getString("status")), rs.getInt("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** The waiting list, first in line first. */
    List<Long> waiting(Handle h, long eventId) {
        return h.createQuery("""
                        SELECT id FROM registrations WHERE event_id = :e AND status = 'waiting' ORDER BY waiting_since, id""")
                .bind("e", eventId).mapTo(Long.class).list();
    }

    void saveAnswers(Handle h, long registrationId, Map<Long, String> answers) {
        h.createUpdate("DELETE FROM registration_answers WHERE registration_id = :r").bind("r", registrationId).execute();
        for (var a : answers.entrySet()) {
            if (a.getValue() == null || a.getValue().isEmpty()) continue;
            h.createUpdate("INSERT INTO registration_answers (registration_id, question_id, answer) VALUES (:r, :q, :a)")
                    .bind("r", registrationId).bind("q", a.getKey()).bind("a", a.getValue()).execute();
        }
    }

    private Map<Long, String> answers(Handle h, long registrationId) {
        Map<Long, String> out = new HashMap<>();
        h.createQuery("SELECT question_id, answer FROM registration_answers WHERE registration_id = :r")
                .bind("r", registrationId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    // ---- questions

    List<Question> questions(long eventId) {
        return jdbi.withHandle(h -> questions(h, eventId));
    }

    List<Question> questions(Handle h, long eventId) {
        return h.createQuery("SELECT * FROM registration_questions WHERE event_id = :e ORDER BY position, id")
                .bind("e", eventId).map((rs, ctx) -> question(rs)).list();
    }

    long insertQuestion(Handle h, long eventId, QuestionKind kind, String label, String hint, boolean required,
            List<String> choices, Instant now) {
        int position = h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM registration_questions WHERE event_id = :e")
                .bind("e", eventId).mapTo(Integer.class).one();
        return h.createUpdate("""
                        INSERT INTO registration_questions (event_id, position, kind, label, hint, required, choices, created_at)
                        VALUES (:e, :position, :kind, :label, :hint, :required, :choices, :now)""")
                .bind("e", eventId).bind("position", position).bind("kind", kind.code()).bind("label", label)
                .bind("hint", hint).bind("required", required).bind("choices", json(choices)).bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean updateQuestion(Handle h, long eventId, long id, QuestionKind kind, String label, String hint, boolean required,
            List<String> choices) {
        return h.createUpdate("""
                        UPDATE registration_questions SET kind = :kind, label = :label, hint = :hint, required = :required,
                            choices = :choices WHERE id = :id AND event_id = :e""")
                .bind("e", eventId).bind("id", id).bind("kind", kind.code()).bind("label", label).bind("hint", hint)
                .bind("required", required).bind("choices", json(choices))
                .execute() == 1;
    }

    boolean deleteQuestion(Handle h, long eventId, long id) {
        return h.createUpdate("DELETE FROM registration_questions WHERE id = :id AND event_id = :e")
                .bind("e", eventId).bind("id", id).execute() == 1;
    }

    // ---- reminders

    /** Events with confirmed registrations whose reminders are not finished. */
    List<Long> eventsAwaitingReminders() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT r.event_id FROM registrations r
                        LEFT JOIN registration_settings s ON s.event_id = r.event_id
                        WHERE r.status = 'confirmed' AND (s.reminders_done IS NULL OR s.reminders_done = FALSE)""")
                .mapTo(Long.class).list());
    }

    void remindersDone(long eventId) {
        jdbi.useTransaction(h -> {
            settings(h, eventId, true);
            h.createUpdate("UPDATE registration_settings SET reminders_done = TRUE WHERE event_id = :e")
                    .bind("e", eventId).execute();
        });
    }

    /** Confirmed registrations made before {@code madeBefore} still owed the reminder kind (day or hour). */
    List<Long> owedReminder(long eventId, String kind, Instant madeBefore, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM registrations WHERE event_id = :e AND status = 'confirmed'
                          AND reminder_<kind>_sent_at IS NULL AND created_at < :before
                          AND (reminder_lease_until IS NULL OR reminder_lease_until <= :now)
                        ORDER BY id""")
                .define("kind", kind)
                .bind("e", eventId).bind("before", Db.utc(madeBefore)).bind("now", Db.utc(now))
                .mapTo(Long.class).list());
    }

    /** Claims one reminder for this node until {@code lease}: false when another node has it or it was sent. */
    boolean claimReminder(long id, String kind, Instant now, Instant lease) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE registrations SET reminder_lease_until = :lease
                        WHERE id = :id AND status = 'confirmed' AND reminder_<kind>_sent_at IS NULL
                          AND (reminder_lease_until IS NULL OR reminder_lease_until <= :now)""")
                .define("kind", kind)
                .bind("id", id).bind("now", Db.utc(now)).bind("lease", Db.utc(lease))
                .execute()) == 1;
    }

    void reminderSent(long id, String kind, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE registrations SET reminder_<kind>_sent_at = :now, reminder_lease_until = NULL WHERE id = :id""")
                .define("kind", kind).bind("id", id).bind("now", Db.utc(now)).execute());
    }

    // ---- rows

    static Registration row(ResultSet rs) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getLong("event_id"), rs.getLong("person_id"), rs.getString("name"),
                rs.getString("email"), rs.getString("role_title"), rs.getString("organisation_name"),
                (Long) rs.getObject("organisation_id", Long.class), rs.getString("sector"), rs.getString("one_question"),
                rs.getString("access_needs"), Status.ofCode(rs.getString("status")), rs.getString("source"),
                rs.getString("consent_version"), instant(rs, "consent_at"), rs.getString("token_salt"),
                instant(rs, "waiting_since"), instant(rs, "cancelled_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), Map.of());
    }

    static Question question(ResultSet rs) throws SQLException {
        return new Question(rs.getLong("id"), rs.getLong("event_id"), rs.getInt("position"),
                QuestionKind.ofCode(rs.getString("kind")).orElseThrow(), rs.getString("label"), rs.getString("hint"),
                rs.getBoolean("required"), parse(rs.getString("choices")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Db.instant(rs.getObject(column, OffsetDateTime.class));
    }

    private static String json(List<String> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> parse(String json) {
        try {
            return json == null || json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<ArrayList<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a question's choices are not valid JSON", e);
        }
    }
}
