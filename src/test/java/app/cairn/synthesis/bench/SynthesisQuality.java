package app.cairn.synthesis.bench;

import app.cairn.synthesis.Embeddings;
import app.cairn.synthesis.Item;
import app.cairn.synthesis.Options;
import app.cairn.synthesis.Suggestions;
import app.cairn.synthesis.Synthesiser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * bench/synthesis-quality: how well Cairn's grouping recovers human labels, automatically and
 * with the number of themes fixed to the number of labels, beside a TF-IDF + k-means baseline run
 * the same two ways. Usage: SynthesisQuality FILE.csv [EMBEDDING-CACHE]. The last line printed
 * holds the figures for the automatic grouping.
 */
public final class SynthesisQuality {
    private SynthesisQuality() {}

    public static void main(String[] args) {
        if (args.length < 1) throw new IllegalArgumentException("Usage: SynthesisQuality FILE.csv [EMBEDDING-CACHE]");
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("No such file: " + file);
            System.exit(2);
        }
        Path cache = Path.of(args.length > 1 ? args[1] : "target/synthesis-bench/embeddings.bin");
        LabelledSet set = LabelledSet.read(file);
        int k = set.labelCount();
        int[] truth = ClusterMetrics.ids(set.labels());
        System.out.printf(Locale.ROOT, "dataset=%s texts=%d labels=%d%n", file, set.size(), k);

        Synthesiser synthesiser = new Synthesiser(Embeddings.miniLm(new FileEmbeddingCache(cache), 2));
        List<Item> items = Predictions.items(set.texts());
        long t0 = System.nanoTime();
        synthesiser.suggest(items, Options.automatic());
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "first run (embeddings not already cached are computed here) ms=%d%n", firstMs);

        t0 = System.nanoTime();
        Suggestions.Stream fixed = synthesiser.suggest(items, Options.automatic().withThemes(k)).streams().get(0);
        long fixedMs = (System.nanoTime() - t0) / 1_000_000;
        ClusterMetrics cairnFixed = ClusterMetrics.of(truth, Predictions.clusters(fixed, set.size()));
        System.out.printf(Locale.ROOT, "cairn fixed themes=%d %s ms=%d%n", fixed.themes().size(), cairnFixed, fixedMs);

        TfidfKMeans baseline = new TfidfKMeans(set.texts());
        t0 = System.nanoTime();
        TfidfKMeans.Result baseFixed = baseline.cluster(k, 1);
        ClusterMetrics baselineFixed = ClusterMetrics.of(truth, baseFixed.clusters());
        System.out.printf(Locale.ROOT, "baseline fixed k=%d %s ms=%d%n", k, baselineFixed, (System.nanoTime() - t0) / 1_000_000);

        t0 = System.nanoTime();
        int[] grid = IntStream.concat(IntStream.of(5), IntStream.iterate(10, g -> g <= Math.min(200, set.size() / 3), g -> g + 10)).toArray();
        TfidfKMeans.Result baseAuto = baseline.automatic(grid, 1);
        ClusterMetrics baselineAuto = ClusterMetrics.of(truth, baseAuto.clusters());
        System.out.printf(Locale.ROOT, "baseline auto k=%d (silhouette %.3f, grid %d..%d) %s ms=%d%n", baseAuto.k(), baseAuto.silhouette(),
                grid[0], grid[grid.length - 1], baselineAuto, (System.nanoTime() - t0) / 1_000_000);

        t0 = System.nanoTime();
        Suggestions.Stream auto = synthesiser.suggest(items, Options.automatic()).streams().get(0);
        long autoMs = (System.nanoTime() - t0) / 1_000_000;
        ClusterMetrics cairnAuto = ClusterMetrics.of(truth, Predictions.clusters(auto, set.size()));
        int unthemed = auto.unthemed().stream().mapToInt(Suggestions.Member::items).sum();
        System.out.printf(Locale.ROOT, "cairn auto themes=%d unthemed=%d noise=%d %s ms=%d%n", auto.themes().size(), unthemed,
                auto.noise().items(), cairnAuto, autoMs);
        System.out.printf(Locale.ROOT, "nmi=%.3f ari=%.3f bcubed_f1=%.3f baseline_nmi=%.3f baseline_ari=%.3f baseline_bcubed_f1=%.3f%n",
                cairnAuto.nmi(), cairnAuto.ari(), cairnAuto.bcubedF1(), baselineAuto.nmi(), baselineAuto.ari(), baselineAuto.bcubedF1());
    }
}
