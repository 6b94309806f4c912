package app.cairn.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guesses what each column of an imported sheet holds from its header: an Eventbrite attendee
 * export ("First Name", "Last Name", "Email", "Job Title", "Company", "Attendee Status"), a
 * Microsoft Forms or Google Forms export ("Timestamp", "Your name", "Email address", "Which
 * organisation do you work for?"), or any sheet with a header row. Each field goes to the column
 * that fits it best; the organiser confirms or changes the result before anything is saved.
 */
public final class ColumnMatcher {
    /** What a column can hold. Columns for an event's own questions are "q" and the question's id. */
    public enum Field {
        IGNORE("", "Do not import"),
        NAME("name", "Full name"),
        FIRST_NAME("first_name", "First name"),
        LAST_NAME("last_name", "Last name"),
        EMAIL("email", "Email address"),
        ROLE("role", "Role or job title"),
        ORGANISATION("organisation", "Organisation"),
        SECTOR("sector", "Sector"),
        STATUS("status", "Status (cancelled rows are skipped)"),
        ONE_QUESTION("one_question", "The one question they would ask"),
        ACCESS_NEEDS("access_needs", "Access needs");

        private final String code;
        private final String label;

        Field(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Optional<Field> ofCode(String code) {
            return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
        }
    }

    private record Guess(String code, int score) {}

    private ColumnMatcher() {}

    /** One code per column: a {@link Field} code, "q" + a question id, or "" to leave the column out. */
    public static List<String> match(List<String> headers, List<Question> questions) {
        boolean msForms = headers.stream().map(ColumnMatcher::norm).anyMatch(h -> h.equals("completion time"))
                && headers.stream().map(ColumnMatcher::norm).anyMatch(h -> h.equals("start time"));
        List<Guess> guesses = new ArrayList<>();
        for (String header : headers) guesses.add(guess(norm(header), questions, msForms));
        // Each field once: the best-scoring column keeps it (the leftmost on a tie); the others are left out.
        List<String> out = new ArrayList<>();
        for (int i = 0; i < guesses.size(); i++) {
            Guess g = guesses.get(i);
            boolean best = !g.code().isEmpty();
            for (int j = 0; j < guesses.size() && best; j++) {
                if (j == i || !guesses.get(j).code().equals(g.code())) continue;
                Guess other = guesses.get(j);
                if (other.score() > g.score() || (other.score() == g.score() && j < i)) best = false;
            }
            out.add(best ? g.code() : "");
        }
        // A full name wins over first and last names only when both halves are missing.
        if (out.contains("name") && out.contains("first_name") && out.contains("last_name")) {
            out.set(out.indexOf("name"), "");
        }
        return out;
    }

    private static Guess guess(String h, List<Question> questions, boolean msForms) {
        if (h.isEmpty()) return new Guess("", 0);
        for (Question q : questions) {
            String label = norm(q.label());
            if (!label.isEmpty() && (h.equals(label) || (label.length() > 12 && h.contains(label)))) {
                return new Guess(q.field(), 5);
            }
        }
        if (h.contains("one question") || (h.contains("answer") && h.contains("question") && h.contains("event"))) {
            return new Guess(Field.ONE_QUESTION.code(), 4);
        }
        if (h.contains("email") || h.contains("e mail")) {
            // Microsoft Forms puts the respondent's account (often "anonymous") in "Email"; a question asking for it wins.
            int score = msForms && h.equals("email") ? 1 : h.equals("email") || h.equals("email address") ? 3 : 2;
            if (h.contains("confirm") || h.contains("manager") || h.contains("line manager")) return new Guess("", 0);
            return new Guess(Field.EMAIL.code(), score);
        }
        if (has(h, "first name", "firstname", "given name", "forename", "forenames")) {
            return new Guess(Field.FIRST_NAME.code(), 3);
        }
        if (has(h, "last name", "lastname", "surname", "family name", "second name")) {
            return new Guess(Field.LAST_NAME.code(), 3);
        }
        if (has(h, "organisation", "organization", "company", "employer", "workplace", "organisation name", "org",
                "agency", "health board", "service you work", "where do you work", "place of work")) {
            return new Guess(Field.ORGANISATION.code(), h.startsWith("organi") || h.equals("company") ? 3 : 2);
        }
        if (has(h, "sector")) return new Guess(Field.SECTOR.code(), 3);
        if (has(h, "job title", "role", "position", "job", "designation", "occupation", "profession", "your title")
                || h.equals("title")) {
            return new Guess(Field.ROLE.code(), h.equals("job title") || h.equals("role") ? 3 : 2);
        }
        if (has(h, "access", "accessibility", "adjustment", "adjustments", "additional needs", "support needs",
                "requirements")) {
            return new Guess(Field.ACCESS_NEEDS.code(), 2);
        }
        if (has(h, "attendee status", "status", "attending", "registration status", "booking status")) {
            return new Guess(Field.STATUS.code(), h.equals("attendee status") ? 3 : 2);
        }
        if (has(h, "name", "full name", "your name", "attendee name", "participant name", "attendee")) {
            if (has(h, "user name", "username", "event name", "ticket")) return new Guess("", 0);
            int score = h.equals("full name") || h.equals("your name") || h.equals("your full name") ? 3
                    : msForms && h.equals("name") ? 1 : 2;
            return new Guess(Field.NAME.code(), score);
        }
        return new Guess("", 0);
    }

    /** Whether the header is, or contains as whole words, one of the phrases. */
    private static boolean has(String h, String... phrases) {
        String padded = " " + h + " ";
        for (String p : phrases) if (padded.contains(" " + p + " ")) return true;
        return false;
    }

    static String norm(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replace("e-mail", "email")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
