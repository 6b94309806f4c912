package app.cairn.transfer;

import app.cairn.feedback.FeedbackQuestion;
import app.cairn.feedback.FeedbackService;
import app.cairn.registration.QuestionKind;
import app.cairn.registration.Sheet;
import app.cairn.transfer.ImportPlan.NewQuestion;
import app.cairn.transfer.ImportPlan.Response;
import app.cairn.transfer.ImportPlan.Skipped;
import app.cairn.transfer.Parsed.Column;
import app.cairn.transfer.Parsed.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rows of feedback sheets into the responses they would add to an event's feedback form,
 * before anything is saved. Each row is one person's answers: matched to a registration by email,
 * then by name, or else kept under a key made from the file's hash and the row. Answers that do not
 * fit (a score that is not 1 to 5, a recommend answer that is neither yes nor no) are left blank and
 * listed with the row and why; the rest of the row is kept. Every other question column becomes one
 * of the organiser's own questions (the form's question with the same label when it has one).
 */
final class FeedbackRows {
    static final int MAX_CHOICES = 6;
    static final int MAX_MULTIPLE_CHOICES = 10;
    static final int MAX_CHOICE_LENGTH = 80;
    static final int MAX_LABEL = 300;

    /** What the event's form has already. */
    record Form(boolean anonymous, List<FeedbackQuestion> questions, Set<String> respondents) {
        static final Form NONE = new Form(true, List.of(), Set.of());

        Form {
            questions = List.copyOf(questions);
            respondents = Set.copyOf(respondents);
        }
    }

    private final Form form;
    private final BiFunction<String, String, Planner.Registrant> match;
    private final List<Skipped> skipped;
    private final Map<String, Response> responses = new LinkedHashMap<>();
    private final Map<String, NewQuestion> added = new LinkedHashMap<>();
    private final Set<String> reused = new LinkedHashSet<>();

    FeedbackRows(Form form, BiFunction<String, String, Planner.Registrant> match, List<Skipped> skipped) {
        this.form = form;
        this.match = match;
        this.skipped = skipped;
    }

    ImportPlan.Feedback finish() {
        return new ImportPlan.Feedback(new ArrayList<>(responses.values()), new ArrayList<>(added.values()),
                new ArrayList<>(reused));
    }

    /** Where a column's answers go: a question's label, its kind and its choices. */
    private record Target(String label, QuestionKind kind, List<String> options) {}

    void add(String file, String sha256, Parsed.Feedback sheet) {
        Sheet s = sheet.sheet();
        Map<Column, Target> targets = new LinkedHashMap<>();
        for (Column c : sheet.of(Role.QUESTION)) {
            Target t = target(file, s, c);
            if (t != null) targets.put(c, t);
        }
        Column recommend = first(sheet, Role.RECOMMEND);
        Column score = first(sheet, Role.SCORE);
        Column valued = first(sheet, Role.VALUED);
        Column better = first(sheet, Role.BETTER);
        String prefix = "import:" + (sha256.length() > 12 ? sha256.substring(0, 12) : sha256) + ":";
        for (int i = 0; i < s.rows().size(); i++) {
            List<String> cells = s.rows().get(i);
            int row = s.rowNumber(i);
            String where = "row " + row;
            boolean answered = sheet.columns().stream()
                    .anyMatch(c -> (c.role().standard() || targets.containsKey(c)) && !cell(cells, c).isEmpty());
            if (!answered) {
                if (cells.stream().anyMatch(x -> !x.isBlank())) skipped.add(new Skipped(file, where, "No answers to bring in on this row."));
                continue;
            }
            String name = String.join(" ", sheet.of(Role.NAME).stream().map(c -> cell(cells, c)).filter(x -> !x.isEmpty())
                    .toList());
            if (name.equalsIgnoreCase("anonymous")) name = "";
            String email = sheet.of(Role.EMAIL).stream().map(c -> cell(cells, c)).filter(x -> x.contains("@")).findFirst()
                    .orElse(null);
            Planner.Registrant r = name.isEmpty() && email == null ? null : match.apply(name, email);
            String key = r != null ? "registration:" + r.id() : prefix + row;
            String who = r != null ? r.name() : Names.display(name);
            if (form.respondents().contains(key)) {
                skipped.add(new Skipped(file, where, r != null ? who + " already answered the form; those answers are kept."
                        : "Brought in before."));
                continue;
            }
            Response before = responses.remove(key);
            if (before != null) {
                skipped.add(new Skipped(before.file(), before.where(), who + " answered again (" + file + ", " + where
                        + "): the later answers are kept."));
            }
            Boolean rec = recommend == null ? null : recommend(file, where, cell(cells, recommend));
            Integer sc = score == null ? null : score(file, where, cell(cells, score));
            String v = valued == null ? "" : text(file, where, valued, cell(cells, valued));
            String b = better == null ? "" : text(file, where, better, cell(cells, better));
            Map<String, String> answers = new LinkedHashMap<>();
            targets.forEach((c, t) -> {
                String a = answer(file, where, c, t, cell(cells, c));
                if (a != null && !a.isEmpty()) answers.put(t.label(), a);
            });
            String kept = form.anonymous() || who.isBlank() ? null : who;
            responses.put(key, new Response(key, file, where, r == null ? null : r.id(), r == null ? null : r.name(), kept,
                    rec, sc, v, b, answers));
        }
    }

    private static Column first(Parsed.Feedback sheet, Role role) {
        List<Column> cs = sheet.of(role);
        return cs.isEmpty() ? null : cs.get(0);
    }

    private static String cell(List<String> cells, Column c) {
        return c.index() < cells.size() && cells.get(c.index()) != null ? cells.get(c.index()).strip() : "";
    }

    // ---- the organiser's own questions

    private Target target(String file, Sheet s, Column c) {
        String label = c.header().strip();
        if (label.length() > MAX_LABEL) label = label.substring(0, MAX_LABEL).strip();
        String where = "column \"" + ZoomChat.shorten(c.header()) + "\"";
        List<String> values = new ArrayList<>();
        for (List<String> row : s.rows()) {
            String v = cell(row, c);
            if (!v.isEmpty()) values.add(v);
        }
        if (values.isEmpty()) {
            skipped.add(new Skipped(file, where, "Nobody answered this question, so it is not added to the form."));
            return null;
        }
        String k = FeedbackSheet.normal(label);
        for (FeedbackQuestion q : form.questions()) {
            if (FeedbackSheet.normal(q.label()).equals(k)) {
                reused.add(q.label());
                return new Target(q.label(), q.kind(), q.options());
            }
        }
        for (NewQuestion q : added.values()) {
            if (FeedbackSheet.normal(q.label()).equals(k)) return target(q);
        }
        int room = FeedbackService.MAX_QUESTIONS - form.questions().size() - added.size();
        if (room <= 0) {
            skipped.add(new Skipped(file, where, "The form would have more than " + FeedbackService.MAX_QUESTIONS
                    + " questions of its own, the most a form can have, so this column's answers are not brought in. "
                    + "Remove a question on the feedback page, or delete the column, and bring the file in again."));
            return null;
        }
        NewQuestion q = kind(label, values, file, c.header());
        added.put(k, q);
        return target(q);
    }

    private static Target target(NewQuestion q) {
        return new Target(q.label(), q.kind(), q.kind() == QuestionKind.YES_NO ? List.of("Yes", "No") : q.choices());
    }

    /**
     * The kind of question a column's answers show: yes or no when every answer is one; choose
     * any when answers are lists ending in ";" (as Microsoft Forms writes them) of up to 10 short
     * choices; choose one when 2 to 6 short answers repeat; otherwise a short or long answer.
     */
    static NewQuestion kind(String label, List<String> values, String file, String column) {
        if (values.stream().allMatch(v -> v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("no"))) {
            return new NewQuestion(label, QuestionKind.YES_NO, List.of(), file, column);
        }
        if (values.stream().anyMatch(v -> v.endsWith(";"))) {
            List<String> parts = distinct(values.stream().flatMap(v -> split(v).stream()).toList());
            if (parts.size() >= 2 && parts.size() <= MAX_MULTIPLE_CHOICES
                    && parts.stream().allMatch(p -> p.length() <= MAX_CHOICE_LENGTH)) {
                return new NewQuestion(label, QuestionKind.MULTIPLE_CHOICE, parts, file, column);
            }
        }
        List<String> distinct = distinct(values);
        if (distinct.size() >= 2 && distinct.size() <= MAX_CHOICES && values.size() > distinct.size()
                && distinct.stream().allMatch(v -> v.length() <= MAX_CHOICE_LENGTH)) {
            return new NewQuestion(label, QuestionKind.SINGLE_CHOICE, distinct, file, column);
        }
        boolean longer = values.stream().anyMatch(v -> v.length() > MAX_CHOICE_LENGTH || v.contains("\n"));
        return new NewQuestion(label, longer ? QuestionKind.LONG_TEXT : QuestionKind.SHORT_TEXT, List.of(), file, column);
    }

    private static List<String> split(String v) {
        List<String> out = new ArrayList<>();
        for (String p : v.split(";")) if (!p.isBlank()) out.add(p.strip());
        return out;
    }

    /** Values in the order first seen, each once whatever its case. */
    private static List<String> distinct(List<String> values) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String v : values) seen.putIfAbsent(v.toLowerCase(Locale.ROOT), v);
        return new ArrayList<>(seen.values());
    }

    /** One answer to one of the organiser's questions as it would be saved, or null when it does not fit. */
    private String answer(String file, String where, Column c, Target t, String value) {
        if (value.isEmpty()) return null;
        if (t.options().isEmpty()) return text(file, where, c, value);
        List<String> picked = t.kind() == QuestionKind.MULTIPLE_CHOICE ? split(value) : List.of(value);
        List<String> out = new ArrayList<>();
        for (String p : picked) {
            String option = t.options().stream().filter(o -> o.equalsIgnoreCase(p.strip())).findFirst().orElse(null);
            if (option == null) {
                skipped.add(new Skipped(file, where, "\"" + ZoomChat.shorten(p) + "\" is not one of the choices of \""
                        + ZoomChat.shorten(t.label()) + "\", so that answer is left out."));
                return null;
            }
            if (!out.contains(option)) out.add(option);
        }
        return String.join("; ", out);
    }

    private String text(String file, String where, Column c, String value) {
        if (value.codePointCount(0, value.length()) > FeedbackService.MAX_TEXT) {
            skipped.add(new Skipped(file, where, "The answer to \"" + ZoomChat.shorten(c.header()) + "\" is longer than "
                    + FeedbackService.MAX_TEXT + " characters, so it is left out."));
            return "";
        }
        return value;
    }

    // ---- the standard questions

    private Boolean recommend(String file, String where, String value) {
        Recommend r = recommend(value);
        if (r == Recommend.UNSURE) {
            skipped.add(new Skipped(file, where, "\"" + ZoomChat.shorten(value) + "\" to the recommend question counts as "
                    + "not answered (Cairn asks yes or no)."));
        } else if (r == Recommend.UNKNOWN) {
            skipped.add(new Skipped(file, where, "\"" + ZoomChat.shorten(value) + "\" is neither yes nor no, so the "
                    + "recommend answer is left blank (the other answers are kept)."));
        }
        return r.answer;
    }

    private Integer score(String file, String where, String value) {
        if (value.isEmpty()) return null;
        Integer s = score(value);
        if (s == null) {
            skipped.add(new Skipped(file, where, "\"" + ZoomChat.shorten(value) + "\" is not a score from 1 to 5, so the "
                    + "score is left blank (the other answers are kept)."));
        }
        return s;
    }

    /** An answer to "Would you recommend…?": yes, no, blank, "not sure" (counted as blank) or something else. */
    enum Recommend {
        YES(true),
        NO(false),
        BLANK(null),
        UNSURE(null),
        UNKNOWN(null);

        final Boolean answer;

        Recommend(Boolean answer) {
            this.answer = answer;
        }
    }

    private static final Pattern UNSURE = Pattern.compile(
            "^(not sure|unsure|maybe|perhaps|possibly|undecided|don'?t know|do not know|no idea|n/?a)(\\W.*)?$|^-+$", Pattern.DOTALL);
    private static final Pattern NO = Pattern.compile(
            "^(no|n|nope|never|not|unlikely|definitely not|probably not|certainly not|absolutely not)(\\W.*)?$", Pattern.DOTALL);
    private static final Pattern YES = Pattern.compile(
            "^(yes|y|yeah|yep|definitely|absolutely|certainly|of course|probably|likely|very likely|sure|i would"
                    + "|i already have)(\\W.*)?$", Pattern.DOTALL);

    /**
     * "Yes", "yes definitely", "Definitely" and "Probably" are yes; "No", "Probably not" and
     * "Unlikely" are no; "Not sure", "Maybe" and "Don't know" count as not answered.
     */
    static Recommend recommend(String value) {
        String t = FeedbackSheet.normal(value).replaceAll("[.!]+$", "");
        if (t.isEmpty()) return Recommend.BLANK;
        if (UNSURE.matcher(t).matches()) return Recommend.UNSURE;
        if (NO.matcher(t).matches()) return Recommend.NO;
        if (YES.matcher(t).matches()) return Recommend.YES;
        return Recommend.UNKNOWN;
    }

    private static final Pattern NUMBER = Pattern.compile(
            "^(\\d{1,3})(?:[.,]0+)?\\s*(?:(?:/|out of|of)\\s*(\\d{1,3}))?\\s*(?:stars?)?\\s*(?:[-–—:=(]\\s*.*)?$", Pattern.DOTALL);
    private static final Pattern STARS = Pattern.compile("^[★☆⭐✩✰*\\s]+$");

    /**
     * A score from 1 to 5 as forms write it: "4", "4 - Good", "4 (Good)", "4/5", "4 out of 5",
     * "4 stars" or stars (★★★★☆); null for anything else ("great", "4.5", "8/10", 0 or 6).
     */
    static Integer score(String value) {
        String t = FeedbackSheet.normal(value);
        if (t.isEmpty()) return null;
        if (STARS.matcher(t).matches()) {
            int n = (int) t.codePoints().filter(c -> c == '★' || c == '⭐' || c == '*').count();
            return n >= 1 && n <= 5 ? n : null;
        }
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) return null;
        if (m.group(2) != null && !m.group(2).equals("5")) return null;
        int n = Integer.parseInt(m.group(1));
        return n >= 1 && n <= 5 ? n : null;
    }
}
