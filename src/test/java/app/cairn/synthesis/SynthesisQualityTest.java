package app.cairn.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.synthesis.bench.ClusterMetrics;
import app.cairn.synthesis.bench.LabelledSet;
import app.cairn.synthesis.bench.Predictions;
import app.cairn.synthesis.bench.TfidfKMeans;
import org.junit.jupiter.api.Test;

/**
 * Frozen quality: fails if grouping gets worse. Thresholds are the figures measured when they were
 * set (BENCHMARKS.md) less 0.03, so noise from a change of machine does not trip them.
 */
class SynthesisQualityTest {
    static ClusterMetrics cairn(LabelledSet set, Options options) {
        Suggestions.Stream s = SynthesiserTest.SYNTHESISER.suggest(Predictions.items(set.texts()), options).streams().get(0);
        return ClusterMetrics.of(labelIds(set), Predictions.clusters(s, set.size()));
    }

    static int[] labelIds(LabelledSet set) {
        java.util.Map<String, Integer> id = new java.util.HashMap<>();
        return set.labels().stream().mapToInt(l -> id.computeIfAbsent(l, k -> id.size())).toArray();
    }

    @Test
    void banking77_subset_is_grouped_at_least_as_well_as_when_measured() {
        LabelledSet set = LabelledSet.resource("synthesis/banking77-subset.csv");
        ClusterMetrics auto = cairn(set, Options.automatic());
        assertThat(auto.nmi()).as("NMI, measured 0.845").isGreaterThan(0.81);
        assertThat(auto.ari()).as("ARI, measured 0.656").isGreaterThan(0.62);
        assertThat(auto.bcubedF1()).as("BCubed F1, measured 0.736").isGreaterThan(0.70);

        ClusterMetrics fixed = cairn(set, Options.automatic().withThemes(20));
        ClusterMetrics baseline = ClusterMetrics.of(labelIds(set), new TfidfKMeans(set.texts()).cluster(20, 1).clusters());
        assertThat(fixed.nmi()).as("NMI with 20 themes, measured 0.838").isGreaterThan(Math.max(0.80, baseline.nmi() + 0.2));
        assertThat(fixed.ari()).as("ARI with 20 themes, measured 0.674").isGreaterThan(Math.max(0.64, baseline.ari() + 0.2));
        assertThat(fixed.bcubedF1()).as("BCubed F1 with 20 themes, measured 0.724").isGreaterThan(Math.max(0.69, baseline.bcubedF1() + 0.2));
    }

    @Test
    void leadership_conversations_are_grouped_at_least_as_well_as_when_measured() {
        LabelledSet set = LabelledSet.resource("synthesis/leadership-conversations.csv");
        ClusterMetrics auto = cairn(set, Options.automatic());
        assertThat(auto.nmi()).as("NMI, measured 0.578").isGreaterThan(0.55);
        assertThat(auto.ari()).as("ARI, measured 0.390").isGreaterThan(0.36);
        assertThat(auto.bcubedF1()).as("BCubed F1, measured 0.455").isGreaterThan(0.42);
    }
}
