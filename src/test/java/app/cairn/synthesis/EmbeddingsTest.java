package app.cairn.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {
    /** Counts what reaches the model. */
    static final class Counting implements TextEmbedder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String modelId() {
            return "counting";
        }

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            return Vectors.unit(new float[] {text.length(), 1});
        }
    }

    @Test
    void each_distinct_text_is_embedded_once_across_calls() {
        Counting model = new Counting();
        InMemoryEmbeddingCache cache = new InMemoryEmbeddingCache();
        Embeddings embeddings = new Embeddings(model, cache, 2);
        List<String> texts = List.of("a", "bb", "a", "ccc", "bb", "dddd", "e", "ff", "ggg", "a");
        float[][] first = embeddings.of(texts);
        assertThat(model.calls).hasValue(7);
        float[][] again = embeddings.of(texts);
        assertThat(model.calls).hasValue(7);
        assertThat(again).isDeepEqualTo(first);
        assertThat(cache.size()).isEqualTo(7);
        assertThat(first[0]).isSameAs(first[2]);
    }

    @Test
    void keys_depend_on_the_model_and_the_text() {
        Embeddings a = new Embeddings(new Counting(), new InMemoryEmbeddingCache(), 1);
        assertThat(a.key("x")).hasSize(64).isNotEqualTo(a.key("y")).isEqualTo(a.key("x"));
        assertThat(Embeddings.miniLm().key("x")).isNotEqualTo(a.key("x"));
    }
}
