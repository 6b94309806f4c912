package app.cairn.synthesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer in plain Java, read from a Hugging Face tokenizer.json. It
 * gives the same ids as the Rust tokenizer for this model (checked in its test) without a native
 * library, so embedding runs on any platform the JVM and ONNX Runtime run on.
 */
final class WordPieceTokenizer {
    private static final int MAX_CHARS_PER_WORD = 100;
    private final Map<String, Integer> vocab;
    private final int unknownId;
    final int clsId;
    final int sepId;

    private WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = vocab;
        this.unknownId = require(vocab, "[UNK]");
        this.clsId = require(vocab, "[CLS]");
        this.sepId = require(vocab, "[SEP]");
    }

    static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
        JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IOException("Expected a WordPiece tokenizer, found " + model.path("type"));
        }
        Map<String, Integer> vocab = new HashMap<>();
        model.path("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        return new WordPieceTokenizer(vocab);
    }

    private static int require(Map<String, Integer> vocab, String token) {
        Integer id = vocab.get(token);
        if (id == null) throw new IllegalStateException("Tokenizer has no " + token + " token");
        return id;
    }

    /** Word-piece ids of the text, without [CLS] and [SEP]. */
    int[] ids(String text) {
        List<Integer> out = new ArrayList<>();
        for (String word : words(normalise(text))) pieces(word, out);
        int[] ids = new int[out.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = out.get(i);
        return ids;
    }

    /** BertNormalizer: clean control characters, space out CJK ideographs, strip accents, lowercase. */
    static String normalise(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) return;
            if (isWhitespace(cp)) cleaned.append(' ');
            else if (isCjk(cp)) cleaned.append(' ').appendCodePoint(cp).append(' ');
            else cleaned.appendCodePoint(cp);
        });
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.NON_SPACING_MARK) return;
            if (cp == 0x130) out.append("i\u0307"); // the one code point whose lowercase is two
            else out.appendCodePoint(Character.toLowerCase(cp));
        });
        return out.toString();
    }

    /** BertPreTokenizer: split on whitespace, and keep each punctuation mark as a word of its own. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (isWhitespace(cp)) {
                flush(word, words);
            } else if (isPunctuation(cp)) {
                flush(word, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        });
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) words.add(word.toString());
        word.setLength(0);
    }

    /** Greedy longest-match-first word pieces; a word that cannot be split is one [UNK]. */
    private void pieces(String word, List<Integer> out) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > MAX_CHARS_PER_WORD) {
            out.add(unknownId);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            Integer match = null;
            int end = cps.length;
            for (; end > start; end--) {
                String piece = new String(cps, start, end - start);
                match = vocab.get(start > 0 ? "##" + piece : piece);
                if (match != null) break;
            }
            if (match == null) {
                out.add(unknownId);
                return;
            }
            found.add(match);
            start = end;
        }
        out.addAll(found);
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') return false;
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** Unicode White_Space, as Rust's char::is_whitespace (wider than Character.isWhitespace). */
    private static boolean isWhitespace(int cp) {
        return (cp >= 0x9 && cp <= 0xD) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    private static boolean isPunctuation(int cp) {
        if (cp < 128) return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126);
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
