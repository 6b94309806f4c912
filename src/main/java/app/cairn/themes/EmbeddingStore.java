package app.cairn.themes;

import app.cairn.store.Db;
import app.cairn.synthesis.EmbeddingCache;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Embeddings kept in the database (decision 15), with the most recently used held in memory so a
 * stream re-synthesised every few seconds reads nothing from the database twice. Also records how
 * far the embedding worker has read each event's log.
 */
final class EmbeddingStore implements EmbeddingCache {
    /** Vectors held in memory: 20,000 x 384 floats is about 31 MB. */
    static final int MEMORY = 20_000;
    private static final int CHUNK = 500;

    private final Jdbi jdbi;
    /** The model's id, asked only when vectors are written (so the model has loaded by then). */
    private final java.util.function.Supplier<String> model;
    private final Clock clock;
    private final Map<String, float[]> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > MEMORY;
        }
    };

    EmbeddingStore(Jdbi jdbi, java.util.function.Supplier<String> model, Clock clock) {
        this.jdbi = jdbi;
        this.model = model;
        this.clock = clock;
    }

    @Override
    public float[] get(String key) {
        return getAll(List.of(key)).get(key);
    }

    @Override
    public void put(String key, float[] vector) {
        putAll(Map.of(key, vector));
    }

    @Override
    public Map<String, float[]> getAll(Collection<String> keys) {
        Map<String, float[]> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (recent) {
            for (String key : keys) {
                float[] v = recent.get(key);
                if (v != null) found.put(key, v);
                else missing.add(key);
            }
        }
        for (int from = 0; from < missing.size(); from += CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
            Map<String, float[]> read = jdbi.withHandle(h -> {
                Map<String, float[]> out = new LinkedHashMap<>();
                h.createQuery("SELECT cache_key, vector FROM theme_embeddings WHERE cache_key IN (<keys>)")
                        .bindList("keys", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), decode(rs.getBytes(2))))
                        .forEach(e -> out.put(e.getKey(), e.getValue()));
                return out;
            });
            found.putAll(read);
            remember(read);
        }
        return found;
    }

    @Override
    public void putAll(Map<String, float[]> vectors) {
        if (vectors.isEmpty()) return;
        var now = Db.utc(clock.instant());
        String modelId = model.get();
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO theme_embeddings (cache_key, model, dimensions, vector, created_at)
                    VALUES (:key, :model, :dims, :vector, :now) ON CONFLICT DO NOTHING""");
            vectors.forEach((key, v) -> batch.bind("key", key).bind("model", modelId).bind("dims", v.length)
                    .bind("vector", encode(v)).bind("now", now).add());
            batch.execute();
        });
        remember(vectors);
    }

    int stored() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM theme_embeddings").mapTo(Integer.class).one());
    }

    /** The last log entry of the event the worker has embedded, or 0. */
    long progress(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq FROM theme_embedding_progress WHERE event_id = :e")
                .bind("e", eventId).mapTo(Long.class).findOne().orElse(0L));
    }

    void saveProgress(long eventId, long seq) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE theme_embedding_progress SET seq = :seq WHERE event_id = :e AND seq < :seq")
                    .bind("e", eventId).bind("seq", seq).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO theme_embedding_progress (event_id, seq) VALUES (:e, :seq) ON CONFLICT DO NOTHING")
                        .bind("e", eventId).bind("seq", seq).execute();
            }
        });
    }

    private void remember(Map<String, float[]> vectors) {
        synchronized (recent) {
            recent.putAll(vectors);
        }
    }

    static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    static float[] decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }
}
