package app.cairn.feedback;

import java.time.Instant;
import java.util.Map;

/**
 * One person's answers. {@code recommend} and {@code score} are null when they left them blank;
 * {@code name} is null when the form is anonymous. Answers to the organiser's questions by question id.
 */
public record FeedbackResponse(long id, long eventId, String name, Boolean recommend, Integer score, String valued,
        String better, Map<Long, String> answers, Instant updatedAt) {
    public FeedbackResponse {
        answers = Map.copyOf(answers);
    }

    /** The same answers without who gave them, for the pack and its exports. */
    public FeedbackResponse anonymised() {
        return new FeedbackResponse(id, eventId, null, recommend, score, valued, better, answers, updatedAt);
    }
}
