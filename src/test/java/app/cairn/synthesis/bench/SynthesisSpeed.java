package app.cairn.synthesis.bench;

import app.cairn.synthesis.Embeddings;
import app.cairn.synthesis.Item;
import app.cairn.synthesis.Options;
import app.cairn.synthesis.Suggestions;
import app.cairn.synthesis.Synthesiser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * bench/synthesis-speed: N realistic contributions in one stream, themed end to end. Texts come
 * from real people (BANKING77, four Polis deliberations, Cairn's leadership set), varied with
 * conversational openings and endings so most are distinct, with noise and repeats mixed in.
 * The first run embeds what the cache lacks; the timed run finds every embedding cached, as in
 * Cairn, where contributions are embedded as they arrive. Usage: SynthesisSpeed N [SHARED-DIR];
 * -Dcairn.bench.cache=FILE names another embedding cache (a new file measures embedding time).
 */
public final class SynthesisSpeed {
    private static final String[] OPENINGS = {"", "", "", "I think ", "For me, ", "Honestly, ", "In our team, ", "From my side, ",
        "Building on that, ", "Just to add, ", "Agree with the last point, and ", "Question: ", "My experience is that ", "Personally, ",
        "One thing: ", "In my area ", "Speaking as a manager, ", "Yes and ", "Interesting, ", "To be honest, ", "Same for us: ",
        "Reflecting on this, ", "In practice, ", "Locally, ", "Coming back to this, "};
    private static final String[] ENDINGS = {"", "", "", " - that's what we see every week.", " Does anyone else find this?",
        " It keeps coming up.", " (sorry for the long message)", " We need to talk about it more.", " That's been our experience.",
        " Would love to hear how others handle it.", " It's not easy.", " Thoughts?", " and it matters.", " at least where I work.",
        " I'd be interested in examples.", " This came up in my room too.", " So that's my reflection.", " Really important.",
        " especially since the pandemic.", " for everyone.", " I'm not sure what the answer is.", " every single time.",
        " and people notice.", " in my view.", " across our area."};
    private static final String[] NOISE = {"+1", "thanks", "Thank you!", "can you share the slides?", "👍", "👏👏", "Agree", "so true",
        "You're on mute", "Hi everyone", "Is this being recorded?", "Same here", "Great point"};

    private SynthesisSpeed() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Path shared = args.length > 1 ? Path.of(args[1]) : null;
        List<String> pool = pool(shared);
        List<Item> items = contributions(n, pool);
        System.out.printf(Locale.ROOT, "contributions=%d from a pool of %d real texts; %d distinct texts%n", n, pool.size(),
                items.stream().map(Item::text).distinct().count());

        FileEmbeddingCache cache = new FileEmbeddingCache(Path.of(System.getProperty("cairn.bench.cache", "target/synthesis-bench/speed-embeddings.bin")));
        int before = cache.size();
        Synthesiser synthesiser = new Synthesiser(Embeddings.miniLm(cache, 2));
        long t0 = System.nanoTime();
        synthesiser.suggest(items, Options.automatic());
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        int embedded = cache.size() - before;
        System.out.printf(Locale.ROOT, "first run: embedded=%d new texts (%d were cached from earlier runs), ms=%d including embedding%n",
                embedded, before, firstMs);

        t0 = System.nanoTime();
        Suggestions.Stream s = synthesiser.suggest(items, Options.automatic()).streams().get(0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "themes=%d unthemed=%d noise=%d key_phrases=%d largest_theme=%d%n", s.themes().size(),
                s.unthemed().size(), s.noise().items(), s.keyPhrases().size(), s.themes().isEmpty() ? 0 : s.themes().get(0).items());
        System.out.printf(Locale.ROOT, "contributions=%d ms=%d first_run_ms=%d embedded=%d cores=%d%n", n, ms, firstMs, embedded,
                Runtime.getRuntime().availableProcessors());
    }

    static List<Item> contributions(int n, List<String> pool) {
        SplittableRandom random = new SplittableRandom(2026);
        List<Item> items = new ArrayList<>(n);
        int people = Math.max(1, n / 3);
        for (int i = 0; i < n; i++) {
            String text;
            double r = random.nextDouble();
            if (r < 0.07) text = NOISE[random.nextInt(NOISE.length)];
            else if (r < 0.12 && !items.isEmpty()) text = items.get(random.nextInt(items.size())).text();
            else if (i < pool.size()) text = pool.get(i);
            else text = OPENINGS[random.nextInt(OPENINGS.length)] + pool.get(random.nextInt(pool.size())) + ENDINGS[random.nextInt(ENDINGS.length)];
            items.add(new Item("c" + i, "person" + random.nextInt(people), text, "chat"));
        }
        return items;
    }

    static List<String> pool(Path shared) {
        List<String> pool = new ArrayList<>(LabelledSet.resource("synthesis/leadership-conversations.csv").texts());
        pool.addAll(LabelledSet.resource("synthesis/banking77-subset.csv").texts());
        if (shared == null || !Files.isDirectory(shared.resolve("datasets"))) {
            System.out.println("shared datasets not found: using only the sets copied into the project");
            return pool;
        }
        Path banking = shared.resolve("datasets/banking77/test.csv");
        if (Files.exists(banking)) pool.addAll(LabelledSet.read(banking).texts());
        try (var dirs = Files.list(shared.resolve("datasets/polis"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path comments = dir.resolve("comments.csv");
                if (!Files.exists(comments)) continue;
                try (Reader in = Files.newBufferedReader(comments)) {
                    for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                        if (!"-1".equals(r.get("moderated"))) pool.add(r.get("comment-body"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pool.stream().distinct().toList();
    }
}
