package app.cairn.synthesis.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a grouping recovers human labels: normalised mutual information (arithmetic-mean
 * normalisation, as scikit-learn's default), the adjusted Rand index (Hubert and Arabie) and
 * BCubed F1 (Amigó et al., 2009). Items left out of every theme count as clusters of one.
 */
public record ClusterMetrics(double nmi, double ari, double bcubedPrecision, double bcubedRecall, double bcubedF1) {

    public static ClusterMetrics of(List<String> truth, List<String> predicted) {
        return of(ids(truth), ids(predicted));
    }

    public static ClusterMetrics of(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) throw new IllegalArgumentException("truth and predicted differ in length");
        double[] b = bcubed(truth, predicted);
        return new ClusterMetrics(nmi(truth, predicted), ari(truth, predicted), b[0], b[1], b[2]);
    }

    static int[] ids(List<String> labels) {
        Map<String, Integer> id = new HashMap<>();
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) out[i] = id.computeIfAbsent(labels.get(i), k -> id.size());
        return out;
    }

    /** Normalised mutual information, I(T;P) / ((H(T) + H(P)) / 2); 1 when both are one cluster. */
    public static double nmi(int[] truth, int[] predicted) {
        int n = truth.length;
        if (n == 0) return 1;
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> t = counts(truth);
        Map<Integer, Integer> p = counts(predicted);
        for (int i = 0; i < n; i++) joint.merge(((long) truth[i] << 32) | (predicted[i] & 0xffffffffL), 1, Integer::sum);
        double mi = 0;
        for (var e : joint.entrySet()) {
            int ti = (int) (e.getKey() >> 32);
            int pi = (int) (long) e.getKey();
            double nij = e.getValue();
            mi += nij / n * Math.log(n * nij / ((double) t.get(ti) * p.get(pi)));
        }
        double ht = entropy(t, n);
        double hp = entropy(p, n);
        if (ht == 0 && hp == 0) return 1;
        return Math.max(0, mi / ((ht + hp) / 2));
    }

    /** Adjusted Rand index: pair agreement corrected for chance; 0 for chance, 1 for identical. */
    public static double ari(int[] truth, int[] predicted) {
        int n = truth.length;
        Map<Long, Integer> joint = new HashMap<>();
        for (int i = 0; i < n; i++) joint.merge(((long) truth[i] << 32) | (predicted[i] & 0xffffffffL), 1, Integer::sum);
        double index = 0;
        for (int c : joint.values()) index += pairs(c);
        double a = 0;
        for (int c : counts(truth).values()) a += pairs(c);
        double b = 0;
        for (int c : counts(predicted).values()) b += pairs(c);
        double expected = a * b / pairs(n);
        double max = (a + b) / 2;
        if (max == expected) return 1;
        return (index - expected) / (max - expected);
    }

    /** BCubed precision, recall and F1 (harmonic mean of the averaged precision and recall). */
    public static double[] bcubed(int[] truth, int[] predicted) {
        int n = truth.length;
        if (n == 0) return new double[] {1, 1, 1};
        Map<Long, Integer> joint = new HashMap<>();
        for (int i = 0; i < n; i++) joint.merge(((long) truth[i] << 32) | (predicted[i] & 0xffffffffL), 1, Integer::sum);
        Map<Integer, Integer> t = counts(truth);
        Map<Integer, Integer> p = counts(predicted);
        double precision = 0;
        double recall = 0;
        for (int i = 0; i < n; i++) {
            double both = joint.get(((long) truth[i] << 32) | (predicted[i] & 0xffffffffL));
            precision += both / p.get(predicted[i]);
            recall += both / t.get(truth[i]);
        }
        precision /= n;
        recall /= n;
        return new double[] {precision, recall, 2 * precision * recall / (precision + recall)};
    }

    private static Map<Integer, Integer> counts(int[] labels) {
        Map<Integer, Integer> c = new HashMap<>();
        for (int l : labels) c.merge(l, 1, Integer::sum);
        return c;
    }

    private static double entropy(Map<Integer, Integer> counts, int n) {
        double h = 0;
        for (int c : counts.values()) h -= (double) c / n * Math.log((double) c / n);
        return h;
    }

    private static double pairs(double c) {
        return c * (c - 1) / 2;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "nmi=%.3f ari=%.3f bcubed_f1=%.3f (P=%.3f R=%.3f)", nmi, ari, bcubedF1, bcubedPrecision, bcubedRecall);
    }
}
