package app.cairn.synthesis.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {
    @Test
    void identical_groupings_score_one_on_every_measure() {
        ClusterMetrics m = ClusterMetrics.of(List.of("a", "a", "b", "b", "c"), List.of("x", "x", "y", "y", "z"));
        assertThat(m.nmi()).isCloseTo(1, within(1e-12));
        assertThat(m.ari()).isCloseTo(1, within(1e-12));
        assertThat(m.bcubedF1()).isCloseTo(1, within(1e-12));
    }

    @Test
    void a_split_and_a_merge_score_as_computed_by_hand() {
        // truth: {0,1,2} {3,4,5}; predicted: {0,1} {2,3} {4,5}
        int[] truth = {0, 0, 0, 1, 1, 1};
        int[] predicted = {0, 0, 1, 1, 2, 2};
        // pairs together in both: 2; in truth: 6; predicted: 3; all pairs: 15
        // ARI = (2 - 6*3/15) / ((6+3)/2 - 6*3/15) = 0.8 / 3.3
        assertThat(ClusterMetrics.ari(truth, predicted)).isCloseTo(0.8 / 3.3, within(1e-12));
        // MI = 2/3 ln 2; H(truth) = ln 2; H(predicted) = ln 3
        assertThat(ClusterMetrics.nmi(truth, predicted)).isCloseTo((2.0 / 3 * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2), within(1e-12));
        // BCubed precision 5/6, recall 5/9, F1 2/3
        double[] b = ClusterMetrics.bcubed(truth, predicted);
        assertThat(b[0]).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(b[1]).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(b[2]).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void a_grouping_that_cuts_across_the_labels_scores_zero_or_below() {
        int[] truth = {0, 0, 1, 1};
        int[] predicted = {0, 1, 0, 1};
        assertThat(ClusterMetrics.nmi(truth, predicted)).isCloseTo(0, within(1e-12));
        // no pair agrees: (0 - 4/6) / (2 - 4/6) = -0.5
        assertThat(ClusterMetrics.ari(truth, predicted)).isCloseTo(-0.5, within(1e-12));
        assertThat(ClusterMetrics.bcubed(truth, predicted)[2]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void putting_every_item_alone_is_perfectly_precise_and_recalls_little() {
        int[] truth = {0, 0, 0, 0};
        int[] alone = {0, 1, 2, 3};
        double[] b = ClusterMetrics.bcubed(truth, alone);
        assertThat(b[0]).isEqualTo(1.0);
        assertThat(b[1]).isCloseTo(0.25, within(1e-12));
        assertThat(ClusterMetrics.ari(truth, alone)).isCloseTo(0, within(1e-12));
    }
}
