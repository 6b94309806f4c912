package app.cairn.registration;

import app.cairn.common.Invalid;
import app.cairn.registration.RegistrationService.QuestionInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a question an organiser writes for an event's registration form. */
final class QuestionRules {
    static final int MAX_QUESTIONS = 20;
    static final int MAX_LABEL = 300;
    static final int MAX_HINT = 500;
    static final int MAX_CHOICES = 30;
    static final int MAX_CHOICE = 200;

    /** A question that passed. */
    record Checked(QuestionKind kind, String label, String hint, boolean required, List<String> choices) {}

    private QuestionRules() {}

    static Checked check(QuestionInput in) {
        Map<String, String> errors = new LinkedHashMap<>();
        QuestionKind kind = QuestionKind.ofCode(in.kind() == null ? "" : in.kind().strip()).orElse(null);
        if (kind == null) errors.put("kind", "Choose the kind of question");
        String label = RegistrationRules.oneLine(in.label());
        if (label.isEmpty()) errors.put("label", "Enter the question");
        else if (RegistrationRules.length(label) > MAX_LABEL) errors.put("label", "The question must be " + MAX_LABEL + " characters or fewer");
        String hint = RegistrationRules.oneLine(in.hint());
        if (RegistrationRules.length(hint) > MAX_HINT) errors.put("hint", "The hint must be " + MAX_HINT + " characters or fewer");
        List<String> choices = new ArrayList<>();
        if (in.choices() != null) {
            for (String c : in.choices()) {
                String one = RegistrationRules.oneLine(c);
                if (!one.isEmpty() && choices.stream().noneMatch(one::equalsIgnoreCase)) choices.add(one);
            }
        }
        if (kind != null && kind.hasChoices()) {
            if (choices.size() < 2) errors.put("choices", "Enter at least 2 choices, one on each line");
            else if (choices.size() > MAX_CHOICES) errors.put("choices", "Enter " + MAX_CHOICES + " choices or fewer");
            else if (choices.stream().anyMatch(c -> RegistrationRules.length(c) > MAX_CHOICE)) {
                errors.put("choices", "Each choice must be " + MAX_CHOICE + " characters or fewer");
            }
        } else {
            choices = List.of();
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        return new Checked(kind, label, hint, in.required(), choices);
    }
}
