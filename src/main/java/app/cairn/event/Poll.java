package app.cairn.event;

import java.util.List;

/** A question put to everyone during a segment; {@code id} is 0 until it is saved. */
public record Poll(long id, String question, PollKind kind, List<String> options) {
    public Poll {
        options = List.copyOf(options);
    }

    Poll withId(long newId) {
        return new Poll(newId, question, kind, options);
    }
}
