package app.cairn.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation in figures, each with its own base: how many responded; of those who answered
 * the recommend question, how many said yes (and how many left it blank); the average score of
 * those who gave one (and how many did not); the count at each score.
 */
public record EvaluationSummary(int responses, int recommendYes, int recommendNo, int recommendBlank, int scored,
        int scoreBlank, Double averageScore, List<Integer> scoreCounts) {

    public EvaluationSummary {
        scoreCounts = List.copyOf(scoreCounts);
    }

    public static EvaluationSummary of(List<FeedbackResponse> responses) {
        int yes = 0, no = 0, blank = 0, scored = 0, scoreBlank = 0, sum = 0;
        int[] counts = new int[5];
        for (FeedbackResponse r : responses) {
            if (r.recommend() == null) blank++;
            else if (r.recommend()) yes++;
            else no++;
            if (r.score() == null) {
                scoreBlank++;
            } else {
                scored++;
                sum += r.score();
                counts[r.score() - 1]++;
            }
        }
        List<Integer> list = new ArrayList<>();
        for (int c : counts) list.add(c);
        // One decimal place, half up: 4.25 shows as 4.3.
        Double avg = scored == 0 ? null
                : new java.math.BigDecimal(sum).divide(new java.math.BigDecimal(scored), 1, java.math.RoundingMode.HALF_UP)
                        .doubleValue();
        return new EvaluationSummary(responses.size(), yes, no, blank, scored, scoreBlank, avg, list);
    }

    /** How many answered the recommend question: the base of its percentage. */
    public int recommendAnswered() {
        return recommendYes + recommendNo;
    }

    /** The whole percentage who would recommend, of those who answered; null when nobody answered. */
    public Integer recommendPercent() {
        return Percent.of(recommendYes, recommendAnswered());
    }
}
