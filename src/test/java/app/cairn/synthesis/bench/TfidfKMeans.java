package app.cairn.synthesis.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The baseline: TF-IDF vectors (words of two or more letters or digits, lower case, English stop
 * words removed, smoothed idf, unit length) grouped by k-means (k-means++ seeding, ten restarts,
 * the best kept) on cosine similarity. With no k given, k is the one with the highest mean
 * silhouette over a grid, the textbook way to choose k for k-means.
 */
public final class TfidfKMeans {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");
    private final int[][] terms;
    private final float[][] weights;
    private final int vocabulary;

    public TfidfKMeans(List<String> texts) {
        Map<String, Integer> vocab = new HashMap<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>();
        for (String text : texts) {
            Map<Integer, Integer> tf = new HashMap<>();
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                String w = m.group();
                if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)) continue;
                tf.merge(vocab.computeIfAbsent(w, k -> vocab.size()), 1, Integer::sum);
            }
            counts.add(tf);
        }
        vocabulary = vocab.size();
        int[] df = new int[vocabulary];
        for (var tf : counts) for (int t : tf.keySet()) df[t]++;
        int n = texts.size();
        terms = new int[n][];
        weights = new float[n][];
        for (int i = 0; i < n; i++) {
            var tf = counts.get(i);
            terms[i] = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            weights[i] = new float[terms[i].length];
            double norm = 0;
            for (int j = 0; j < terms[i].length; j++) {
                double idf = Math.log((1.0 + n) / (1.0 + df[terms[i][j]])) + 1;
                weights[i][j] = (float) (tf.get(terms[i][j]) * idf);
                norm += weights[i][j] * weights[i][j];
            }
            for (int j = 0; j < terms[i].length; j++) weights[i][j] /= (float) Math.sqrt(Math.max(norm, 1e-12));
        }
    }

    /** The clustering with the highest mean silhouette among k on the grid. */
    public Result automatic(int[] grid, long seed) {
        Result best = null;
        for (int k : grid) {
            if (k >= terms.length) continue;
            Result r = cluster(k, seed);
            if (best == null || r.silhouette > best.silhouette) best = r;
        }
        return best;
    }

    /** A k-means result: cluster of each text, its k and mean silhouette. */
    public record Result(int k, int[] clusters, double silhouette) {}

    public Result cluster(int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int restart = 0; restart < 10; restart++) {
            int[] a = lloyd(k, random.split());
            double score = cohesion(a, k);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return new Result(k, best, silhouette(best, k));
    }

    private int[] lloyd(int k, SplittableRandom random) {
        int n = terms.length;
        float[][] centres = new float[k][];
        centres[0] = dense(random.nextInt(n));
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) distance[i] = Math.max(0, 1 - dot(i, centres[0]));
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : distance) total += d;
            double r = random.nextDouble() * total;
            int chosen = 0;
            for (; chosen < n - 1; chosen++) {
                r -= distance[chosen];
                if (r <= 0) break;
            }
            centres[c] = dense(chosen);
            for (int i = 0; i < n; i++) distance[i] = Math.min(distance[i], Math.max(0, 1 - dot(i, centres[c])));
        }
        int[] a = new int[n];
        for (int iteration = 0; iteration < 100; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestSim = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double s = dot(i, centres[c]);
                    if (s > bestSim) {
                        bestSim = s;
                        best = c;
                    }
                }
                if (iteration == 0 || a[i] != best) changed = true;
                a[i] = best;
            }
            if (!changed) break;
            float[][] sums = sums(a, k);
            for (int c = 0; c < k; c++) {
                double norm = 0;
                for (float v : sums[c]) norm += v * v;
                if (norm == 0) continue;
                for (int t = 0; t < vocabulary; t++) sums[c][t] /= (float) Math.sqrt(norm);
                centres[c] = sums[c];
            }
        }
        return a;
    }

    private float[][] sums(int[] a, int k) {
        float[][] sums = new float[k][vocabulary];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < terms[i].length; j++) sums[a[i]][terms[i][j]] += weights[i][j];
        return sums;
    }

    private double cohesion(int[] a, int k) {
        float[][] sums = sums(a, k);
        double total = 0;
        for (float[] s : sums) {
            double norm = 0;
            for (float v : s) norm += v * v;
            total += Math.sqrt(norm);
        }
        return total;
    }

    /** Mean silhouette with cosine distance; texts alone in their cluster score 0. */
    double silhouette(int[] a, int k) {
        float[][] sums = sums(a, k);
        int[] size = new int[k];
        for (int c : a) size[c]++;
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            int own = a[i];
            if (size[own] < 2) continue;
            double self = 0;
            for (int j = 0; j < terms[i].length; j++) self += weights[i][j] * weights[i][j];
            double within = 1 - (dot(i, sums[own]) - self) / (size[own] - 1);
            double nearest = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) if (c != own && size[c] > 0) nearest = Math.min(nearest, 1 - dot(i, sums[c]) / size[c]);
            double m = Math.max(within, nearest);
            total += m == 0 ? 0 : (nearest - within) / m;
        }
        return total / a.length;
    }

    private double dot(int i, float[] dense) {
        double s = 0;
        for (int j = 0; j < terms[i].length; j++) s += weights[i][j] * dense[terms[i][j]];
        return s;
    }

    private float[] dense(int i) {
        float[] d = new float[vocabulary];
        for (int j = 0; j < terms[i].length; j++) d[terms[i][j]] = weights[i][j];
        return d;
    }
}
