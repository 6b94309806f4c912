package app.cairn.registration;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question an organiser can add to an event's registration form. */
public enum QuestionKind {
    SHORT_TEXT("short_text", "Short answer", false),
    LONG_TEXT("long_text", "Long answer", false),
    SINGLE_CHOICE("single_choice", "Choose one", true),
    MULTIPLE_CHOICE("multiple_choice", "Choose any", true),
    YES_NO("yes_no", "Yes or no", false);

    private final String code;
    private final String label;
    private final boolean hasChoices;

    QuestionKind(String code, String label, boolean hasChoices) {
        this.code = code;
        this.label = label;
        this.hasChoices = hasChoices;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Whether the organiser writes the choices (single and multiple choice). */
    public boolean hasChoices() {
        return hasChoices;
    }

    public static Optional<QuestionKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
