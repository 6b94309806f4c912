package app.cairn.synthesis;

import java.util.concurrent.ConcurrentHashMap;

/** An embedding cache held in memory for the life of the process (the default). */
public final class InMemoryEmbeddingCache implements EmbeddingCache {
    private final ConcurrentHashMap<String, float[]> vectors = new ConcurrentHashMap<>();

    @Override
    public float[] get(String key) {
        return vectors.get(key);
    }

    @Override
    public void put(String key, float[] vector) {
        vectors.put(key, vector);
    }

    public int size() {
        return vectors.size();
    }
}
