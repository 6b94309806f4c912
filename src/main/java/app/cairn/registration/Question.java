package app.cairn.registration;

import java.util.List;

/** One of an event's own questions on its registration form. */
public record Question(long id, long eventId, int position, QuestionKind kind, String label, String hint,
        boolean required, List<String> choices) {
    public Question {
        choices = List.copyOf(choices);
    }

    /** The form field's name: "q12". */
    public String field() {
        return "q" + id;
    }

    /** The choices a person picks from: the organiser's, or Yes and No. */
    public List<String> options() {
        return kind == QuestionKind.YES_NO ? List.of("Yes", "No") : choices;
    }
}
