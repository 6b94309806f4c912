package app.cairn.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
    static final List<String> TEXTS = List.of(
            "Staff are exhausted after the winter pressures.",
            "How do I locate my card?",
            "Can you share the slides?",
            "+1 👍🏽👍",
            "👩‍⚕️❤️",
            "Café naïve résumé — ÀÉÎÕÜ İstanbul ΣΊΣΥΦΟΣ",
            "Les aidants familiaux ont besoin de répit.",
            "Die Wartelisten werden immer länger.",
            "等待名单太长了，我们需要更多的护士。",
            "待機リストが長すぎます",
            "대기자 명단이 너무 깁니다",
            "قوائم الانتظار طويلة جدا",
            "Списки ожидания слишком длинные",
            "प्रतीक्षा सूची बहुत लंबी है",
            "tabs\tand\nnew lines\r\nand\u00a0non-breaking\u2003spaces\u200bzero-width",
            "supercalifragilisticexpialidocious antidisestablishmentarianism",
            "a".repeat(150) + " word",
            "$100 <= 5^2 | ~tilde `tick` @at #hash [brackets] {braces}",
            "");

    static final MiniLmEmbedder OURS = MiniLmEmbedder.load();

    @Test
    void the_java_tokenizer_gives_the_same_ids_as_the_rust_tokenizer() throws Exception {
        WordPieceTokenizer ours;
        HuggingFaceTokenizer reference;
        try (InputStream a = open(); InputStream b = open()) {
            ours = WordPieceTokenizer.read(a);
            reference = HuggingFaceTokenizer.newInstance(b, Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
        }
        List<String> texts = new ArrayList<>(TEXTS);
        texts.addAll(SynthesisFixtures.texts("synthesis/leadership-conversations.csv"));
        texts.addAll(SynthesisFixtures.texts("synthesis/banking77-subset.csv"));
        for (String text : texts) {
            long[] expected = reference.encode(text).getIds();
            int[] actual = ours.ids(text);
            assertThat(Arrays.stream(actual).asLongStream().toArray()).as(text).containsExactly(expected);
        }
    }

    @Test
    void embeddings_match_the_reference_implementation() {
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : TEXTS) {
            if (text.isEmpty()) continue;
            float[] expected = reference.embed(text).content().vector();
            assertThat((double) Vectors.dot(expected, OURS.embed(text))).as(text).isGreaterThan(0.9999);
        }
    }

    @Test
    void similar_sentences_are_closer_than_unrelated_ones() {
        float[] a = OURS.embed("Our staff are burnt out and exhausted");
        float[] b = OURS.embed("People in my team are completely worn out");
        float[] c = OURS.embed("The waiting list for hip operations is two years");
        assertThat(Vectors.dot(a, b)).isGreaterThan(Vectors.dot(a, c) + 0.2f);
    }

    @Test
    void a_ten_thousand_character_message_is_embedded_window_by_window() {
        String longText = "Unpaid carers need respite and recognition. ".repeat(230);
        assertThat(longText.length()).isGreaterThan(10_000);
        float[] v = OURS.embed(longText);
        assertThat(Vectors.norm(v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        float same = Vectors.dot(v, OURS.embed("Family carers need a break"));
        float other = Vectors.dot(v, OURS.embed("The new laptops take fifteen minutes to start"));
        assertThat(same).isGreaterThan(other + 0.2f);
    }

    @Test
    void the_same_text_gives_the_same_vector() {
        assertThat(OURS.embed("Waiting lists keep growing")).containsExactly(OURS.embed("Waiting lists keep growing"));
    }

    private static InputStream open() {
        return MiniLmEmbedderTest.class.getClassLoader().getResourceAsStream(MiniLmEmbedder.TOKENIZER);
    }
}
