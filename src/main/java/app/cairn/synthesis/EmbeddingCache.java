package app.cairn.synthesis;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps embeddings by the hash of their text, so each text is embedded once. A later feature can
 * persist them as contributions arrive; {@link InMemoryEmbeddingCache} keeps them in memory.
 */
public interface EmbeddingCache {
    /** The vector stored under this key, or null. */
    float[] get(String key);

    void put(String key, float[] vector);

    /** The vectors stored under these keys (missing keys are left out); override to read in bulk. */
    default Map<String, float[]> getAll(Collection<String> keys) {
        Map<String, float[]> found = new LinkedHashMap<>();
        for (String key : keys) {
            float[] v = get(key);
            if (v != null) found.put(key, v);
        }
        return found;
    }

    /** Stores many vectors; override to write in bulk. */
    default void putAll(Map<String, float[]> vectors) {
        vectors.forEach(this::put);
    }
}
