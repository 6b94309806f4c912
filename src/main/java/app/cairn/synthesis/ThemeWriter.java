package app.cairn.synthesis;

import app.cairn.synthesis.Suggestions.Member;
import app.cairn.synthesis.Suggestions.Quote;
import app.cairn.synthesis.Suggestions.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes up one theme: its label (the phrase its members share most, and share more than the rest
 * of the stream), its quotes (central, readable and unlike each other), its shared phrases, and
 * each member's reason for being there.
 */
final class ThemeWriter {
    private static final int MAX_THEME_PHRASES = 5;
    /** Label candidates: the phrases most of the theme's people used. */
    private static final int MAX_LABEL_CANDIDATES = 200;
    /** Phrases looked for in each member to say why it is here. */
    private static final int MAX_REASON_PHRASES = 20;
    /** Quotes more similar than this say the same thing; pick another. */
    private static final double SAME_QUOTE = 0.85;

    private final StreamTexts texts;
    private final PhraseStats phrases;
    private final Map<Integer, PhraseStats.Count> streamCounts;

    ThemeWriter(StreamTexts texts, PhraseStats phrases, Map<Integer, PhraseStats.Count> streamCounts) {
        this.texts = texts;
        this.phrases = phrases;
        this.streamCounts = streamCounts;
    }

    /** A theme's members: groups of near-duplicate texts, by index. */
    Suggestions.Theme write(List<int[]> members, String seedName, Map<Integer, String> seedMatch, int quoteCount, Set<String> usedLabels) {
        int[] all = members.stream().flatMapToInt(java.util.Arrays::stream).toArray();
        float[] centre = centre(all);
        int items = 0;
        for (int t : all) items += texts.items(t);
        int people = texts.people(all);
        Map<Integer, PhraseStats.Count> counts = phrases.count(all, texts.personIds(), texts.itemCounts(), 1);
        List<PhraseStats.Count> shared = sharedPhrases(counts, people);
        List<PhraseStats.Count> top = shared.subList(0, Math.min(MAX_REASON_PHRASES, shared.size()));
        Map<Integer, PhraseStats.Shown> shown = phrases.show(top.stream().map(PhraseStats.Count::phrase).toList(), all);
        top = withoutRepeats(top, shown);

        List<int[]> byCentrality = new ArrayList<>(members);
        double[] sim = new double[texts.size()];
        for (int t : all) sim[t] = Vectors.dot(texts.vector(t), centre);
        byCentrality.sort(Comparator.comparingDouble((int[] m) -> -sim[lead(m)]).thenComparing(m -> texts.key(lead(m))));

        List<int[]> quotes = quotes(byCentrality, sim, quoteCount);
        String label = seedName != null ? seedName : label(shared, counts, all, byCentrality, usedLabels);
        usedLabels.add(label.toLowerCase(Locale.ROOT));

        List<Quote> quoteRecords = new ArrayList<>();
        for (int[] q : quotes) quoteRecords.add(new Quote(texts.id(lead(q)), texts.text(lead(q)), items(q), texts.people(q)));
        List<String> phraseList = new ArrayList<>();
        for (PhraseStats.Count c : top) if (phraseList.size() < MAX_THEME_PHRASES) phraseList.add(shown.get(c.phrase()).text());

        List<Member> memberRecords = new ArrayList<>();
        for (int[] m : byCentrality) {
            int t = lead(m);
            List<String> closest = new ArrayList<>();
            quotes.stream().filter(q -> q != m)
                    .sorted(Comparator.comparingDouble((int[] q) -> -Vectors.dot(texts.vector(lead(q)), texts.vector(t))))
                    .limit(2).forEach(q -> closest.add(texts.id(lead(q))));
            List<String> uses = new ArrayList<>();
            for (PhraseStats.Count c : top) {
                if (uses.size() < 3 && java.util.Arrays.stream(m).anyMatch(x -> phrases.contains(x, c.phrase()))) {
                    uses.add(shown.get(c.phrase()).text());
                }
            }
            String seedExample = seedName == null ? null : seedMatch.get(t);
            memberRecords.add(member(m, new Reason(round(sim[t]), closest, uses, seedExample)));
        }
        return new Suggestions.Theme(label, seedName, items, people, quoteRecords, phraseList, memberRecords);
    }

    /** Drops phrases shown as (part of) a phrase already listed, such as two windows on one longer phrase. */
    static List<PhraseStats.Count> withoutRepeats(List<PhraseStats.Count> sorted, Map<Integer, PhraseStats.Shown> shown) {
        List<PhraseStats.Count> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (PhraseStats.Count c : sorted) {
            String key = " " + shown.get(c.phrase()).key() + " ";
            if (seen.stream().anyMatch(k -> k.contains(key))) continue;
            seen.add(key);
            out.add(c);
        }
        return out;
    }

    Member member(int[] group, Reason reason) {
        int t = lead(group);
        List<String> duplicates = new ArrayList<>();
        for (int x : group) for (String id : texts.ids(x)) if (!id.equals(texts.id(t))) duplicates.add(id);
        return new Member(texts.id(t), texts.text(t), duplicates, texts.people(group), reason);
    }

    /** The text that stands for a group of near-duplicates: the one said most often. */
    int lead(int[] group) {
        int best = group[0];
        for (int t : group) if (texts.items(t) > texts.items(best)) best = t;
        return best;
    }

    private int items(int[] group) {
        int n = 0;
        for (int t : group) n += texts.items(t);
        return n;
    }

    private float[] centre(int[] all) {
        float[] c = new float[texts.vector(all[0]).length];
        for (int t : all) Vectors.addInto(c, texts.vector(t), 1);
        return Vectors.unit(c);
    }

    /** Phrases two or more of the theme's people used (or, in a one-person theme, two texts), most people first, without those inside a longer one used as widely. */
    private List<PhraseStats.Count> sharedPhrases(Map<Integer, PhraseStats.Count> counts, int people) {
        List<PhraseStats.Count> c = new ArrayList<>();
        for (PhraseStats.Count x : counts.values()) if (x.people() >= 2 || (people < 2 && x.texts() >= 2)) c.add(x);
        c.sort(phrases.byPeopleThenLength());
        return phrases.distinct(c, MAX_LABEL_CANDIDATES);
    }

    /**
     * The shared phrase that covers most of the theme's people and is most its own (used here rather
     * than elsewhere in the stream), preferring phrases of two or three words; else a phrase from
     * the most central text; else that text, shortened.
     */
    private String label(List<PhraseStats.Count> shared, Map<Integer, PhraseStats.Count> counts, int[] all,
                         List<int[]> byCentrality, Set<String> used) {
        int people = Math.max(1, texts.people(all));
        List<PhraseStats.Count> candidates = new ArrayList<>(shared);
        Map<Integer, Double> score = new java.util.HashMap<>();
        for (PhraseStats.Count c : candidates) {
            PhraseStats.Count inStream = streamCounts.get(c.phrase());
            double own = inStream == null ? 1 : (double) c.items() / Math.max(c.items(), inStream.items());
            score.put(c.phrase(), (double) c.people() / people * Math.pow(own, 0.7) * lengthWeight(phrases.words(c.phrase())));
        }
        candidates.sort(Comparator.comparingDouble((PhraseStats.Count c) -> -score.get(c.phrase())).thenComparing(c -> phrases.key(c.phrase())));
        String best = null;
        for (int from = 0; from < candidates.size() && best == null; from += 10) {
            List<Integer> batch = candidates.subList(from, Math.min(from + 10, candidates.size())).stream().map(PhraseStats.Count::phrase).toList();
            Map<Integer, PhraseStats.Shown> forms = phrases.show(batch, all);
            for (int p : batch) {
                if (!used.contains(forms.get(p).text().toLowerCase(Locale.ROOT))) {
                    best = forms.get(p).text();
                    break;
                }
            }
        }
        if (best != null) return capitalise(best);
        for (int[] m : byCentrality) {
            String fromText = phraseOfCentralText(lead(m), counts, all, used);
            if (fromText != null) return capitalise(fromText);
        }
        return capitalise(shorten(texts.text(lead(byCentrality.get(0)))));
    }

    /** A phrase of this text whose words appear most across the theme, longest on ties. */
    private String phraseOfCentralText(int t, Map<Integer, PhraseStats.Count> counts, int[] all, Set<String> used) {
        String best = null;
        double bestScore = 0;
        for (int p : phrases.phrasesOf[t]) {
            if (phrases.words(p) < 2 && phrases.phrasesOf[t].length > 1) continue;
            double score = 0;
            for (String word : phrases.key(p).split(" ")) {
                for (var c : counts.values()) if (phrases.key(c.phrase()).equals(word)) score += c.texts();
            }
            score *= lengthWeight(phrases.words(p));
            String surface = phrases.surface(p, new int[] {t});
            if (score > bestScore && !used.contains(surface.toLowerCase(Locale.ROOT))) {
                best = surface;
                bestScore = score;
            }
        }
        return best;
    }

    private static double lengthWeight(int words) {
        return switch (words) {
            case 1 -> 0.35;
            case 2 -> 1.0;
            case 3 -> 1.1;
            default -> 0.95;
        };
    }

    /**
     * Quotes by maximal marginal relevance: the most central readable text first, then texts that
     * are central but unlike those already chosen, from different people where possible.
     */
    private List<int[]> quotes(List<int[]> byCentrality, double[] sim, int count) {
        // The central half of the theme, readable ones first: quotes should stand for the theme.
        List<int[]> central = byCentrality.subList(0, Math.max(Math.min(count, byCentrality.size()), (byCentrality.size() + 1) / 2));
        List<int[]> readable = central.stream().filter(m -> readable(texts.text(lead(m)))).toList();
        List<int[]> pool = readable.size() >= Math.min(count, central.size()) ? readable : central;
        List<int[]> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            int[] best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int[] m : pool) {
                if (chosen.contains(m)) continue;
                int t = lead(m);
                double overlap = 0;
                boolean samePerson = false;
                for (int[] q : chosen) {
                    overlap = Math.max(overlap, Vectors.dot(texts.vector(t), texts.vector(lead(q))));
                    samePerson |= texts.samePerson(t, lead(q));
                }
                if (overlap > SAME_QUOTE) continue;
                double score = sim[t] - 0.3 * overlap - (samePerson ? 0.1 : 0) - (Texts.words(texts.text(t)) > 40 ? 0.05 : 0);
                if (score > bestScore) {
                    best = m;
                    bestScore = score;
                }
            }
            if (best == null) break;
            chosen.add(best);
        }
        return chosen;
    }

    private static boolean readable(String text) {
        int words = Texts.words(text);
        return words >= 4 && words <= 60;
    }

    static String shorten(String text) {
        String[] words = text.split(" ");
        if (words.length <= 8) return text.replaceAll("[.!?,;:]+$", "");
        return String.join(" ", java.util.Arrays.copyOf(words, 8)).replaceAll("[.!?,;:]+$", "") + "\u2026";
    }

    static String capitalise(String s) {
        if (s.isEmpty()) return s;
        int first = s.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + s.substring(Character.charCount(first));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
