package app.cairn.synthesis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests themes, quotes and key phrases from what people said, per stream, entirely in-process:
 * meaning from a small sentence-embedding model, phrases from Lucene's analyzers. The same input
 * always gives the same output. Share one instance: it holds the model and the embedding cache.
 *
 * <pre>{@code
 * Synthesiser synthesiser = Synthesiser.withBuiltInModel();
 * Suggestions s = synthesiser.suggest(items, Options.automatic());
 * }</pre>
 */
public final class Synthesiser {
    private final Embeddings embeddings;

    public Synthesiser(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** The bundled MiniLM model with an in-memory embedding cache. */
    public static Synthesiser withBuiltInModel() {
        return new Synthesiser(Embeddings.miniLm());
    }

    /** The bundled MiniLM model with the given cache (for example one that persists embeddings). */
    public static Synthesiser withBuiltInModel(EmbeddingCache cache) {
        return new Synthesiser(Embeddings.miniLm(cache, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    public Embeddings embeddings() {
        return embeddings;
    }

    /**
     * Embeds ahead of time what {@link #suggest} will embed for these contributions (noise is
     * skipped, framing stripped), so later suggestions find them in the cache. Returns how many
     * texts were looked up or embedded.
     */
    public int warm(List<String> texts) {
        List<String> meaning = new ArrayList<>();
        for (String text : texts) {
            String cleaned = Texts.clean(text);
            if (cleaned.isEmpty() || Noise.classify(cleaned) != null) continue;
            meaning.add(Texts.withoutFraming(cleaned));
        }
        if (!meaning.isEmpty()) embeddings.of(meaning);
        return meaning.size();
    }

    /** Suggestions for each stream of the items, streams in order of their first item. */
    public Suggestions suggest(List<Item> items, Options options) {
        Map<String, List<Item>> byStream = new LinkedHashMap<>();
        for (Item item : items) byStream.computeIfAbsent(item.stream(), s -> new ArrayList<>()).add(item);
        StreamSynthesis synthesis = new StreamSynthesis(embeddings, options == null ? Options.automatic() : options);
        List<Suggestions.Stream> streams = new ArrayList<>();
        for (var e : byStream.entrySet()) streams.add(synthesis.run(e.getKey(), e.getValue()));
        return new Suggestions(embeddings.modelId(), streams);
    }
}
