package app.cairn.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ways a poll can be answered. Choice polls and ratings have options; the others take free text. */
public enum PollKind {
    SINGLE_CHOICE("Choose one"),
    MULTIPLE_CHOICE("Choose any"),
    RATING("Score on a scale"),
    WORD_CLOUD("Word cloud"),
    OPEN_TEXT("Open answer");

    private final String label;

    PollKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether people choose from options (for a rating, the points of its scale). */
    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == RATING;
    }

    public static Optional<PollKind> parse(String code) {
        if (code == null) return Optional.empty();
        String c = code.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.code().equals(c)).findFirst();
    }
}
