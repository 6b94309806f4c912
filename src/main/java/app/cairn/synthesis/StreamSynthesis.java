package app.cairn.synthesis;

import app.cairn.synthesis.Suggestions.KeyPhrase;
import app.cairn.synthesis.Suggestions.Member;
import app.cairn.synthesis.Suggestions.NoiseCount;
import app.cairn.synthesis.Suggestions.NoiseSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Synthesises one stream: sets noise aside, collapses duplicates, fills the organiser's seed
 * themes, groups the rest by meaning, and writes up each theme and the stream's key phrases.
 */
final class StreamSynthesis {
    /** Texts at least this similar say the same thing and are shown as one, with their count. */
    static final double NEAR_DUPLICATE = 0.93;
    /** A text left on its own joins the closest theme if at least this similar to its centre. */
    static final double ATTACH = 0.35;
    /** A member less similar than this to the rest of its theme does not belong there. */
    static final double BELONG = 0.2;
    /**
     * How close a text must be to a seed theme's name, or to one of its examples, to go there: set
     * for precision (on the leadership set, names at 0.4 catch two in five of their theme's texts,
     * two in three of those caught rightly). More examples catch more.
     */
    static final double SEED_NAME = 0.4;
    static final double SEED_EXAMPLE = 0.5;

    static final long RANDOM_SEED = 7_2026L;

    private final Embeddings embeddings;
    private final Options options;

    StreamSynthesis(Embeddings embeddings, Options options) {
        this.embeddings = embeddings;
        this.options = options;
    }

    Suggestions.Stream run(String name, List<Item> streamItems) {
        Map<String, Integer> personId = StreamTexts.numberPeople(streamItems);
        Map<String, List<Item>> byKey = new TreeMap<>();
        Map<String, String> textOfKey = new HashMap<>();
        Map<String, Map<String, Integer>> variants = new HashMap<>();
        Map<String, NoiseTally> noise = new TreeMap<>();
        Set<String> people = new HashSet<>();
        int read = 0;
        for (Item item : streamItems) {
            String cleaned = Texts.clean(item.text());
            if (cleaned.isEmpty()) continue;
            read++;
            people.add(item.person());
            String key = Texts.duplicateKey(cleaned);
            Noise.Kind kind = Noise.classify(cleaned);
            if (kind != null) {
                noise.computeIfAbsent(key, k -> new NoiseTally(kind)).add(cleaned, item);
                continue;
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
            variants.computeIfAbsent(key, k -> new TreeMap<>()).merge(cleaned, 1, Integer::sum);
        }
        // The way a text was most often written stands for it (the first in order on ties), so
        // the result does not depend on which copy arrived first.
        variants.forEach((key, forms) -> textOfKey.put(key, forms.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey()));
        StreamTexts texts = new StreamTexts(byKey, textOfKey, personId);
        List<String> meaning = new ArrayList<>();
        List<Phrases.Analysis> phraseLists = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            String core = Texts.withoutFraming(texts.text(t));
            meaning.add(core);
            phraseLists.add(Phrases.analyse(core));
        }
        texts.vectors(embeddings.of(meaning));
        PhraseStats phrases = new PhraseStats(phraseLists);
        int[] everyText = range(texts.size());
        Map<Integer, PhraseStats.Count> streamCounts = phrases.count(everyText, texts.personIds(), texts.itemCounts(), 1);

        List<List<int[]>> themes = new ArrayList<>();
        List<String> seedNames = new ArrayList<>();
        Map<Integer, String> seedMatch = new HashMap<>();
        List<int[]> unthemed = group(texts, new WordOverlap(phrases), themes, seedNames, seedMatch);

        ThemeWriter writer = new ThemeWriter(texts, phrases, streamCounts);
        Set<String> usedLabels = new HashSet<>();
        for (String seed : seedNames) usedLabels.add(seed.toLowerCase(java.util.Locale.ROOT));
        List<Suggestions.Theme> written = new ArrayList<>();
        for (int s = 0; s < themes.size(); s++) {
            String seedName = s < seedNames.size() ? seedNames.get(s) : null;
            if (themes.get(s).isEmpty()) {
                written.add(new Suggestions.Theme(seedName, seedName, 0, 0, List.of(), List.of(), List.of()));
            } else {
                written.add(writer.write(themes.get(s), seedName, seedMatch, options.quotes(), usedLabels));
            }
        }
        List<Member> others = unthemed.stream().map(g -> writer.member(g, null)).toList();
        return new Suggestions.Stream(name, read, people.size(), written, others,
                keyPhrases(texts, phrases, streamCounts), noiseSummary(noise));
    }

    /**
     * Fills {@code themes} (seed themes first, in order, then suggested themes by size) with
     * groups of near-duplicate texts; returns the groups that fit no theme.
     */
    private List<int[]> group(StreamTexts texts, WordOverlap words, List<List<int[]>> themes, List<String> seedNames,
                              Map<Integer, String> seedMatch) {
        int n = texts.size();
        float[][] vectors = texts.vectors();
        Neighbours near = Neighbours.of(vectors, Grouping.CANDIDATES, RANDOM_SEED);
        int[] duplicateOf = nearDuplicates(texts, near);
        int[] seedOf = seeds(texts, duplicateOf, seedNames, seedMatch);

        int[] rest = Arrays.stream(range(n)).filter(t -> seedOf[t] < 0).toArray();
        float[][] restVectors = new float[rest.length][];
        for (int k = 0; k < rest.length; k++) restVectors[k] = vectors[rest[k]];
        Neighbours blended = near.blend(words, Grouping.WORD_WEIGHT, Grouping.NEIGHBOURS);
        int[] community = Grouping.group(restVectors, Grouping.graph(blended, rest), Grouping.RESOLUTION * options.granularity().factor, options.themes());

        // Near-duplicates go where their most-said text went.
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, -1);
        for (int k = 0; k < rest.length; k++) groupOf[rest[k]] = community[k];
        for (int t = 0; t < n; t++) if (seedOf[t] < 0 && groupOf[duplicateOf[t]] >= 0) groupOf[t] = groupOf[duplicateOf[t]];

        int communities = Grouping.count(community);
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < communities; c++) members.add(new ArrayList<>());
        for (int t = 0; t < n; t++) if (groupOf[t] >= 0) members.get(groupOf[t]).add(t);

        List<List<Integer>> kept = new ArrayList<>();
        List<Integer> loose = new ArrayList<>();
        for (List<Integer> m : members) {
            int items = m.stream().mapToInt(texts::items).sum();
            if (items >= 2 || options.themes() > 0) kept.add(m);
            else loose.addAll(m);
        }
        if (options.themes() == 0) for (List<Integer> m : kept) loose.addAll(dropStrangers(texts, m));
        kept.removeIf(List::isEmpty);
        List<float[]> centres = new ArrayList<>();
        for (List<Integer> m : kept) centres.add(centre(vectors, m));
        List<Integer> unthemed = new ArrayList<>();
        loose.sort(Comparator.naturalOrder());
        for (int t : loose) {
            int best = -1;
            double bestSim = ATTACH;
            for (int c = 0; c < centres.size(); c++) {
                double s = Vectors.dot(vectors[t], centres.get(c));
                if (s >= bestSim) {
                    best = c;
                    bestSim = s;
                }
            }
            if (best >= 0 && options.themes() == 0) kept.get(best).add(t);
            else unthemed.add(t);
        }
        kept.sort(Comparator.comparingInt((List<Integer> m) -> -texts.people(toArray(m)))
                .thenComparingInt(m -> -m.stream().mapToInt(texts::items).sum())
                .thenComparing(m -> texts.key(m.stream().mapToInt(Integer::intValue).min().orElse(0))));

        for (int s = 0; s < seedNames.size(); s++) {
            List<Integer> m = new ArrayList<>();
            for (int t = 0; t < n; t++) if (seedOf[t] == s) m.add(t);
            themes.add(collapse(m, duplicateOf));
        }
        for (List<Integer> m : kept) themes.add(collapse(m, duplicateOf));
        return collapse(unthemed, duplicateOf);
    }

    /** Members much less similar to the rest of their theme than chance allows are taken out. */
    private static List<Integer> dropStrangers(StreamTexts texts, List<Integer> members) {
        if (members.size() < 2) return List.of();
        float[] sum = new float[texts.vector(members.get(0)).length];
        for (int t : members) Vectors.addInto(sum, texts.vector(t), 1);
        List<Integer> out = new ArrayList<>();
        for (int t : members) {
            float[] others = sum.clone();
            Vectors.addInto(others, texts.vector(t), -1);
            if (Vectors.dot(Vectors.unit(others), texts.vector(t)) < BELONG) out.add(t);
        }
        if (out.size() >= members.size() - 1) out = new ArrayList<>(members);
        members.removeAll(out);
        return out;
    }

    /** For each text, the text standing for its near-duplicates (the most said, then the first). */
    private static int[] nearDuplicates(StreamTexts texts, Neighbours near) {
        int n = texts.size();
        int[] parent = range(n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < near.index[i].length; k++) {
                if (near.similarity[i][k] < NEAR_DUPLICATE) break;
                int a = find(parent, i);
                int b = find(parent, near.index[i][k]);
                if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] lead = new int[n];
        Arrays.fill(lead, -1);
        for (int t = 0; t < n; t++) {
            int r = find(parent, t);
            if (lead[r] < 0 || texts.items(t) > texts.items(lead[r])) lead[r] = t;
        }
        int[] out = new int[n];
        for (int t = 0; t < n; t++) out[t] = lead[find(parent, t)];
        return out;
    }

    /** Seed theme of each text (-1 for none); near-duplicates follow their lead text. */
    private int[] seeds(StreamTexts texts, int[] duplicateOf, List<String> seedNames, Map<Integer, String> seedMatch) {
        int n = texts.size();
        int[] seedOf = new int[n];
        Arrays.fill(seedOf, -1);
        List<SeedTheme> seeds = options.seeds();
        if (seeds.isEmpty()) return seedOf;
        List<String> seedTexts = new ArrayList<>();
        List<Integer> seedIndex = new ArrayList<>();
        List<Boolean> isName = new ArrayList<>();
        for (int s = 0; s < seeds.size(); s++) {
            seedNames.add(seeds.get(s).name());
            seedTexts.add(Texts.clean(seeds.get(s).name()));
            seedIndex.add(s);
            isName.add(true);
            for (String e : seeds.get(s).examples()) {
                seedTexts.add(Texts.clean(e));
                seedIndex.add(s);
                isName.add(false);
            }
        }
        float[][] sv = embeddings.of(seedTexts);
        for (int t = 0; t < n; t++) {
            double best = 0;
            int bestText = -1;
            for (int k = 0; k < sv.length; k++) {
                double s = Vectors.dot(texts.vector(t), sv[k]);
                double margin = s - (isName.get(k) ? SEED_NAME : SEED_EXAMPLE);
                if (margin >= 0 && (bestText < 0 || margin > best)) {
                    best = margin;
                    bestText = k;
                }
            }
            if (bestText >= 0) {
                seedOf[t] = seedIndex.get(bestText);
                seedMatch.put(t, seedTexts.get(bestText));
            }
        }
        for (int t = 0; t < n; t++) {
            int lead = duplicateOf[t];
            if (seedOf[lead] >= 0) {
                seedOf[t] = seedOf[lead];
                seedMatch.putIfAbsent(t, seedMatch.get(lead));
            } else {
                seedOf[t] = -1;
            }
        }
        return seedOf;
    }

    private static List<int[]> collapse(List<Integer> members, int[] duplicateOf) {
        Map<Integer, List<Integer>> byLead = new TreeMap<>();
        for (int t : members) byLead.computeIfAbsent(duplicateOf[t], k -> new ArrayList<>()).add(t);
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : byLead.values()) out.add(toArray(g));
        return out;
    }

    private List<KeyPhrase> keyPhrases(StreamTexts texts, PhraseStats phrases, Map<Integer, PhraseStats.Count> counts) {
        List<PhraseStats.Count> c = new ArrayList<>();
        for (PhraseStats.Count x : counts.values()) if (x.people() >= 2 && phrases.words(x.phrase()) >= 2) c.add(x);
        c.sort(phrases.byPeopleThenLength());
        List<PhraseStats.Count> candidates = phrases.distinct(c, options.keyPhrases() * 3);
        int[] all = range(texts.size());
        Map<Integer, PhraseStats.Shown> shown = phrases.show(candidates.stream().map(PhraseStats.Count::phrase).toList(), all);
        List<PhraseStats.Count> chosen = ThemeWriter.withoutRepeats(candidates, shown);
        chosen = chosen.subList(0, Math.min(options.keyPhrases(), chosen.size()));
        Map<Integer, List<String>> ids = new HashMap<>();
        for (PhraseStats.Count x : chosen) ids.put(x.phrase(), new ArrayList<>());
        for (int t = 0; t < texts.size(); t++) {
            for (int p : phrases.phrasesOf[t]) {
                List<String> list = ids.get(p);
                if (list != null) list.addAll(texts.ids(t));
            }
        }
        List<KeyPhrase> out = new ArrayList<>();
        for (PhraseStats.Count x : chosen) out.add(new KeyPhrase(shown.get(x.phrase()).text(), x.people(), x.items(), ids.get(x.phrase())));
        return out;
    }

    private static NoiseSummary noiseSummary(Map<String, NoiseTally> noise) {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (Noise.Kind k : Noise.Kind.values()) byKind.put(k.name(), 0);
        Set<String> people = new HashSet<>();
        int items = 0;
        List<NoiseCount> common = new ArrayList<>();
        for (NoiseTally t : noise.values()) {
            byKind.merge(t.kind.name(), t.items, Integer::sum);
            people.addAll(t.people);
            items += t.items;
            common.add(new NoiseCount(t.text(), t.kind.name(), t.items, t.people.size(), List.copyOf(t.ids)));
        }
        common.sort(Comparator.comparingInt((NoiseCount c) -> -c.items()).thenComparing(NoiseCount::text));
        return new NoiseSummary(items, people.size(), byKind, common);
    }

    /** Noise messages that read the same, counted. */
    private static final class NoiseTally {
        final Noise.Kind kind;
        final Map<String, Integer> forms = new TreeMap<>();
        final Set<String> people = new HashSet<>();
        final List<String> ids = new ArrayList<>();
        int items;

        NoiseTally(Noise.Kind kind) {
            this.kind = kind;
        }

        void add(String text, Item item) {
            forms.merge(text, 1, Integer::sum);
            people.add(item.person());
            ids.add(item.id());
            items++;
        }

        String text() {
            return forms.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        }
    }

    private static float[] centre(float[][] vectors, List<Integer> members) {
        float[] c = new float[vectors[members.get(0)].length];
        for (int t : members) Vectors.addInto(c, vectors[t], 1);
        return Vectors.unit(c);
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
