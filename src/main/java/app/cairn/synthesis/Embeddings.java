package app.cairn.synthesis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Embeds texts through a cache keyed by the hash of the model and the text, so each distinct text
 * is embedded once however often it is said or re-synthesised. Missing texts are embedded on a few
 * threads; the result does not depend on the number of threads.
 */
public final class Embeddings {
    private final TextEmbedder embedder;
    private final EmbeddingCache cache;
    private final int threads;

    public Embeddings(TextEmbedder embedder, EmbeddingCache cache, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.embedder = embedder;
        this.cache = cache;
        this.threads = threads;
    }

    /** The built-in MiniLM model with an in-memory cache, on up to two threads. */
    public static Embeddings miniLm() {
        return new Embeddings(SharedModel.INSTANCE, new InMemoryEmbeddingCache(), Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** The built-in MiniLM model (loaded once per process) with the given cache. */
    public static Embeddings miniLm(EmbeddingCache cache, int threads) {
        return new Embeddings(SharedModel.INSTANCE, cache, threads);
    }

    private static final class SharedModel {
        static final MiniLmEmbedder INSTANCE = MiniLmEmbedder.load();
    }

    public String modelId() {
        return embedder.modelId();
    }

    /** The cache key of a text: SHA-256 of the model id and the text, in hex. */
    public String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(embedder.modelId().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One unit vector per text, in order. */
    public float[][] of(List<String> texts) {
        Map<String, String> textByKey = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(texts.size());
        for (String text : texts) {
            String key = key(text);
            keys.add(key);
            textByKey.putIfAbsent(key, text);
        }
        Map<String, float[]> found = new LinkedHashMap<>(cache.getAll(textByKey.keySet()));
        List<String> missing = new ArrayList<>();
        for (String key : textByKey.keySet()) if (!found.containsKey(key)) missing.add(key);
        if (!missing.isEmpty()) {
            Map<String, float[]> made = embed(missing, textByKey);
            cache.putAll(made);
            found.putAll(made);
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) out[i] = found.get(keys.get(i));
        return out;
    }

    private Map<String, float[]> embed(List<String> keys, Map<String, String> textByKey) {
        Map<String, float[]> made = new LinkedHashMap<>();
        if (threads == 1 || keys.size() < 8) {
            for (String key : keys) made.put(key, embedder.embed(textByKey.get(key)));
            return made;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cairn-embed");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<float[]>> futures = new ArrayList<>(keys.size());
            for (String key : keys) futures.add(pool.submit(() -> embedder.embed(textByKey.get(key))));
            for (int i = 0; i < keys.size(); i++) made.put(keys.get(i), futures.get(i).get());
            return made;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Embedding failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
