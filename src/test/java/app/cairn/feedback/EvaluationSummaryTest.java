package app.cairn.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationSummaryTest {
    static FeedbackResponse r(Boolean recommend, Integer score) {
        return new FeedbackResponse(1, 1, null, recommend, score, "", "", Map.of(), Instant.EPOCH);
    }

    @Test
    void percentages_round_half_up_and_are_never_of_nothing() {
        assertThat(Percent.of(1, 8)).isEqualTo(13); // 12.5
        assertThat(Percent.of(1, 3)).isEqualTo(33);
        assertThat(Percent.of(2, 3)).isEqualTo(67);
        assertThat(Percent.of(0, 5)).isZero();
        assertThat(Percent.of(5, 5)).isEqualTo(100);
        assertThat(Percent.of(0, 0)).isNull();
        assertThatThrownBy(() -> Percent.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void who_would_recommend_is_a_share_of_those_who_answered_with_blanks_counted_apart() {
        var s = EvaluationSummary.of(List.of(r(true, null), r(true, null), r(false, null), r(null, null), r(null, null)));
        assertThat(s.responses()).isEqualTo(5);
        assertThat(s.recommendAnswered()).isEqualTo(3);
        assertThat(s.recommendBlank()).isEqualTo(2);
        assertThat(s.recommendPercent()).isEqualTo(67);
    }

    @Test
    void the_average_score_is_of_those_who_gave_one_rounded_half_up_to_one_place() {
        var s = EvaluationSummary.of(List.of(r(null, 4), r(null, 4), r(null, 4), r(null, 5), r(null, null)));
        assertThat(s.averageScore()).isEqualTo(4.3); // 4.25
        assertThat(s.scored()).isEqualTo(4);
        assertThat(s.scoreBlank()).isEqualTo(1);
        assertThat(s.scoreCounts()).containsExactly(0, 0, 0, 3, 1);
    }

    @Test
    void nobody_answering_gives_no_percentage_and_no_average() {
        var s = EvaluationSummary.of(List.of(r(null, null)));
        assertThat(s.recommendPercent()).isNull();
        assertThat(s.averageScore()).isNull();
        assertThat(EvaluationSummary.of(List.of()).responses()).isZero();
    }
}
