package app.cairn.synthesis.bench;

import app.cairn.synthesis.EmbeddingCache;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An embedding cache in a file under target/, so benchmarks embed each text once across runs. */
public final class FileEmbeddingCache implements EmbeddingCache {
    private final Path file;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    public FileEmbeddingCache(Path file) {
        this.file = file;
        if (!Files.exists(file)) return;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                String key;
                try {
                    key = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                float[] v = new float[in.readInt()];
                for (int i = 0; i < v.length; i++) v[i] = in.readFloat();
                vectors.put(key, v);
            }
        } catch (EOFException torn) {
            // A run stopped while writing: keep what was read whole.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    public int size() {
        return vectors.size();
    }

    @Override
    public float[] get(String key) {
        return vectors.get(key);
    }

    @Override
    public void put(String key, float[] vector) {
        putAll(Map.of(key, vector));
    }

    @Override
    public synchronized void putAll(Map<String, float[]> made) {
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16))) {
                for (var e : made.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        vectors.putAll(made);
    }
}
