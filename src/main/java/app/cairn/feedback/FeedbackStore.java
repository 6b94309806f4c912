package app.cairn.feedback;

import app.cairn.registration.QuestionKind;
import app.cairn.store.Db;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for feedback forms, their questions, responses and emailed links. */
final class FeedbackStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;

    FeedbackStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    FeedbackForm form(long eventId) {
        return jdbi.withHandle(h -> {
            List<FeedbackQuestion> questions = h.createQuery("""
                    SELECT id, position, kind, label, choices FROM feedback_questions
                    WHERE event_id = :e ORDER BY position, id""")
                    .bind("e", eventId)
                    .map((rs, ctx) -> new FeedbackQuestion(rs.getLong("id"), rs.getInt("position"),
                            QuestionKind.ofCode(rs.getString("kind")).orElseThrow(), rs.getString("label"),
                            splitChoices(rs.getString("choices"))))
                    .list();
            return h.createQuery("SELECT * FROM feedback_forms WHERE event_id = :e")
                    .bind("e", eventId)
                    .map((rs, ctx) -> new FeedbackForm(eventId, rs.getBoolean("anonymous"),
                            FeedbackForm.State.valueOf(rs.getString("state")), instant(rs, "opened_at"),
                            instant(rs, "closed_at"), instant(rs, "links_sent_at"), questions))
                    .findOne()
                    .orElseGet(() -> new FeedbackForm(eventId, true, FeedbackForm.State.draft, null, null, null, questions));
        });
    }

    /** Creates the form's row if it has none (forms start as drafts). */
    private static void ensure(Handle h, long eventId, Instant now) {
        h.createUpdate("INSERT INTO feedback_forms (event_id, updated_at) VALUES (:e, :now) ON CONFLICT DO NOTHING")
                .bind("e", eventId).bind("now", Db.utc(now)).execute();
    }

    void setAnonymous(long eventId, boolean anonymous, Instant now) {
        jdbi.useTransaction(h -> {
            ensure(h, eventId, now);
            h.createUpdate("UPDATE feedback_forms SET anonymous = :a, updated_at = :now WHERE event_id = :e")
                    .bind("a", anonymous).bind("now", Db.utc(now)).bind("e", eventId).execute();
        });
    }

    void setState(long eventId, FeedbackForm.State state, Instant now) {
        String stamp = state == FeedbackForm.State.open ? ", opened_at = :now, closed_at = NULL"
                : state == FeedbackForm.State.closed ? ", closed_at = :now" : "";
        jdbi.useTransaction(h -> {
            ensure(h, eventId, now);
            h.createUpdate("UPDATE feedback_forms SET state = :s, updated_at = :now" + stamp + " WHERE event_id = :e")
                    .bind("s", state.name()).bind("now", Db.utc(now)).bind("e", eventId).execute();
        });
    }

    void addQuestion(long eventId, QuestionKind kind, String label, List<String> choices) {
        jdbi.useTransaction(h -> insertQuestion(h, eventId, kind, label, choices));
    }

    int deleteQuestion(long eventId, long questionId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM feedback_questions WHERE event_id = :e AND id = :id")
                .bind("e", eventId).bind("id", questionId).execute());
    }

    /** Saves a person's answers: updates their response if they have one, else adds it. */
    void saveResponse(Respondent who, String name, Boolean recommend, Integer score, String valued, String better,
            Map<Long, String> answers, Instant now) {
        String json = toJson(answers);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("""
                    UPDATE feedback_responses SET respondent_name = :name, recommend = :r, score = :s, valued = :v,
                      better = :b, answers = :a, updated_at = :now
                    WHERE event_id = :e AND person_key = :k""")
                    .bind("name", name).bind("r", recommend == null ? null : recommend ? "yes" : "no")
                    .bind("s", score).bind("v", valued).bind("b", better).bind("a", json).bind("now", Db.utc(now))
                    .bind("e", who.eventId()).bind("k", who.key()).execute();
            if (updated > 0) return;
            h.createUpdate("""
                    INSERT INTO feedback_responses (event_id, person_key, respondent_name, recommend, score, valued,
                      better, answers, created_at, updated_at)
                    VALUES (:e, :k, :name, :r, :s, :v, :b, :a, :now, :now)""")
                    .bind("name", name).bind("r", recommend == null ? null : recommend ? "yes" : "no")
                    .bind("s", score).bind("v", valued).bind("b", better).bind("a", json).bind("now", Db.utc(now))
                    .bind("e", who.eventId()).bind("k", who.key()).execute();
        });
    }

    /**
     * Adds questions (after the form's own) and responses in one transaction: the responses'
     * answers name questions by label, resolved against the form once the questions are added.
     * A person who already has a response keeps it. Returns how many responses were added.
     */
    int bringIn(long eventId, List<FeedbackService.NewQuestion> questions, List<FeedbackService.Brought> responses,
            int maxQuestions, Instant now) {
        return jdbi.inTransaction(h -> {
            ensure(h, eventId, now);
            boolean anonymous = h.createQuery("SELECT anonymous FROM feedback_forms WHERE event_id = :e")
                    .bind("e", eventId).mapTo(Boolean.class).one();
            int existing = h.createQuery("SELECT COUNT(*) FROM feedback_questions WHERE event_id = :e")
                    .bind("e", eventId).mapTo(Integer.class).one();
            if (existing + questions.size() > maxQuestions) {
                throw new app.cairn.common.Conflict("The form has " + existing + " questions of its own and this would add "
                        + questions.size() + ", more than the " + maxQuestions + " a form can have. Nothing was brought in.");
            }
            for (var q : questions) insertQuestion(h, eventId, q.kind(), q.label(), q.choices());
            java.util.Map<String, Long> byLabel = new java.util.HashMap<>();
            h.createQuery("SELECT id, label FROM feedback_questions WHERE event_id = :e ORDER BY position, id")
                    .bind("e", eventId)
                    .map((rs, ctx) -> byLabel.putIfAbsent(rs.getString("label"), rs.getLong("id"))).list();
            int added = 0;
            for (var r : responses) {
                java.util.Map<Long, String> answers = new java.util.LinkedHashMap<>();
                r.answers().forEach((label, text) -> {
                    Long id = byLabel.get(label);
                    if (id != null) answers.put(id, text);
                });
                added += insertResponse(h, eventId, r.personKey(), anonymous ? null : r.name(), r.recommend(), r.score(),
                        r.valued(), r.better(), answers, now, now);
            }
            return added;
        });
    }

    /**
     * Sets a form as it was kept in an archive (its settings, questions and responses), in one
     * transaction; returns the new ids of the questions and of the responses by their old ids.
     */
    record Restored(java.util.Map<Long, Long> questions, java.util.Map<Long, Long> responses) {}

    Restored restore(long eventId, FeedbackService.Restore r, Instant now) {
        return jdbi.inTransaction(h -> {
            ensure(h, eventId, now);
            h.createUpdate("""
                    UPDATE feedback_forms SET anonymous = :a, state = :s, opened_at = :o, closed_at = :c,
                      links_sent_at = :l, updated_at = :now WHERE event_id = :e""")
                    .bind("a", r.anonymous()).bind("s", r.state().name()).bindByType("o", Db.utc(r.openedAt()), OffsetDateTime.class)
                    .bindByType("c", Db.utc(r.closedAt()), OffsetDateTime.class)
                    .bindByType("l", Db.utc(r.linksSentAt()), OffsetDateTime.class).bind("now", Db.utc(now))
                    .bind("e", eventId).execute();
            java.util.Map<Long, Long> questions = new java.util.HashMap<>();
            for (FeedbackQuestion q : r.questions()) {
                questions.put(q.id(), insertQuestion(h, eventId, q.kind(), q.label(), q.choices()));
            }
            java.util.Map<Long, Long> responses = new java.util.HashMap<>();
            for (FeedbackService.Stored s : r.responses()) {
                FeedbackResponse x = s.response();
                java.util.Map<Long, String> answers = new java.util.LinkedHashMap<>();
                x.answers().forEach((id, text) -> {
                    if (questions.containsKey(id)) answers.put(questions.get(id), text);
                });
                Instant at = x.updatedAt() == null ? now : x.updatedAt();
                if (insertResponse(h, eventId, s.personKey(), r.anonymous() ? null : x.name(), x.recommend(), x.score(),
                        x.valued(), x.better(), answers, at, at) == 0) continue;
                responses.put(x.id(), h.createQuery("SELECT id FROM feedback_responses WHERE event_id = :e AND person_key = :k")
                        .bind("e", eventId).bind("k", s.personKey()).mapTo(Long.class).one());
            }
            return new Restored(questions, responses);
        });
    }

    /** Every response with the key of the person who gave it (for archives). */
    List<FeedbackService.Stored> stored(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM feedback_responses WHERE event_id = :e ORDER BY id")
                .bind("e", eventId).map((rs, ctx) -> new FeedbackService.Stored(response(rs), rs.getString("person_key")))
                .list());
    }

    /** The keys of the people who have answered. */
    java.util.Set<String> respondents(long eventId) {
        return new java.util.HashSet<>(jdbi.withHandle(h -> h.createQuery(
                        "SELECT person_key FROM feedback_responses WHERE event_id = :e")
                .bind("e", eventId).mapTo(String.class).list()));
    }

    private static long insertQuestion(Handle h, long eventId, QuestionKind kind, String label, List<String> choices) {
        int next = h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM feedback_questions WHERE event_id = :e")
                .bind("e", eventId).mapTo(Integer.class).one();
        return h.createUpdate("""
                INSERT INTO feedback_questions (event_id, position, kind, label, choices)
                VALUES (:e, :p, :k, :l, :c)""")
                .bind("e", eventId).bind("p", next).bind("k", kind.code()).bind("l", label)
                .bind("c", String.join("\n", choices)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Adds a response unless the person has one; returns 1 when added, else 0. */
    private static int insertResponse(Handle h, long eventId, String key, String name, Boolean recommend, Integer score,
            String valued, String better, java.util.Map<Long, String> answers, Instant created, Instant updated) {
        return h.createUpdate("""
                INSERT INTO feedback_responses (event_id, person_key, respondent_name, recommend, score, valued,
                  better, answers, created_at, updated_at)
                VALUES (:e, :k, :name, :r, :s, :v, :b, :a, :created, :updated) ON CONFLICT DO NOTHING""")
                .bind("e", eventId).bind("k", key).bind("name", name)
                .bind("r", recommend == null ? null : recommend ? "yes" : "no").bind("s", score)
                .bind("v", valued == null ? "" : valued).bind("b", better == null ? "" : better).bind("a", toJson(answers))
                .bind("created", Db.utc(created)).bind("updated", Db.utc(updated)).execute();
    }

    List<FeedbackResponse> responses(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM feedback_responses WHERE event_id = :e ORDER BY id")
                .bind("e", eventId).map((rs, ctx) -> response(rs)).list());
    }

    Optional<FeedbackResponse> response(long eventId, String personKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM feedback_responses WHERE event_id = :e AND person_key = :k")
                .bind("e", eventId).bind("k", personKey).map((rs, ctx) -> response(rs)).findOne());
    }

    void addLink(String tokenHash, Respondent who, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO feedback_links (token_hash, event_id, person_key, person_name, created_at)
                VALUES (:t, :e, :k, :n, :now)""")
                .bind("t", tokenHash).bind("e", who.eventId()).bind("k", who.key()).bind("n", who.name())
                .bind("now", Db.utc(now)).execute());
    }

    Optional<Respondent> link(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT event_id, person_key, person_name FROM feedback_links WHERE token_hash = :t")
                .bind("t", tokenHash)
                .map((rs, ctx) -> new Respondent(rs.getLong("event_id"), rs.getString("person_key"), rs.getString("person_name")))
                .findOne());
    }

    java.util.Set<String> linkedPeople(long eventId) {
        return new java.util.HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT person_key FROM feedback_links WHERE event_id = :e")
                .bind("e", eventId).mapTo(String.class).list()));
    }

    void markLinksSent(long eventId, Instant now) {
        jdbi.useTransaction(h -> {
            ensure(h, eventId, now);
            h.createUpdate("UPDATE feedback_forms SET links_sent_at = :now WHERE event_id = :e")
                    .bind("now", Db.utc(now)).bind("e", eventId).execute();
        });
    }

    private static FeedbackResponse response(ResultSet rs) throws SQLException {
        String r = rs.getString("recommend");
        int score = rs.getInt("score");
        Integer s = rs.wasNull() ? null : score;
        return new FeedbackResponse(rs.getLong("id"), rs.getLong("event_id"), rs.getString("respondent_name"),
                r == null ? null : r.equals("yes"), s, rs.getString("valued"), rs.getString("better"),
                fromJson(rs.getString("answers")), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Db.instant(rs.getObject(column, OffsetDateTime.class));
    }

    private static List<String> splitChoices(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("\n")).filter(c -> !c.isBlank()).toList();
    }

    private static String toJson(Map<Long, String> answers) {
        try {
            return JSON.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers could not be written", e);
        }
    }

    private static Map<Long, String> fromJson(String json) {
        try {
            return JSON.readValue(json == null || json.isBlank() ? "{}" : json, new TypeReference<Map<Long, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are not JSON", e);
        }
    }
}
