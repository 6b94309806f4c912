package app.cairn.synthesis;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * k-means on unit vectors with cosine similarity, seeded by k-means++ from a fixed seed. Used to
 * index large streams for neighbour search, and to polish themes. Each point's assignment is
 * computed independently, so running on several threads gives the same result as one.
 */
final class SphericalKMeans {
    private SphericalKMeans() {}

    /** Unit centroids for {@code k} clusters of the points, trained on at most {@code sample} of them. */
    static float[][] centroids(float[][] points, int k, int sample, int iterations, long seed) {
        int n = points.length;
        SplittableRandom random = new SplittableRandom(seed);
        float[][] train = points;
        if (n > sample) {
            int[] index = IntStream.range(0, n).toArray();
            for (int i = 0; i < sample; i++) {
                int j = i + random.nextInt(n - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            train = new float[sample][];
            for (int i = 0; i < sample; i++) train[i] = points[index[i]];
        }
        k = Math.min(k, train.length);
        float[][] centroids = seed(train, k, random);
        for (int it = 0; it < iterations; it++) {
            int[] assigned = assign(train, centroids);
            float[][] sums = new float[k][train[0].length];
            int[] counts = new int[k];
            for (int i = 0; i < train.length; i++) {
                Vectors.addInto(sums[assigned[i]], train[i], 1);
                counts[assigned[i]]++;
            }
            for (int c = 0; c < k; c++) if (counts[c] > 0) centroids[c] = Vectors.unit(sums[c]);
        }
        return centroids;
    }

    /** k-means++: each next centre is drawn with probability proportional to its distance from the chosen ones. */
    private static float[][] seed(float[][] points, int k, SplittableRandom random) {
        int n = points.length;
        float[][] centres = new float[k][];
        centres[0] = points[random.nextInt(n)];
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) distance[i] = Math.max(0, 1 - Vectors.dot(points[i], centres[0]));
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : distance) total += d;
            int chosen = 0;
            if (total > 0) {
                double r = random.nextDouble() * total;
                for (chosen = 0; chosen < n - 1; chosen++) {
                    r -= distance[chosen];
                    if (r <= 0) break;
                }
            } else {
                chosen = random.nextInt(n);
            }
            centres[c] = points[chosen];
            float[] centre = centres[c];
            IntStream.range(0, n).parallel().forEach(i -> distance[i] = Math.min(distance[i], Math.max(0, 1 - Vectors.dot(points[i], centre))));
        }
        return centres;
    }

    /** Index of the most similar centroid for each point (the lower index on ties). */
    static int[] assign(float[][] points, float[][] centroids) {
        int[] out = new int[points.length];
        IntStream.range(0, points.length).parallel().forEach(i -> out[i] = nearest(points[i], centroids));
        return out;
    }

    static int nearest(float[] point, float[][] centroids) {
        int best = 0;
        float bestSim = Float.NEGATIVE_INFINITY;
        float[] s = new float[4];
        int k = centroids.length;
        int c = 0;
        for (; c + 3 < k; c += 4) {
            Vectors.dot4(centroids[c], centroids[c + 1], centroids[c + 2], centroids[c + 3], point, s);
            for (int r = 0; r < 4; r++) {
                if (s[r] > bestSim) {
                    bestSim = s[r];
                    best = c + r;
                }
            }
        }
        for (; c < k; c++) {
            Vectors.dot4(centroids[c], centroids[c], centroids[c], centroids[c], point, s);
            if (s[0] > bestSim) {
                bestSim = s[0];
                best = c;
            }
        }
        return best;
    }
}
