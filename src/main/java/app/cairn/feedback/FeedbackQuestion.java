package app.cairn.feedback;

import app.cairn.registration.QuestionKind;
import java.util.List;

/** One of the organiser's own questions on a feedback form (the same kinds as registration questions). */
public record FeedbackQuestion(long id, int position, QuestionKind kind, String label, List<String> choices) {
    public FeedbackQuestion {
        choices = List.copyOf(choices);
    }

    /** The form field carrying the answer. */
    public String field() {
        return "q" + id;
    }

    /** The choices a person picks from: the organiser's, or Yes and No. */
    public List<String> options() {
        return kind == QuestionKind.YES_NO ? List.of("Yes", "No") : choices;
    }
}
