package app.cairn.registration;

import java.util.List;
import java.util.Map;

/**
 * What a person (or an organiser for them) gives to register: their details, answers to the
 * event's questions by question id (several for multiple choice), and their consent.
 */
public record RegistrationInput(
        String name,
        String email,
        String role,
        String organisation,
        String sector,
        String oneQuestion,
        String accessNeeds,
        Map<Long, List<String>> answers,
        boolean consent) {

    public RegistrationInput {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
