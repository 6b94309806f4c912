package app.cairn.synthesis.bench;

import app.cairn.synthesis.Embeddings;
import app.cairn.synthesis.Options;
import app.cairn.synthesis.Suggestions;
import app.cairn.synthesis.Synthesiser;
import java.nio.file.Path;
import java.util.Locale;

/** Prints the suggestions for a CSV of texts (column `text`), to read them as a facilitator would. */
public final class ShowSuggestions {
    private ShowSuggestions() {}

    public static void main(String[] args) {
        LabelledSet set = LabelledSet.read(Path.of(args[0]));
        Options options = Options.automatic();
        if (args.length > 1) options = options.withGranularity(Options.Granularity.valueOf(args[1]));
        Synthesiser synthesiser = new Synthesiser(Embeddings.miniLm(new FileEmbeddingCache(Path.of("target/synthesis-bench/embeddings.bin")), 2));
        Suggestions.Stream s = synthesiser.suggest(Predictions.items(set.texts()), options).streams().get(0);
        System.out.printf(Locale.ROOT, "%d items from %d people; %d themes; %d unthemed; noise %d %s%n", s.items(), s.people(),
                s.themes().size(), s.unthemed().size(), s.noise().items(), s.noise().byKind());
        for (Suggestions.Theme t : s.themes()) {
            System.out.printf(Locale.ROOT, "%n## %s  (%d items, %d people)  phrases: %s%n", t.label(), t.items(), t.people(), t.phrases());
            for (Suggestions.Quote q : t.quotes()) System.out.printf("   \"%s\"%s%n", q.text(), q.items() > 1 ? " x" + q.items() : "");
            for (Suggestions.Member m : t.members()) {
                System.out.printf(Locale.ROOT, "     - [%s] %.2f %s %s%n", set.labels().get(Integer.parseInt(m.itemId())), m.reason().similarity(),
                        m.text().length() > 90 ? m.text().substring(0, 90) + "..." : m.text(), m.reason().sharedPhrases());
            }
        }
        System.out.println("\nKey phrases:");
        for (Suggestions.KeyPhrase k : s.keyPhrases()) System.out.printf("  %s (%d people)%n", k.phrase(), k.people());
        System.out.println("\nNoise: " + s.noise().messages().stream().map(n -> n.text() + " x" + n.items()).toList());
        System.out.println("Unthemed: " + s.unthemed().stream().map(Suggestions.Member::text).toList());
    }
}
