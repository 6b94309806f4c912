package app.cairn.themes;

import app.cairn.store.Database;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark of the persistent embedding cache (bench/themes-cache N): writes N 384-float vectors
 * in the worker's batches, then reads them all back as synthesis does, from a cold and a warm
 * store. On H2 in a temporary folder, or on PostgreSQL when CAIRN_TEST_DATABASE_URL is set.
 */
public final class EmbeddingCacheSpeed {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String url = System.getenv("CAIRN_TEST_DATABASE_URL");
        String schema = "themes_cache_bench_" + Long.toHexString(System.nanoTime());
        boolean postgres = url != null && !url.isBlank();
        Database db = postgres ? Database.open(url, null, null, schema)
                : Database.open(Database.h2Url(Files.createTempDirectory("cairn-cache-bench")), "sa", "", null);
        try (db) {
            run(db, n);
        } finally {
            if (postgres) {
                try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void run(Database db, int n) {
        {
            Random random = new Random(1);
            List<String> keys = new ArrayList<>();
            Map<String, float[]> vectors = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                float[] v = new float[384];
                for (int d = 0; d < v.length; d++) v[d] = (float) random.nextGaussian();
                String key = String.format("%064x", i);
                keys.add(key);
                vectors.put(key, v);
            }
            EmbeddingStore writer = new EmbeddingStore(db.jdbi(), () -> "bench", Clock.systemUTC());
            long t0 = System.nanoTime();
            Map<String, float[]> batch = new LinkedHashMap<>();
            for (var e : vectors.entrySet()) {
                batch.put(e.getKey(), e.getValue());
                if (batch.size() == EmbeddingWorker.BATCH) {
                    writer.putAll(batch);
                    batch.clear();
                }
            }
            writer.putAll(batch);
            long write = (System.nanoTime() - t0) / 1_000_000;
            EmbeddingStore reader = new EmbeddingStore(db.jdbi(), () -> "bench", Clock.systemUTC());
            long t1 = System.nanoTime();
            int cold = reader.getAll(keys).size();
            long coldMs = (System.nanoTime() - t1) / 1_000_000;
            long t2 = System.nanoTime();
            int warm = reader.getAll(keys).size();
            long warmMs = (System.nanoTime() - t2) / 1_000_000;
            if (cold != n || warm != n) {
                throw new IllegalStateException("read back " + cold + " and " + warm + " of " + n);
            }
            System.out.println("vectors=" + n + " write_ms=" + write + " cold_read_ms=" + coldMs + " warm_read_ms=" + warmMs
                    + " vendor=" + db.vendor().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
