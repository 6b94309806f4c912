package app.cairn.feedback;

import java.time.Instant;
import java.util.List;

/** An event's feedback form: whether answers are anonymous, whether it takes answers, and the organiser's own questions. */
public record FeedbackForm(long eventId, boolean anonymous, State state, Instant openedAt, Instant closedAt,
        Instant linksSentAt, List<FeedbackQuestion> questions) {

    /** The standard questions every form asks, in this order. */
    public static final String RECOMMEND = "Would you recommend an event like this to a colleague?";
    public static final String SCORE = "How would you rate the event overall?";
    public static final String VALUED = "What did you value about the event?";
    public static final String BETTER = "What could be better?";

    public FeedbackForm {
        questions = List.copyOf(questions);
    }

    /** Where a form stands: drafted, taking answers, or closed (answers kept, no more changes). */
    public enum State {
        draft,
        open,
        closed
    }

    public boolean open() {
        return state == State.open;
    }

    /** A form nobody has set up yet: anonymous, not open, no questions of its own. */
    public static FeedbackForm blank(long eventId) {
        return new FeedbackForm(eventId, true, State.draft, null, null, null, List.of());
    }
}
