package app.cairn.synthesis;

import java.util.Arrays;

/**
 * TF-IDF vectors of the words (plurals folded, stop words left out) of each text, for the part
 * of similarity that comes from people using the same words. Sparse: ids sorted, unit length.
 */
final class WordOverlap {
    private final int[][] ids;
    private final float[][] weights;

    WordOverlap(PhraseStats phrases) {
        int n = phrases.phrasesOf.length;
        int[] df = new int[phrases.size()];
        for (int[] ps : phrases.phrasesOf) for (int p : ps) if (phrases.words(p) == 1) df[p]++;
        ids = new int[n][];
        weights = new float[n][];
        for (int t = 0; t < n; t++) {
            int[] words = Arrays.stream(phrases.phrasesOf[t]).filter(p -> phrases.words(p) == 1).sorted().toArray();
            float[] w = new float[words.length];
            double norm = 0;
            for (int i = 0; i < words.length; i++) {
                w[i] = (float) (Math.log((1.0 + n) / (1.0 + df[words[i]])) + 1);
                norm += w[i] * w[i];
            }
            for (int i = 0; i < w.length; i++) w[i] /= (float) Math.sqrt(norm);
            ids[t] = words;
            weights[t] = w;
        }
    }

    /** Cosine similarity of the two texts' word vectors. */
    float similarity(int a, int b) {
        int[] x = ids[a];
        int[] y = ids[b];
        float s = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) s += weights[a][i++] * weights[b][j++];
            else if (x[i] < y[j]) i++;
            else j++;
        }
        return s;
    }
}
