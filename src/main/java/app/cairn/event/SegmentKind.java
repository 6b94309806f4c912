package app.cairn.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a segment of a conversation is for; the live run of show treats each kind its own way. */
public enum SegmentKind {
    WELCOME("Welcome and introductions"),
    PERSPECTIVE("Opening perspective"),
    BREAKOUT("Breakout discussions"),
    WHOLE_GROUP("Whole-group discussion"),
    REFLECTION("Closing reflections"),
    EVALUATION("Thank you and evaluation"),
    CUSTOM("Something else");

    private final String label;

    SegmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name used in the API and the database, e.g. {@code whole_group}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SegmentKind> parse(String code) {
        if (code == null) return Optional.empty();
        String c = code.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.code().equals(c)).findFirst();
    }
}
