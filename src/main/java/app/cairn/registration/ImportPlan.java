package app.cairn.registration;

import app.cairn.common.Invalid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an import will do, worked out before anything is saved: each row becomes a person to
 * add or update, a duplicate merged into an earlier row with the same email, a cancelled row
 * skipped, or a bad row with the reason. The same plan is shown as the preview and then saved.
 */
public record ImportPlan(List<Person> people, List<Merged> merged, List<Skipped> skipped, List<Bad> bad) {

    /** Someone who will be registered (or whose registration will be updated). */
    public record Person(int row, RegistrationInput input, boolean update) {}

    /** A row merged into an earlier row with the same email. */
    public record Merged(int row, int into, String email) {}

    /** A row left out because the sheet marks it cancelled. */
    public record Skipped(int row, String name, String status) {}

    /** A row that cannot go in, and why. */
    public record Bad(int row, String reason) {}

    public int adding() {
        return (int) people.stream().filter(p -> !p.update()).count();
    }

    public int updating() {
        return (int) people.stream().filter(Person::update).count();
    }

    /**
     * Plans an import. {@code mapping} gives each column's field code; {@code registered} holds the
     * lower-cased emails already registered (not cancelled) for the event.
     */
    static ImportPlan of(Sheet sheet, List<String> mapping, List<Question> questions, Set<String> registered,
            String communityName) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < mapping.size() && i < sheet.headers().size(); i++) {
            if (!mapping.get(i).isEmpty()) column.putIfAbsent(mapping.get(i), i);
        }
        Map<Long, Question> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        Map<String, Person> byEmail = new LinkedHashMap<>();
        List<Merged> merged = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Bad> bad = new ArrayList<>();
        for (int i = 0; i < sheet.rows().size(); i++) {
            List<String> cells = sheet.rows().get(i);
            int rowNumber = sheet.rowNumber(i);
            if (cells.stream().allMatch(String::isBlank)) continue;
            String name = get(cells, column, "name");
            if (name.isEmpty()) name = (get(cells, column, "first_name") + " " + get(cells, column, "last_name")).strip();
            String status = get(cells, column, "status");
            if (cancelled(status)) {
                skipped.add(new Skipped(rowNumber, name, status));
                continue;
            }
            Map<Long, List<String>> answers = new HashMap<>();
            for (var e : column.entrySet()) {
                if (!e.getKey().matches("q\\d{1,18}")) continue;
                Question q = byId.get(Long.parseLong(e.getKey().substring(1)));
                if (q == null) continue;
                String v = cells.get(e.getValue());
                answers.put(q.id(), q.kind() == QuestionKind.MULTIPLE_CHOICE ? List.of(v.split("\\s*[;\\n]\\s*")) : List.of(v));
            }
            RegistrationInput input = new RegistrationInput(name, get(cells, column, "email"), get(cells, column, "role"),
                    get(cells, column, "organisation"), get(cells, column, "sector"), get(cells, column, "one_question"),
                    get(cells, column, "access_needs"), answers, false);
            try {
                RegistrationRules.check(input, questions, RegistrationRules.Strictness.ORGANISER, "", communityName);
            } catch (Invalid e) {
                bad.add(new Bad(rowNumber, String.join("; ", e.fields().values())));
                continue;
            }
            String key = input.email().strip().toLowerCase(Locale.ROOT);
            Person earlier = byEmail.get(key);
            if (earlier != null) {
                merged.add(new Merged(rowNumber, earlier.row(), input.email().strip()));
                byEmail.put(key, new Person(earlier.row(), fill(earlier.input(), input), earlier.update()));
            } else {
                byEmail.put(key, new Person(rowNumber, input, registered.contains(key)));
            }
        }
        return new ImportPlan(new ArrayList<>(byEmail.values()), merged, skipped, bad);
    }

    /** A later row with the same email: its non-blank values win, since it is the newer answer. */
    private static RegistrationInput fill(RegistrationInput a, RegistrationInput b) {
        Map<Long, List<String>> answers = new HashMap<>(a.answers());
        b.answers().forEach((k, v) -> {
            if (v.stream().anyMatch(s -> !s.isBlank())) answers.put(k, v);
        });
        return new RegistrationInput(pick(a.name(), b.name()), a.email(), pick(a.role(), b.role()),
                pick(a.organisation(), b.organisation()), pick(a.sector(), b.sector()), pick(a.oneQuestion(), b.oneQuestion()),
                pick(a.accessNeeds(), b.accessNeeds()), answers, false);
    }

    private static String pick(String earlier, String later) {
        return later == null || later.isBlank() ? earlier : later;
    }

    /** Eventbrite's "Cancelled", "Refunded", "Not attending", Forms' "Declined" and the like. */
    static boolean cancelled(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        return s.contains("cancel") || s.contains("refund") || s.contains("not attending") || s.contains("declin")
                || s.contains("deleted") || s.contains("withdrawn") || s.equals("no");
    }

    private static String get(List<String> cells, Map<String, Integer> column, String field) {
        Integer i = column.get(field);
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }
}
