package app.cairn.synthesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The phrases in a text: word n-grams (shingles) of one to four words that neither start nor end
 * with a stop word and do not cross punctuation, found with Lucene's Unicode word breaking. Each
 * phrase has a key (lower case, plurals folded: "unpaid carers" and "Unpaid carer" meet) and the
 * words exactly as the person wrote them, which is what labels show.
 */
final class Phrases {
    /** One phrase in one text. */
    record Phrase(String key, String surface, int words) {}

    /** A text's words (stems, where each starts and ends, stop words, clause) and its phrases. */
    record Analysis(String text, String[] stems, int[] starts, int[] ends, boolean[] stops, int[] clauses, List<Phrase> phrases) {
        /** Index of the first word where these stems occur in a row, or -1. */
        int find(String[] words) {
            outer:
            for (int i = 0; i + words.length <= stems.length; i++) {
                for (int k = 0; k < words.length; k++) {
                    if (!stems[i + k].equals(words[k]) || clauses[i + k] != clauses[i]) continue outer;
                }
                return i;
            }
            return -1;
        }
    }

    static final int MAX_WORDS = 4;
    private static final CharArraySet STOP = stopWords();
    /**
     * Common verbs that make phrases of clause fragments ("care means people"): no phrase holds one,
     * though a phrase shown whole ("unpaid carers need proper respite") may.
     */
    private static final Set<String> WEAK_EDGE = Set.of("mean", "means", "meant", "use", "used", "using", "make", "made",
            "making", "take", "took", "taken", "taking", "give", "gave", "given", "come", "came", "want", "wanted", "need",
            "needed", "feel", "felt", "keep", "kept", "put", "seem", "seemed", "try", "tried", "let", "help", "helped",
            "start", "started", "talk", "talked", "become", "became", "show", "shows", "showed");
    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new EnglishPossessiveFilter(s);
            s = new EnglishMinimalStemFilter(s);
            return new TokenStreamComponents(source, s);
        }
    };

    private Phrases() {}

    private record Token(String stem, int start, int end, boolean stop, boolean letters) {}

    /** The distinct phrases of a text, by key, each with its first surface form. */
    static List<Phrase> of(String text) {
        return analyse(text).phrases();
    }

    static Analysis analyse(String text) {
        List<Token> tokens = tokens(text);
        int n = tokens.size();
        String[] stems = new String[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean[] stops = new boolean[n];
        int[] clauses = new int[n];
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            stems[i] = t.stem();
            starts[i] = t.start();
            ends[i] = t.end();
            stops[i] = t.stop() || WEAK_EDGE.contains(t.stem());
            clauses[i] = i == 0 ? 0 : clauses[i - 1] + (breakBetween(text, tokens.get(i - 1), t) ? 1 : 0);
        }
        return new Analysis(text, stems, starts, ends, stops, clauses, phrases(text, tokens));
    }

    private static List<Phrase> phrases(String text, List<Token> tokens) {
        Map<String, Phrase> out = new LinkedHashMap<>();
        for (int s = 0; s < tokens.size(); s++) {
            Token first = tokens.get(s);
            if (first.stop() || !first.letters() || WEAK_EDGE.contains(first.stem())) continue;
            StringBuilder key = new StringBuilder();
            int stops = 0;
            for (int n = 1; n <= MAX_WORDS && s + n <= tokens.size(); n++) {
                Token last = tokens.get(s + n - 1);
                if (n > 1 && breakBetween(text, tokens.get(s + n - 2), last)) break;
                if (n > 1) key.append(' ');
                key.append(last.stem());
                if (last.stop()) stops++;
                if (WEAK_EDGE.contains(last.stem())) break;
                if (stops > 1 || last.stop()) continue;
                if (n == 1 && last.stem().codePointCount(0, last.stem().length()) < 3) continue;
                String k = key.toString();
                out.putIfAbsent(k, new Phrase(k, text.substring(first.start(), last.end()), n));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String surface = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                String stem = term.toString().replace('\u2019', '\'');
                boolean stop = STOP.contains(surface) || STOP.contains(stem);
                tokens.add(new Token(stem, offset.startOffset(), offset.endOffset(), stop, Texts.hasLetter(stem)));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from a string cannot fail", e);
        }
        return tokens;
    }

    /** Punctuation between two words ends a phrase: "workload, rest areas" has no phrase "workload rest". */
    private static boolean breakBetween(String text, Token a, Token b) {
        for (int i = a.end(); i < b.start(); i++) {
            char c = text.charAt(i);
            if (".,;:!?()[]{}\"\u201C\u201D\u2026\u2014\u2013|/\n".indexOf(c) >= 0) return true;
            if (c == '-' && i > a.end() && i + 1 < b.start()) return true; // a spaced dash
        }
        return false;
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        set.addAll(List.of(
                "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "he", "him",
                "his", "she", "her", "hers", "they", "them", "their", "theirs", "it", "its", "itself", "one", "ones",
                "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did",
                "doing", "done", "can", "could", "would", "should", "shall", "may", "might", "must", "will", "wo",
                "this", "that", "these", "those", "some", "any", "all", "each", "every", "no", "other", "others", "another",
                "such", "more", "most", "much", "many", "few", "lot", "lots", "own", "same", "both", "either", "neither",
                "of", "in", "on", "at", "by", "for", "with", "about", "from", "to", "into", "onto", "over", "under", "between",
                "through", "up", "down", "out", "off", "than", "as", "like", "after", "before", "during", "without", "within",
                "across", "around", "against", "per", "via", "and", "or", "but", "so", "if", "then", "because", "when",
                "while", "where", "how", "what", "which", "who", "whom", "whose", "why", "there", "here", "not", "very",
                "really", "just", "also", "only", "even", "still", "too", "quite", "always", "never", "often", "again",
                "now", "yet", "already", "well", "maybe", "perhaps", "actually", "get", "gets", "got", "getting", "go",
                "goes", "going", "gone", "think", "know", "say", "says", "said", "see", "thing", "things", "yes", "ok",
                "okay", "don't", "can't", "won't", "isn't", "aren't", "doesn't", "didn't", "i'm", "i've", "i'd", "i'll",
                "we're", "we've", "we'd", "we'll", "they're", "they've", "you're", "you've", "it's", "that's", "there's",
                "let's", "etc", "e.g", "i.e", "re", "s", "t", "d", "ll", "ve", "m"));
        return CharArraySet.unmodifiableSet(set);
    }
}
