package app.cairn.transfer;

import app.cairn.live.Contribution.PollKind;
import app.cairn.registration.Sheet;
import app.cairn.transfer.Parsed.Option;
import app.cairn.transfer.Parsed.PollResult;
import app.cairn.transfer.Parsed.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Slido and Mentimeter result exports (already read as a {@link Sheet}): polls and word
 * clouds as one row per option or word with its votes (the question on its first row or every
 * row), open answers as one row each, and Q&A as one row per question with its likes. Cells are
 * text: a formula stays its text and is never calculated.
 */
final class PollResults {
    private static final List<String> QUESTION = List.of("poll question", "question", "poll", "poll title", "slide title",
            "slide", "title");
    private static final List<String> OPTION = List.of("option", "options", "answer", "answer option", "response",
            "word", "choice", "value");
    private static final List<String> VOTES = List.of("votes", "vote count", "number of votes", "count", "responses",
            "total", "percentage of votes");
    private static final List<String> TYPE = List.of("type", "poll type", "question type", "slide type");
    private static final List<String> LIKES = List.of("likes", "upvotes", "votes up", "score");
    private static final List<String> AUTHOR = List.of("author", "asked by", "name", "participant name", "participant");
    private static final List<String> ANSWERED = List.of("answered", "status", "is answered");
    static final int MAX_VOTES = 10_000;

    private PollResults() {}

    /** True when the sheet's headers are those of poll or Q&A results rather than of people. */
    static boolean looksLike(Sheet sheet) {
        Map<String, Integer> h = headers(sheet);
        return find(h, QUESTION) >= 0 && (find(h, OPTION) >= 0 || find(h, LIKES) >= 0);
    }

    static Parsed.Results read(Sheet sheet) {
        Map<String, Integer> h = headers(sheet);
        Format format = h.keySet().stream().anyMatch(k -> k.startsWith("slide")) ? Format.MENTIMETER : Format.SLIDO;
        int question = find(h, QUESTION);
        int option = find(h, OPTION);
        if (option < 0) return new Parsed.Results(format, List.of(), questions(sheet, h, question));
        int votes = find(h, VOTES);
        int type = find(h, TYPE);
        Map<String, Draft> polls = new LinkedHashMap<>();
        Draft current = null;
        for (int i = 0; i < sheet.rows().size(); i++) {
            List<String> r = sheet.rows().get(i);
            int row = sheet.rowNumber(i);
            if (r.stream().allMatch(String::isBlank)) continue;
            String q = r.get(question);
            if (!q.isBlank()) current = polls.computeIfAbsent(q, k -> new Draft(row, k));
            if (current == null) {
                throw new TransferProblem("Row " + row + ": an answer comes before any question. Check the first rows "
                        + "of the sheet name the poll's question.");
            }
            if (type >= 0 && !r.get(type).isBlank()) current.type = r.get(type);
            String text = r.get(option);
            if (text.isBlank()) continue;
            int n = votes < 0 || r.get(votes).isBlank() ? 1 : count(r.get(votes), row);
            current.options.merge(text, n, Integer::sum);
        }
        List<PollResult> out = new ArrayList<>();
        for (Draft d : polls.values()) {
            if (d.options.isEmpty()) continue;
            List<Option> options = new ArrayList<>();
            d.options.forEach((k, v) -> options.add(new Option(k, v)));
            out.add(new PollResult(d.row, d.question, kind(d.type, d.options.keySet()), options));
        }
        if (out.isEmpty()) throw new TransferProblem("The results have questions but no answers or votes under them.");
        return new Parsed.Results(format, out, List.of());
    }

    private static List<Question> questions(Sheet sheet, Map<String, Integer> h, int question) {
        int likes = find(h, LIKES);
        int author = find(h, AUTHOR);
        int answered = find(h, ANSWERED);
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < sheet.rows().size(); i++) {
            List<String> r = sheet.rows().get(i);
            String text = r.get(question);
            if (text.isBlank()) continue;
            int row = sheet.rowNumber(i);
            String status = answered < 0 ? "" : r.get(answered).toLowerCase(Locale.ROOT);
            boolean done = status.equals("yes") || status.equals("true") || status.startsWith("answered");
            out.add(new Question(row, text, author < 0 ? "" : r.get(author), likes < 0 ? 0 : count(r.get(likes), row), done));
        }
        if (out.isEmpty()) throw new TransferProblem("The Q&A export has no questions in it.");
        return out;
    }

    private static int count(String s, int row) {
        String t = s.strip().replace(",", "");
        if (t.isEmpty()) return 0;
        if (t.endsWith("%")) {
            throw new TransferProblem("Row " + row + ": the votes are a percentage (" + ZoomChat.shorten(s) + "). Export the "
                    + "results with the number of votes instead.");
        }
        try {
            double d = Double.parseDouble(t);
            if (d < 0 || d > MAX_VOTES || d != Math.floor(d)) throw new NumberFormatException();
            return (int) d;
        } catch (NumberFormatException e) {
            throw new TransferProblem("Row " + row + ": \"" + ZoomChat.shorten(s) + "\" is not a number of votes.");
        }
    }

    private static PollKind kind(String type, java.util.Set<String> options) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.contains("word")) return PollKind.word_cloud;
        if (t.contains("open") || t.contains("text")) return PollKind.open_text;
        if (t.contains("rating") || t.contains("scale") || t.contains("score")) return PollKind.rating;
        if (t.contains("multiple")) return PollKind.multiple_choice;
        if (t.isBlank() && !options.isEmpty() && options.stream().allMatch(o -> o.matches("[1-5]"))) return PollKind.rating;
        return PollKind.single_choice;
    }

    private static Map<String, Integer> headers(Sheet sheet) {
        Map<String, Integer> h = new LinkedHashMap<>();
        for (int i = 0; i < sheet.headers().size(); i++) {
            h.putIfAbsent(sheet.headers().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return h;
    }

    private static int find(Map<String, Integer> h, List<String> names) {
        for (String n : names) if (h.containsKey(n)) return h.get(n);
        return -1;
    }

    private static final class Draft {
        final int row;
        final String question;
        final Map<String, Integer> options = new LinkedHashMap<>();
        String type;

        Draft(int row, String question) {
            this.row = row;
            this.question = question;
        }
    }
}
