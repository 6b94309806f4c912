package app.cairn.synthesis;

import java.util.Arrays;

/**
 * Ward's agglomerative clustering by the nearest-neighbour chain algorithm (O(n²) time and
 * memory). Points are groups given by their mean vector and size, so the result is exact Ward on
 * the members even when the points are micro-clusters. Merge heights are Ward's increase in
 * within-cluster squared distance. Ties go to the lower index, so the result is deterministic.
 */
final class WardLinkage {
    /** One merge: the clusters represented by points {@code a} and {@code b}, at Ward cost {@code cost}. */
    record Merge(int a, int b, double cost) {}

    private WardLinkage() {}

    /** The n - 1 merges, cheapest first. */
    static Merge[] merges(float[][] means, double[] sizes) {
        int n = means.length;
        if (n < 2) return new Merge[0];
        float[][] d = new float[n][n];
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) sq[i] = Vectors.dot(means[i], means[i]);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double dist = Math.max(0, sq[i] + sq[j] - 2 * Vectors.dot(means[i], means[j]));
                float v = (float) (sizes[i] * sizes[j] / (sizes[i] + sizes[j]) * dist);
                d[i][j] = v;
                d[j][i] = v;
            }
        }
        double[] size = sizes.clone();
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        int[] chain = new int[n];
        int top = 0;
        Merge[] merges = new Merge[n - 1];
        int made = 0;
        int firstActive = 0;
        while (made < n - 1) {
            if (top == 0) {
                while (!active[firstActive]) firstActive++;
                chain[top++] = firstActive;
            }
            int a = chain[top - 1];
            int previous = top > 1 ? chain[top - 2] : -1;
            int b = previous;
            float best = previous >= 0 ? d[a][previous] : Float.POSITIVE_INFINITY;
            float[] row = d[a];
            for (int c = 0; c < n; c++) {
                if (c == a || !active[c]) continue;
                if (row[c] < best || (row[c] == best && c < b && b != previous)) {
                    best = row[c];
                    b = c;
                }
            }
            if (b == previous) {
                top -= 2;
                int keep = Math.min(a, b);
                int gone = Math.max(a, b);
                merges[made++] = new Merge(keep, gone, best);
                double ni = size[keep];
                double nj = size[gone];
                for (int c = 0; c < n; c++) {
                    if (!active[c] || c == keep || c == gone) continue;
                    double nk = size[c];
                    float v = (float) (((ni + nk) * d[keep][c] + (nj + nk) * d[gone][c] - nk * best) / (ni + nj + nk));
                    d[keep][c] = v;
                    d[c][keep] = v;
                }
                size[keep] = ni + nj;
                active[gone] = false;
            } else {
                chain[top++] = b;
            }
        }
        Integer[] order = new Integer[merges.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Merge[] byChain = merges;
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(byChain[x].cost(), byChain[y].cost());
            return c != 0 ? c : Integer.compare(x, y);
        });
        Merge[] sorted = new Merge[merges.length];
        for (int i = 0; i < order.length; i++) sorted[i] = merges[order[i]];
        return sorted;
    }

    /** Cluster number of each point after the first {@code count} merges, numbered by first point. */
    static int[] cut(int n, Merge[] merges, int count) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int m = 0; m < count && m < merges.length; m++) {
            int ra = find(parent, merges[m].a());
            int rb = find(parent, merges[m].b());
            if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) label[i] = find(parent, i);
        Louvain.renumber(label);
        return label;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
