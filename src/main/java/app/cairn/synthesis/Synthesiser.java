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
