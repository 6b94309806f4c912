package app.cairn.pack;

import app.cairn.feedback.EvaluationSummary;
import app.cairn.pack.Pack.Figure;
import java.util.ArrayList;
import java.util.List;

/** Headline figures in words, each with its base and the people who did not answer. */
final class Figures {
    private Figures() {}

    static List<Figure> evaluation(EvaluationSummary s) {
        List<Figure> out = new ArrayList<>();
        out.add(new Figure(Integer.toString(s.responses()), s.responses() == 1 ? "person gave feedback" : "people gave feedback", ""));
        if (s.recommendPercent() != null) {
            out.add(new Figure(s.recommendPercent() + "%", "would recommend an event like this to a colleague",
                    s.recommendYes() + " of the " + s.recommendAnswered() + " who answered (n=" + s.recommendAnswered() + ")"
                            + blank(s.recommendBlank())));
        } else {
            out.add(new Figure("\u2013", "would recommend an event like this to a colleague", "nobody answered this question"));
        }
        if (s.averageScore() != null) {
            out.add(new Figure(s.averageScore() + "/5", "average score", "from the " + s.scored() + " who gave a score (n="
                    + s.scored() + ")" + blank(s.scoreBlank())));
        } else {
            out.add(new Figure("\u2013", "average score", "nobody gave a score"));
        }
        return out;
    }

    private static String blank(int n) {
        return n == 0 ? "; everyone answered" : "; " + n + " did not answer";
    }
}
