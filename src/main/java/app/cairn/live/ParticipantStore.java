package app.cairn.live;

import app.cairn.store.Db;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for live sessions (join codes, anonymity) and participants. */
final class ParticipantStore {
    private static final RowMapper<Participant> PARTICIPANT = (rs, ctx) -> new Participant(
            rs.getLong("id"),
            rs.getLong("event_id"),
            (Long) rs.getObject("registration_id", Long.class),
            rs.getString("display_name"),
            rs.getString("role_title"),
            rs.getString("organisation"),
            rs.getString("sector"),
            rs.getString("email"));
    private static final RowMapper<LiveSession> SESSION = (rs, ctx) -> new LiveSession(
            rs.getLong("event_id"),
            rs.getString("join_code"),
            LiveSession.Anonymity.valueOf(rs.getString("anonymity")),
            rs.getInt("silence_seconds"));

    private final Jdbi jdbi;

    ParticipantStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<LiveSession> session(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM live_sessions WHERE event_id = :event")
                .bind("event", eventId)
                .map(SESSION)
                .findOne());
    }

    Optional<LiveSession> sessionByCode(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM live_sessions WHERE join_code = :code")
                .bind("code", code)
                .map(SESSION)
                .findOne());
    }

    /** Creates the event's session with a fresh code unless it has one; returns the session either way. */
    LiveSession ensureSession(long eventId, Instant now) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<LiveSession> existing = session(eventId);
            if (existing.isPresent()) return existing.get();
            String code = JoinCodes.next();
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO live_sessions (event_id, join_code, created_at)
                            VALUES (:event, :code, :now) ON CONFLICT DO NOTHING""")
                    .bind("event", eventId)
                    .bind("code", code)
                    .bind("now", Db.utc(now))
                    .execute());
        }
        throw new IllegalStateException("could not find a free join code for event " + eventId);
    }

    void updateSession(long eventId, LiveSession.Anonymity anonymity, int silenceSeconds) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE live_sessions SET anonymity = :a, silence_seconds = :s WHERE event_id = :event")
                .bind("a", anonymity.name())
                .bind("s", silenceSeconds)
                .bind("event", eventId)
                .execute());
    }

    long insert(long eventId, String tokenHash, Long registrationId, String name, String role, String organisation,
            String sector, String email, Instant now) {
        return jdbi.withHandle(h -> insert(h, eventId, tokenHash, registrationId, name, role, organisation, sector, email, now));
    }

    /** Adds a participant in the caller's transaction (the sequencer's, with their "joined" entry). */
    long insert(org.jdbi.v3.core.Handle h, long eventId, String tokenHash, Long registrationId, String name, String role,
            String organisation, String sector, String email, Instant now) {
        return h.createUpdate("""
                        INSERT INTO participants (event_id, token_hash, registration_id, display_name, role_title,
                                                  organisation, sector, email, joined_at)
                        VALUES (:event, :hash, :registration, :name, :role, :org, :sector, :email, :now)""")
                .bind("event", eventId)
                .bind("hash", tokenHash)
                .bind("registration", registrationId)
                .bind("name", name)
                .bind("role", role)
                .bind("org", organisation)
                .bind("sector", sector)
                .bind("email", email)
                .bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    Optional<Participant> byTokenHash(String hash) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT p.* FROM participants p WHERE p.token_hash = :hash
                        UNION ALL
                        SELECT p.* FROM participants p JOIN participant_devices d ON d.participant_id = p.id
                        WHERE d.token_hash = :hash""")
                .bind("hash", hash)
                .map(PARTICIPANT)
                .findFirst());
    }

    /** Another device for the same participant (their personal link opened again). */
    void addDevice(long participantId, String tokenHash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO participant_devices (token_hash, participant_id, created_at) VALUES (:hash, :p, :now)")
                .bind("hash", tokenHash)
                .bind("p", participantId)
                .bind("now", Db.utc(now))
                .execute());
    }

    Optional<Participant> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM participants WHERE id = :id")
                .bind("id", id)
                .map(PARTICIPANT)
                .findOne());
    }

    Optional<Participant> byRegistration(long eventId, long registrationId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM participants WHERE event_id = :event AND registration_id = :registration")
                .bind("event", eventId)
                .bind("registration", registrationId)
                .map(PARTICIPANT)
                .findFirst());
    }

    List<Participant> forEvent(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM participants WHERE event_id = :event ORDER BY id")
                .bind("event", eventId)
                .map(PARTICIPANT)
                .list());
    }
}
