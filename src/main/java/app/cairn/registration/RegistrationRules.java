package app.cairn.registration;

import app.cairn.common.Invalid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a registration before anything is saved, with a message per field that says what to
 * fix. The same rules serve the form, the API, organisers adding people by hand and imports.
 */
final class RegistrationRules {
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    static final int MAX_ROLE = 200;
    static final int MAX_ORGANISATION = 200;
    static final int MAX_ONE_QUESTION = 1000;
    static final int MAX_ACCESS = 1000;
    static final int MAX_SHORT = 300;
    static final int MAX_LONG = 2000;
    static final String ONE_QUESTION = "If this event could answer one question, what would it be?";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"(),;:\\\\\\[\\]]{1,64}@[^@\\s<>\"(),;:\\\\\\[\\]]+\\.[^@\\s.<>\"(),;:\\\\\\[\\]]{2,}$");

    /** How strict to be: people registering themselves are asked for more than an organiser adding them. */
    enum Strictness { PERSON, ORGANISER }

    /** A registration that passed: every value trimmed, answers as they will be kept. */
    record Checked(String name, String email, String emailKey, String role, String organisation, String sector,
            String oneQuestion, String accessNeeds, Map<Long, String> answers) {}

    private RegistrationRules() {}

    static Checked check(RegistrationInput in, List<Question> questions, Strictness strictness, String knownSector,
            String communityName) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean person = strictness == Strictness.PERSON;
        String name = oneLine(in.name());
        if (name.isEmpty()) errors.put("name", person ? "Enter your name" : "Enter the person's name");
        else if (length(name) > MAX_NAME) errors.put("name", "Name must be " + MAX_NAME + " characters or fewer");

        String email = strip(in.email());
        if (email.isEmpty()) errors.put("email", person ? "Enter your email address" : "Enter the person's email address");
        else if (length(email) > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.put("email", "Enter an email address in the correct format, like name@example.org");
        }

        String role = oneLine(in.role());
        if (role.isEmpty() && person) errors.put("role", "Enter your role, like Staff Nurse or Team Leader");
        else if (length(role) > MAX_ROLE) errors.put("role", "Role must be " + MAX_ROLE + " characters or fewer");

        String organisation = oneLine(in.organisation());
        if (organisation.isEmpty() && person) errors.put("organisation", "Enter the organisation you work for");
        else if (length(organisation) > MAX_ORGANISATION) {
            errors.put("organisation", "Organisation must be " + MAX_ORGANISATION + " characters or fewer");
        }

        String sector = strip(in.sector());
        if (!sector.isEmpty() && Sector.ofCode(sector).isEmpty()) {
            sector = Sector.read(sector).map(Sector::code).orElse(sector);
        }
        if (!sector.isEmpty() && Sector.ofCode(sector).isEmpty()) {
            errors.put("sector", "Choose health care, social care, both or other");
        } else if (sector.isEmpty() && knownSector != null && !knownSector.isEmpty()) {
            sector = knownSector;
        } else if (sector.isEmpty() && person) {
            errors.put("sector", "Choose the sector you work in");
        }

        String oneQuestion = strip(in.oneQuestion());
        if (length(oneQuestion) > MAX_ONE_QUESTION) {
            errors.put("oneQuestion", "Your question must be " + MAX_ONE_QUESTION + " characters or fewer");
        }
        String access = strip(in.accessNeeds());
        if (length(access) > MAX_ACCESS) errors.put("accessNeeds", "Access needs must be " + MAX_ACCESS + " characters or fewer");

        Map<Long, String> answers = new LinkedHashMap<>();
        for (Question q : questions) {
            List<String> given = new ArrayList<>();
            for (String v : in.answers().getOrDefault(q.id(), List.of())) {
                if (v != null && !v.isBlank()) given.add(v.strip());
            }
            String field = q.field();
            if (given.isEmpty()) {
                if (q.required() && person) errors.put(field, answerMessage(q));
                continue;
            }
            switch (q.kind()) {
                case SHORT_TEXT, LONG_TEXT -> {
                    String text = String.join("\n", given);
                    int max = q.kind() == QuestionKind.SHORT_TEXT ? MAX_SHORT : MAX_LONG;
                    if (q.kind() == QuestionKind.SHORT_TEXT) text = oneLine(text);
                    if (length(text) > max) errors.put(field, "Your answer to ‘" + q.label() + "’ must be " + max + " characters or fewer");
                    else answers.put(q.id(), text);
                }
                case SINGLE_CHOICE, YES_NO -> {
                    String choice = given.get(0);
                    String known = optionFor(q, choice);
                    if (given.size() > 1 || known == null) errors.put(field, "Choose one answer to ‘" + q.label() + "’ from the list");
                    else answers.put(q.id(), known);
                }
                case MULTIPLE_CHOICE -> {
                    List<String> picked = new ArrayList<>();
                    for (String g : given) {
                        String known = optionFor(q, g);
                        if (known == null) {
                            errors.put(field, "Choose answers to ‘" + q.label() + "’ from the list");
                            break;
                        }
                        if (!picked.contains(known)) picked.add(known);
                    }
                    if (!errors.containsKey(field)) answers.put(q.id(), String.join("\n", picked));
                }
            }
        }
        if (person && !in.consent()) {
            errors.put("consent", "Tick the box to say you agree to how " + communityName + " will use your details");
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        return new Checked(name, email, email.toLowerCase(Locale.ROOT), role, organisation, sector, oneQuestion, access,
                answers);
    }

    static String answerMessage(Question q) {
        return switch (q.kind()) {
            case SINGLE_CHOICE, YES_NO -> "Choose an answer to ‘" + q.label() + "’";
            case MULTIPLE_CHOICE -> "Choose at least one answer to ‘" + q.label() + "’";
            default -> "Answer ‘" + q.label() + "’";
        };
    }

    /** The option as the organiser wrote it, matched without regard to case; null when it is not one. */
    private static String optionFor(Question q, String given) {
        for (String o : q.options()) if (o.equalsIgnoreCase(given)) return o;
        return null;
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    static String oneLine(String s) {
        return strip(s).replaceAll("[\\s\\p{Cc}\\p{Z}]+", " ");
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
