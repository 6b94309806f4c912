package app.cairn.synthesis;

import java.util.Map;
import java.util.TreeMap;

/**
 * Groups unit vectors by meaning: a graph joins each point to its nearest neighbours, and Louvain
 * finds the communities of that graph, so the number of groups comes from the data (tight topics
 * give many small groups, broad conversations fewer, larger ones). When a number of groups is
 * asked for, communities are found at a fine enough resolution and joined by Ward's method until
 * that many are left. See docs/decisions/0010-synthesis-method.md.
 */
final class Grouping {
    /** Neighbours found by meaning, then ranked again with word overlap. */
    static final int CANDIDATES = 30;
    static final int NEIGHBOURS = 10;
    /** How much shared words count beside meaning when joining neighbours. */
    static final double WORD_WEIGHT = 0.15;
    static final double RESOLUTION = 2.0;
    /**
     * Modularity finds groups of a roughly steady size, so very large streams would get thousands:
     * beyond this many (times the granularity factor), the closest are joined by Ward's method.
     */
    static final int MAX_THEMES = 100;

    private Grouping() {}

    /**
     * Group number of each point (one node of the neighbour graph each), from 0 in order of first point.
     *
     * @param resolution higher gives more, smaller groups
     * @param wanted     exact number of groups, or 0 to let the data decide
     */
    static int[] group(float[][] points, Louvain.Graph graph, double resolution, int wanted) {
        int n = points.length;
        if (n < 2) return new int[n];
        int[] groups = Louvain.communities(graph, resolution);
        if (wanted <= 0) return joinTo(points, groups, (int) Math.round(MAX_THEMES * resolution / RESOLUTION));
        wanted = Math.min(wanted, n);
        double r = resolution;
        for (int tries = 0; count(groups) < wanted && tries < 12; tries++) {
            r *= 1.6;
            groups = Louvain.communities(graph, r);
        }
        if (count(groups) < wanted) groups = singletons(n);
        return joinTo(points, groups, wanted);
    }

    /** Joins groups by Ward's method (on their means and sizes) until {@code wanted} are left. */
    static int[] joinTo(float[][] points, int[] groups, int wanted) {
        int k = count(groups);
        if (k <= wanted) return groups;
        int d = points[0].length;
        float[][] means = new float[k][d];
        double[] sizes = new double[k];
        for (int i = 0; i < points.length; i++) {
            Vectors.addInto(means[groups[i]], points[i], 1);
            sizes[groups[i]]++;
        }
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) means[c][j] /= sizes[c];
        int[] joined = WardLinkage.cut(k, WardLinkage.merges(means, sizes), k - wanted);
        int[] out = new int[points.length];
        for (int i = 0; i < out.length; i++) out[i] = joined[groups[i]];
        Louvain.renumber(out);
        return out;
    }

    /**
     * The neighbour graph made symmetric; an edge both ways counts twice, as mutual neighbours are
     * surer. With {@code subset}, only those points (renumbered in that order) and the edges among them.
     */
    static Louvain.Graph graph(Neighbours near, int[] subset) {
        int all = near.index.length;
        int[] position = new int[all];
        if (subset == null) {
            for (int i = 0; i < all; i++) position[i] = i;
        } else {
            java.util.Arrays.fill(position, -1);
            for (int k = 0; k < subset.length; k++) position[subset[k]] = k;
        }
        int n = subset == null ? all : subset.length;
        @SuppressWarnings("unchecked")
        Map<Integer, Double>[] rows = new Map[n];
        for (int i = 0; i < n; i++) rows[i] = new TreeMap<>();
        for (int a = 0; a < all; a++) {
            int i = position[a];
            if (i < 0) continue;
            for (int t = 0; t < near.index[a].length; t++) {
                int j = position[near.index[a][t]];
                if (j < 0) continue;
                double w = Math.max(0.01, near.similarity[a][t]);
                rows[i].merge(j, w, Double::sum);
                rows[j].merge(i, w, Double::sum);
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + rows[i].size();
        int[] target = new int[start[n]];
        double[] weight = new double[start[n]];
        for (int i = 0; i < n; i++) {
            int e = start[i];
            for (var entry : rows[i].entrySet()) {
                target[e] = entry.getKey();
                weight[e++] = entry.getValue();
            }
        }
        return new Louvain.Graph(start, target, weight);
    }

    static int count(int[] groups) {
        int max = -1;
        for (int g : groups) max = Math.max(max, g);
        return max + 1;
    }

    private static int[] singletons(int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = i;
        return s;
    }
}
