package app.cairn.synthesis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts phrases by the distinct people (and contributions) that used them, over any subset of a
 * stream's texts. Phrases and people are numbered once, so counting scales to large streams.
 */
final class PhraseStats {
    private final Map<String, Integer> idOfKey = new HashMap<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> padded = new ArrayList<>();
    private final List<Integer> wordCount = new ArrayList<>();
    /** Per text: its phrase ids and surface forms, in order. */
    final int[][] phrasesOf;
    final String[][] surfacesOf;
    private final List<Phrases.Analysis> analyses;

    PhraseStats(List<Phrases.Analysis> perText) {
        analyses = perText;
        phrasesOf = new int[perText.size()][];
        surfacesOf = new String[perText.size()][];
        for (int t = 0; t < perText.size(); t++) {
            List<Phrases.Phrase> ps = perText.get(t).phrases();
            int[] ids = new int[ps.size()];
            String[] surfaces = new String[ps.size()];
            for (int i = 0; i < ids.length; i++) {
                Phrases.Phrase p = ps.get(i);
                ids[i] = idOfKey.computeIfAbsent(p.key(), k -> {
                    keys.add(k);
                    padded.add(" " + k + " ");
                    wordCount.add(p.words());
                    return keys.size() - 1;
                });
                surfaces[i] = p.surface();
            }
            phrasesOf[t] = ids;
            surfacesOf[t] = surfaces;
        }
    }

    String key(int phrase) {
        return keys.get(phrase);
    }

    int words(int phrase) {
        return wordCount.get(phrase);
    }

    int size() {
        return keys.size();
    }

    /** Phrase use counted over some texts. */
    record Count(int phrase, int people, int items, int texts) {}

    /**
     * How many distinct people and items used each phrase among the given texts, for phrases used
     * in at least {@code minTexts} of them.
     *
     * @param people   person ids of each text (all texts of the stream)
     * @param items    how many items each text stands for
     */
    Map<Integer, Count> count(int[] texts, int[][] people, int[] items, int minTexts) {
        Map<Integer, Integer> textCount = new HashMap<>();
        for (int t : texts) for (int p : phrasesOf[t]) textCount.merge(p, 1, Integer::sum);
        int pairs = 0;
        for (int t : texts) for (int p : phrasesOf[t]) if (textCount.get(p) >= minTexts) pairs += people[t].length;
        long[] personPairs = new long[pairs];
        Map<Integer, Integer> itemCount = new HashMap<>();
        int k = 0;
        for (int t : texts) {
            for (int p : phrasesOf[t]) {
                if (textCount.get(p) < minTexts) continue;
                itemCount.merge(p, items[t], Integer::sum);
                for (int person : people[t]) personPairs[k++] = ((long) p << 32) | person;
            }
        }
        Arrays.sort(personPairs);
        Map<Integer, Integer> peopleCount = new HashMap<>();
        for (int i = 0; i < personPairs.length; i++) {
            if (i > 0 && personPairs[i] == personPairs[i - 1]) continue;
            peopleCount.merge((int) (personPairs[i] >>> 32), 1, Integer::sum);
        }
        Map<Integer, Count> out = new TreeMap<>();
        for (var e : peopleCount.entrySet()) {
            int p = e.getKey();
            out.put(p, new Count(p, e.getValue(), itemCount.get(p), textCount.get(p)));
        }
        return out;
    }

    /** How a phrase is shown: the words as written, and the key of the (possibly longer) phrase shown. */
    record Shown(String text, String key) {}

    /**
     * How to show each of these phrases among the given texts: the longest run of words around it
     * that all the texts using it share (up to {@code MAX_SHOWN} words), as the first of them wrote
     * it. Three people writing "short-term funding kills good projects" show that, not "funding kills".
     */
    Map<Integer, Shown> show(java.util.Collection<Integer> wanted, int[] texts) {
        Map<Integer, List<Integer>> using = new HashMap<>();
        for (int p : wanted) using.put(p, new ArrayList<>());
        for (int t : texts) {
            for (int p : phrasesOf[t]) {
                List<Integer> u = using.get(p);
                if (u != null) u.add(t);
            }
        }
        Map<Integer, Shown> out = new HashMap<>();
        for (int p : wanted) out.put(p, expand(p, using.get(p)));
        return out;
    }

    static final int MAX_SHOWN = 8;

    private Shown expand(int phrase, List<Integer> texts) {
        if (texts.isEmpty()) return new Shown(keys.get(phrase), keys.get(phrase));
        String[] words = keys.get(phrase).split(" ");
        int[] at = new int[texts.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = analyses.get(texts.get(i)).find(words);
            if (at[i] < 0) return new Shown(surface(phrase, texts.stream().mapToInt(Integer::intValue).toArray()), keys.get(phrase));
        }
        // Show it as written mid-sentence where someone did, so "Carers" at the start of a text reads "carers".
        int shownFrom = 0;
        for (int i = 0; i < at.length; i++) {
            Phrases.Analysis a = analyses.get(texts.get(i));
            if (at[i] > 0 && a.clauses()[at[i] - 1] == a.clauses()[at[i]]) {
                shownFrom = i;
                break;
            }
        }
        if (shownFrom > 0) {
            texts = new ArrayList<>(texts);
            java.util.Collections.swap(texts, 0, shownFrom);
            int t = at[0];
            at[0] = at[shownFrom];
            at[shownFrom] = t;
        }
        Phrases.Analysis first = analyses.get(texts.get(0));
        int left = 0;
        int right = 0;
        boolean grew = true;
        while (grew && words.length + left + right < MAX_SHOWN) {
            grew = false;
            if (sharedAt(texts, at, -(left + 1), words.length)) {
                left++;
                grew = true;
            }
            if (words.length + left + right < MAX_SHOWN && sharedAt(texts, at, words.length + right, words.length)) {
                right++;
                grew = true;
            }
        }
        int from = at[0] - left;
        int to = at[0] + words.length - 1 + right;
        while (from < at[0] && first.stops()[from]) from++;
        while (to > at[0] + words.length - 1 && first.stops()[to]) to--;
        StringBuilder key = new StringBuilder();
        for (int i = from; i <= to; i++) key.append(i > from ? " " : "").append(first.stems()[i]);
        return new Shown(first.text().substring(first.starts()[from], first.ends()[to]), key.toString());
    }

    /** True if every text has the same word, in the same clause as the phrase, at this offset from it. */
    private boolean sharedAt(List<Integer> texts, int[] at, int offset, int length) {
        String word = null;
        for (int i = 0; i < at.length; i++) {
            Phrases.Analysis a = analyses.get(texts.get(i));
            int k = at[i] + offset;
            if (k < 0 || k >= a.stems().length || a.clauses()[k] != a.clauses()[at[i]]) return false;
            if (offset >= length && a.clauses()[k] != a.clauses()[at[i] + length - 1]) return false;
            if (word == null) word = a.stems()[k];
            else if (!word.equals(a.stems()[k])) return false;
        }
        return true;
    }

    /** The form of a phrase most often written among the given texts (the first such on ties). */
    String surface(int phrase, int[] texts) {
        Map<String, Integer> forms = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (int t : texts) {
            for (int i = 0; i < phrasesOf[t].length; i++) {
                if (phrasesOf[t][i] != phrase) continue;
                int c = forms.merge(surfacesOf[t][i], 1, Integer::sum);
                if (c > bestCount || (c == bestCount && surfacesOf[t][i].compareTo(best) < 0)) {
                    best = surfacesOf[t][i];
                    bestCount = c;
                }
            }
        }
        return best == null ? keys.get(phrase) : best;
    }

    /**
     * The phrases in order (most people first, then longest), without any that only ever appear
     * inside a longer phrase used by as many people; at most {@code limit}.
     */
    List<Count> distinct(List<Count> sorted, int limit) {
        List<Count> out = new ArrayList<>();
        for (int i = 0; i < sorted.size() && out.size() < limit; i++) {
            Count x = sorted.get(i);
            boolean inside = false;
            for (int j = 0; j < i && !inside; j++) inside = sorted.get(j).people() >= x.people() && within(x.phrase(), sorted.get(j).phrase());
            if (!inside) out.add(x);
        }
        return out;
    }

    Comparator<Count> byPeopleThenLength() {
        return Comparator.comparingInt((Count x) -> -x.people()).thenComparingInt(x -> -words(x.phrase())).thenComparing(x -> key(x.phrase()));
    }

    boolean contains(int text, int phrase) {
        for (int p : phrasesOf[text]) if (p == phrase) return true;
        return false;
    }

    /** True if every word of {@code shorter} appears, in order and together, inside {@code longer}. */
    boolean within(int shorter, int longer) {
        return shorter != longer && wordCount.get(longer) > wordCount.get(shorter) && padded.get(longer).contains(padded.get(shorter));
    }
}
