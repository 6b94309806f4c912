package app.cairn.transfer;

import app.cairn.registration.Sheet;
import app.cairn.transfer.Parsed.Column;
import app.cairn.transfer.Parsed.Role;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a sheet of evaluation answers (a Microsoft Forms or Google Forms export, or any sheet
 * with headers) by its column headers, and says what each column is. The rule: a sheet is feedback
 * when at least two of the four standard evaluation questions are among its headers (would you
 * recommend; a rating or score; what did you value; what could be better). One alone is not
 * enough, so a registration form that asks, say, what people value in their work stays a sheet of
 * people. The other columns are the form's own metadata (ID, times, email, name), which are never
 * questions, or the organiser's own questions.
 */
final class FeedbackSheet {
    private static final Set<String> METADATA = Set.of("id", "response id", "response number", "submission id",
            "respondent id", "start time", "completion time", "last modified time", "timestamp", "submitted",
            "submitted at", "submission date", "date submitted", "date", "time", "language", "total points",
            "quiz feedback", "ip address", "user agent", "network id", "#", "no", "no.", "row");
    private static final Pattern METADATA_PREFIX = Pattern.compile("^(points|feedback) [-–—] .*");
    private static final Pattern NAME = Pattern.compile(
            "^(your |respondent('s)? |participant('s)? )?(full |first |last |given |family )?name$|^respondent$|^surname$");
    private static final Pattern EMAIL = Pattern.compile("^(your )?(e-?mail|email address|e-mail address)( address)?$");
    private static final Pattern RECOMMEND = Pattern.compile("\\brecommend");
    private static final Pattern SCORE = Pattern.compile("\\b(rate|rating|score|scores)\\b|out of (5|five)\\b|\\bstars?\\b");
    private static final Pattern OVERALL = Pattern.compile("\\boverall\\b");
    private static final Pattern BETTER = Pattern.compile("\\bbetter\\b|\\bimprov|\\bdifferently\\b|\\bsuggest");
    private static final Pattern VALUED = Pattern.compile(
            "\\bvalu(e|ed|able)\\b|\\bliked?\\b.*\\bmost\\b|\\benjoy|\\bwent well\\b|\\bwhat worked\\b");

    private FeedbackSheet() {}

    /** A header brought to one form for matching: lower case, accents, curly quotes and extra spaces set aside. */
    static String normal(String header) {
        String s = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00A0', ' ');
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** What one column is, from its header alone. */
    static Role role(String header) {
        String h = normal(header);
        if (h.isEmpty()) return Role.METADATA;
        if (METADATA.contains(h) || METADATA_PREFIX.matcher(h).matches()) return Role.METADATA;
        if (EMAIL.matcher(h).matches()) return Role.EMAIL;
        if (NAME.matcher(h).matches()) return Role.NAME;
        if (RECOMMEND.matcher(h).find()) return Role.RECOMMEND;
        if (BETTER.matcher(h).find()) return Role.BETTER;
        if (SCORE.matcher(h).find()) return Role.SCORE;
        if (VALUED.matcher(h).find()) return Role.VALUED;
        // "Overall, how was it?" asks for a score; "Overall, what did you value?" was answered above.
        if (OVERALL.matcher(h).find()) return Role.SCORE;
        return Role.QUESTION;
    }

    /**
     * The columns with what each is. Each standard question is the first column that asks it (for
     * the score, one that says "overall" comes first); a second column asking the same becomes one
     * of the organiser's own questions.
     */
    static List<Column> columns(List<String> headers) {
        List<Role> roles = new ArrayList<>();
        for (String h : headers) roles.add(role(h));
        int overallScore = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (roles.get(i) == Role.SCORE && OVERALL.matcher(normal(headers.get(i))).find()) {
                overallScore = i;
                break;
            }
        }
        EnumSet<Role> taken = EnumSet.noneOf(Role.class);
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            Role r = roles.get(i);
            if (r == Role.SCORE && overallScore >= 0) r = i == overallScore ? Role.SCORE : Role.QUESTION;
            if (r.standard() && !taken.add(r)) r = Role.QUESTION;
            out.add(new Column(i, headers.get(i).strip(), r));
        }
        return out;
    }

    /** True when the headers ask at least two of the four standard evaluation questions. */
    static boolean looksLike(Sheet sheet) {
        return columns(sheet.headers()).stream().filter(c -> c.role().standard()).count() >= 2;
    }

    static Parsed.Feedback read(Sheet sheet) {
        return new Parsed.Feedback(Format.FEEDBACK, sheet, columns(sheet.headers()));
    }
}
