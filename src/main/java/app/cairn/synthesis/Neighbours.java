package app.cairn.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Each point's most similar other points. Exact for small streams; for large ones an inverted
 * file index (Jégou et al.): points are bucketed by their nearest k-means centroid, and a point
 * is compared only with the points of its few nearest buckets, which keeps the cost linear in the
 * number of points instead of quadratic.
 */
final class Neighbours {
    static final int EXACT_LIMIT = 4000;
    private static final int PROBES = 6;

    final int[][] index;
    final float[][] similarity;

    Neighbours(int[][] index, float[][] similarity) {
        this.index = index;
        this.similarity = similarity;
    }

    static Neighbours of(float[][] points, int k, long seed) {
        int n = points.length;
        int kk = Math.max(0, Math.min(k, n - 1));
        int[][] index = new int[n][];
        float[][] sims = new float[n][];
        if (n <= EXACT_LIMIT) {
            IntStream.range(0, (n + 3) / 4).parallel().forEach(block -> {
                int first = block * 4;
                int rows = Math.min(4, n - first);
                Top[] tops = new Top[rows];
                for (int r = 0; r < rows; r++) tops[r] = new Top(kk);
                float[][] a = new float[4][];
                for (int r = 0; r < 4; r++) a[r] = points[first + Math.min(r, rows - 1)];
                float[] s = new float[4];
                for (int j = 0; j < n; j++) {
                    Vectors.dot4(a[0], a[1], a[2], a[3], points[j], s);
                    for (int r = 0; r < rows; r++) if (j != first + r) tops[r].offer(j, s[r]);
                }
                for (int r = 0; r < rows; r++) {
                    index[first + r] = tops[r].indices();
                    sims[first + r] = tops[r].similarities();
                }
            });
            return new Neighbours(index, sims);
        }
        int buckets = (int) Math.max(16, Math.round(2 * Math.sqrt(n)));
        float[][] centroids = SphericalKMeans.centroids(points, buckets, 10_000, 4, seed);
        int[] bucketOf = SphericalKMeans.assign(points, centroids);
        List<List<Integer>> members = new ArrayList<>();
        for (int b = 0; b < centroids.length; b++) members.add(new ArrayList<>());
        for (int i = 0; i < n; i++) members.get(bucketOf[i]).add(i);
        int[][] lists = members.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        IntStream.range(0, n).parallel().forEach(i -> {
            Top nearestBuckets = new Top(Math.min(PROBES, centroids.length));
            float[] s = new float[4];
            int b0 = 0;
            for (; b0 + 3 < centroids.length; b0 += 4) {
                Vectors.dot4(centroids[b0], centroids[b0 + 1], centroids[b0 + 2], centroids[b0 + 3], points[i], s);
                for (int r = 0; r < 4; r++) nearestBuckets.offer(b0 + r, s[r]);
            }
            for (; b0 < centroids.length; b0++) nearestBuckets.offer(b0, Vectors.dot(points[i], centroids[b0]));
            Top top = new Top(kk);
            for (int b : nearestBuckets.indices()) {
                int[] list = lists[b];
                int m = 0;
                for (; m + 3 < list.length; m += 4) {
                    Vectors.dot4(points[list[m]], points[list[m + 1]], points[list[m + 2]], points[list[m + 3]], points[i], s);
                    for (int r = 0; r < 4; r++) if (list[m + r] != i) top.offer(list[m + r], s[r]);
                }
                for (; m < list.length; m++) {
                    int j = list[m];
                    Vectors.dot4(points[j], points[j], points[j], points[j], points[i], s);
                    if (j != i) top.offer(j, s[0]);
                }
            }
            index[i] = top.indices();
            sims[i] = top.similarities();
        });
        return new Neighbours(index, sims);
    }

    /**
     * The {@code k} best of these neighbours once similarity is blended with word overlap:
     * (1 - {@code weight}) × meaning + {@code weight} × shared words.
     */
    Neighbours blend(WordOverlap words, double weight, int k) {
        int n = index.length;
        int[][] idx = new int[n][];
        float[][] sim = new float[n][];
        for (int i = 0; i < n; i++) {
            Top top = new Top(Math.min(k, index[i].length));
            for (int t = 0; t < index[i].length; t++) {
                int j = index[i][t];
                top.offer(j, (float) ((1 - weight) * similarity[i][t] + weight * words.similarity(i, j)));
            }
            idx[i] = top.indices();
            sim[i] = top.similarities();
        }
        return new Neighbours(idx, sim);
    }

    /** The k best (index, similarity) pairs seen, best first; ties keep the lower index first. */
    static final class Top {
        private final int[] idx;
        private final float[] sim;
        private int size;

        Top(int k) {
            idx = new int[k];
            sim = new float[k];
        }

        void offer(int i, float s) {
            int k = idx.length;
            if (k == 0) return;
            if (size == k && !(s > sim[k - 1] || (s == sim[k - 1] && i < idx[k - 1]))) return;
            int pos = size < k ? size++ : k - 1;
            while (pos > 0 && (sim[pos - 1] < s || (sim[pos - 1] == s && idx[pos - 1] > i))) {
                sim[pos] = sim[pos - 1];
                idx[pos] = idx[pos - 1];
                pos--;
            }
            sim[pos] = s;
            idx[pos] = i;
        }

        int[] indices() {
            return java.util.Arrays.copyOf(idx, size);
        }

        float[] similarities() {
            return java.util.Arrays.copyOf(sim, size);
        }
    }
}
