package app.cairn.themes;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.live.LivePlan;
import app.cairn.live.LiveService;
import app.cairn.registration.RegistrationService;
import app.cairn.synthesis.Item;
import app.cairn.synthesis.Options;
import app.cairn.synthesis.SeedTheme;
import app.cairn.synthesis.Suggestions;
import app.cairn.synthesis.Synthesiser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Themes of an event for its facilitators: suggestions per stream from the synthesis engine
 * (re-run as contributions arrive; embeddings come from the persistent cache), and the curated
 * themes kept by contribution id, so they survive every re-run (decision 14). The pack reads
 * {@link #curatedForEvent(long)}.
 */
public final class ThemeService {
    static final int MAX_LABEL = 200;
    static final int MAX_SUMMARY = 2_000;
    static final int MAX_SEEDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveService live;
    private final RegistrationService registrations;
    private final CommunityService communities;
    private final CurationStore store;
    private final Synthesiser synthesiser;
    private final Clock clock;
    private final Map<String, Memo> memo = new ConcurrentHashMap<>();
    private final Object synthesising = new Object();

    ThemeService(LiveService live, RegistrationService registrations, CommunityService communities, CurationStore store,
            Synthesiser synthesiser, Clock clock) {
        this.live = live;
        this.registrations = registrations;
        this.communities = communities;
        this.store = store;
        this.synthesiser = synthesiser;
        this.clock = clock;
    }

    private record Memo(long fingerprint, Suggestions.Stream suggestions) {}

    /** One stream as listed in the workspace. */
    public record StreamSummary(String id, String title, String kind, int contributions, int curatedThemes) {}

    /** Everything the workspace shows for one stream. */
    public record Workspace(LivePlan plan, StreamSummary stream, Suggestions.Stream suggestions,
            List<CuratedTheme> curated, List<SeedTheme> seeds, String granularity, int setAside,
            Map<String, Long> seedThemeIds) {

        /** Suggested themes that have contributions (seed themes nobody spoke to are left out). */
        public List<Suggestions.Theme> themes() {
            return suggestions.themes().stream().filter(t -> t.items() > 0).toList();
        }

        /** The curated theme a suggestion was seeded from (its label), or null. */
        public Long curatedFor(Suggestions.Theme t) {
            return t.seed() == null ? null : seedThemeIds.get(t.seed());
        }

        /** Seed themes as the organiser wrote them, one per line: "Name: example | example". */
        public String seedText() {
            List<String> lines = new ArrayList<>();
            for (SeedTheme s : seeds) {
                lines.add(s.examples().isEmpty() ? s.name() : s.name() + ": " + String.join(" | ", s.examples()));
            }
            return String.join("\n", lines);
        }

        public String text(String itemId) {
            for (Suggestions.Theme t : suggestions.themes()) {
                for (Suggestions.Quote q : t.quotes()) if (q.itemId().equals(itemId)) return q.text();
                for (Suggestions.Member m : t.members()) if (m.itemId().equals(itemId)) return m.text();
            }
            return itemId;
        }
    }

    // ---- access

    /** The event's plan once the viewer is checked to be at least a facilitator of its community. */
    public LivePlan access(long accountId, long eventId) {
        LivePlan plan = live.plan(eventId);
        boolean allowed = communities.roleOf(accountId, plan.communityId()).map(r -> r.atLeast(Role.FACILITATOR))
                .orElse(false);
        if (!allowed) throw new NotFound("There is no such conversation.");
        return plan;
    }

    // ---- reading

    public List<StreamSummary> streams(long accountId, long eventId) {
        LivePlan plan = access(accountId, eventId);
        Map<String, Integer> curated = new HashMap<>();
        for (var t : store.themes(eventId, null)) curated.merge(t.stream(), 1, Integer::sum);
        List<StreamSummary> out = new ArrayList<>();
        for (Streams.Stream s : streamsOf(plan)) out.add(summary(s, curated.getOrDefault(s.id(), 0)));
        return out;
    }

    public Workspace workspace(long accountId, long eventId, String streamId) {
        LivePlan plan = access(accountId, eventId);
        Streams.Stream stream = stream(plan, streamId);
        List<CuratedTheme> curated = curated(eventId, stream);
        CurationStore.Settings settings = store.settings(eventId, stream.id());
        Set<String> setAside = store.setAside(eventId, stream.id());
        List<SeedTheme> seeds = parseSeeds(settings.seeds());
        Map<String, Long> seedThemeIds = new HashMap<>();
        for (CuratedTheme t : curated) seedThemeIds.putIfAbsent(t.label(), t.id());
        Suggestions.Stream suggestions = suggest(eventId, stream, curated, setAside, seeds, settings.granularity());
        return new Workspace(plan, summary(stream, curated.size()), suggestions, curated, seeds, settings.granularity(),
                (int) stream.items().stream().filter(i -> setAside.contains(i.id())).count(), seedThemeIds);
    }

    /** A kept theme as stored, with its contributions by their ids in this event, for moving an event elsewhere. */
    public record KeptTheme(String stream, String label, String summary, List<KeptItem> items) {}

    /** One contribution of a kept theme: its id ("m42", "q7", "v3.p9"), starred, chosen as representative. */
    public record KeptItem(String id, boolean starred, boolean representative) {}

    /** Every kept theme of an event, stream by stream in the facilitator's order (for event archives). */
    public List<KeptTheme> keptThemes(long eventId) {
        Map<Long, List<KeptItem>> items = new java.util.HashMap<>();
        for (var row : store.items(eventId, null)) {
            items.computeIfAbsent(row.themeId(), k -> new ArrayList<>())
                    .add(new KeptItem(row.itemId(), row.starred(), row.representative()));
        }
        List<KeptTheme> out = new ArrayList<>();
        for (var t : store.themes(eventId, null)) {
            out.add(new KeptTheme(t.stream(), t.label(), t.summary(), items.getOrDefault(t.id(), List.of())));
        }
        return out;
    }

    /**
     * Keeps these themes in an event brought in from an archive (its contributions already renumbered
     * to this event's ids), after any kept already.
     */
    public void restoreKeptThemes(long eventId, List<KeptTheme> themes) {
        for (KeptTheme t : themes) {
            if (t.stream() == null || t.label() == null || t.label().isBlank() || t.items() == null) continue;
            List<String> ids = t.items().stream().map(KeptItem::id).toList();
            java.util.Set<String> representative = new java.util.HashSet<>();
            for (KeptItem item : t.items()) if (item.representative()) representative.add(item.id());
            String label = t.label().length() > MAX_LABEL ? t.label().substring(0, MAX_LABEL) : t.label();
            long id = store.create(eventId, t.stream(), label, ids, representative, clock.instant());
            if (t.summary() != null && !t.summary().isBlank()) {
                store.summarise(id, t.summary().length() > MAX_SUMMARY ? t.summary().substring(0, MAX_SUMMARY) : t.summary(),
                        clock.instant());
            }
            for (KeptItem item : t.items()) if (item.starred()) store.star(eventId, t.stream(), item.id(), true);
        }
    }

    /** Per stream that has any, the curated themes with their summary, quotes (text only) and counts, for the pack. */
    public List<PackThemes> curatedForEvent(long eventId) {
        LivePlan plan = live.plan(eventId);
        List<PackThemes> out = new ArrayList<>();
        for (Streams.Stream s : streamsOf(plan)) {
            List<CuratedTheme> curated = curated(eventId, s);
            if (curated.isEmpty()) continue;
            List<PackThemes.Theme> themes = new ArrayList<>();
            for (CuratedTheme t : curated) {
                themes.add(new PackThemes.Theme(t.label(), t.summary(), t.items().size(), t.people(),
                        t.quotes().stream().map(CuratedTheme.Item::text).toList()));
            }
            out.add(new PackThemes(s.id(), s.title(), s.kind(), themes));
        }
        return out;
    }

    // ---- curation

    /** Keeps a suggested theme (or any contributions) as a curated theme; returns its id. */
    public long accept(long accountId, long eventId, String streamId, String label, List<String> itemIds,
            List<String> quoteIds) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        List<String> items = known(stream, itemIds);
        return store.create(eventId, stream.id(), label(label), items, new HashSet<>(quoteIds), clock.instant());
    }

    /** Adds contributions to a curated theme (taking them from any other). */
    public int add(long accountId, long eventId, String streamId, long themeId, List<String> itemIds) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        theme(eventId, stream, themeId);
        return store.place(eventId, stream.id(), themeId, known(stream, itemIds), Set.of(), clock.instant());
    }

    public void rename(long accountId, long eventId, String streamId, long themeId, String label) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        theme(eventId, stream, themeId);
        store.rename(themeId, label(label), clock.instant());
    }

    public void summarise(long accountId, long eventId, String streamId, long themeId, String summary) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        theme(eventId, stream, themeId);
        String s = summary == null ? "" : summary.strip();
        if (s.codePointCount(0, s.length()) > MAX_SUMMARY) {
            throw Invalid.field("summary", "Keep the summary to " + MAX_SUMMARY + " characters or fewer");
        }
        store.summarise(themeId, s, clock.instant());
    }

    public void merge(long accountId, long eventId, String streamId, long themeId, long intoId) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        theme(eventId, stream, themeId);
        theme(eventId, stream, intoId);
        if (themeId == intoId) throw Invalid.field("into", "Choose another theme to merge with");
        store.merge(themeId, intoId, clock.instant());
    }

    /** Makes a new theme of some of a theme's contributions; returns the new theme's id. */
    public long split(long accountId, long eventId, String streamId, long themeId, List<String> itemIds, String label) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        theme(eventId, stream, themeId);
        Set<String> inTheme = new HashSet<>();
        for (var row : store.items(eventId, stream.id())) if (row.themeId() == themeId) inTheme.add(row.itemId());
        List<String> chosen = itemIds.stream().filter(inTheme::contains).distinct().toList();
        if (chosen.isEmpty()) throw Invalid.field("items", "Choose the contributions to make a new theme of");
        if (chosen.size() == inTheme.size()) throw Invalid.field("items", "Leave at least one contribution in this theme, or rename it instead");
        return store.create(eventId, stream.id(), label(label), chosen, Set.of(), clock.instant());
    }

    public void delete(long accountId, long eventId, String streamId, long themeId) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        theme(eventId, stream, themeId);
        store.delete(themeId);
    }

    /** Moves one contribution to a curated theme, or (theme null) out of its theme, back to the suggestions. */
    public void move(long accountId, long eventId, String streamId, String itemId, Long themeId) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        List<String> item = known(stream, List.of(itemId == null ? "" : itemId));
        if (themeId == null) {
            store.release(eventId, stream.id(), item.get(0));
        } else {
            theme(eventId, stream, themeId);
            store.place(eventId, stream.id(), themeId, item, Set.of(), clock.instant());
        }
    }

    public void star(long accountId, long eventId, String streamId, String itemId, boolean starred) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        if (!store.star(eventId, stream.id(), itemId, starred)) {
            throw Invalid.field("item", "Only contributions in a kept theme can be starred. Keep the theme first.");
        }
    }

    /** Sets a suggested theme's contributions aside: they are not suggested again. */
    public void setAside(long accountId, long eventId, String streamId, List<String> itemIds) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        store.setAside(eventId, stream.id(), known(stream, itemIds));
    }

    public int restoreSetAside(long accountId, long eventId, String streamId) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        return store.restoreSetAside(eventId, stream.id());
    }

    /** Fewer, broader themes ("fewer"), as the data suggests ("automatic"), or more, narrower ones ("more"). */
    public void granularity(long accountId, long eventId, String streamId, String granularity) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        String g = granularity == null ? "" : granularity.strip().toLowerCase(Locale.ROOT);
        if (!List.of("fewer", "automatic", "more").contains(g)) {
            throw Invalid.field("granularity", "Choose fewer themes, more themes, or as suggested");
        }
        var s = store.settings(eventId, stream.id());
        store.saveSettings(eventId, stream.id(), new CurationStore.Settings(g, s.seeds()));
    }

    /**
     * Themes the organiser already has in mind, one per line: a name, optionally followed by a colon
     * and a few examples separated by "|". Contributions close to them are placed there first.
     */
    public List<SeedTheme> seeds(long accountId, long eventId, String streamId, String lines) {
        Streams.Stream stream = stream(access(accountId, eventId), streamId);
        List<SeedTheme> seeds = readSeeds(lines);
        var s = store.settings(eventId, stream.id());
        try {
            store.saveSettings(eventId, stream.id(), new CurationStore.Settings(s.granularity(), JSON.writeValueAsString(seeds)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write seed themes", e);
        }
        return seeds;
    }

    static List<SeedTheme> readSeeds(String lines) {
        List<SeedTheme> seeds = new ArrayList<>();
        if (lines == null) return seeds;
        for (String line : lines.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            int colon = l.indexOf(':');
            String name = (colon < 0 ? l : l.substring(0, colon)).strip();
            if (name.isEmpty()) throw Invalid.field("seeds", "Start each line with the theme's name, like \u201cWorkforce: we cannot recruit | rotas\u201d");
            if (name.length() > MAX_LABEL) throw Invalid.field("seeds", "Keep each theme's name to " + MAX_LABEL + " characters or fewer");
            List<String> examples = new ArrayList<>();
            if (colon >= 0) for (String e : l.substring(colon + 1).split("\\|")) if (!e.isBlank()) examples.add(e.strip());
            seeds.add(new SeedTheme(name, examples));
        }
        if (seeds.size() > MAX_SEEDS) throw Invalid.field("seeds", "Give at most " + MAX_SEEDS + " themes");
        return seeds;
    }

    // ---- internals

    List<Streams.Stream> streamsOf(LivePlan plan) {
        return Streams.of(plan, live.transcript(plan.eventId()), registrations.questionsBrought(plan.eventId()));
    }

    private Streams.Stream stream(LivePlan plan, String streamId) {
        for (Streams.Stream s : streamsOf(plan)) if (s.id().equals(streamId)) return s;
        throw new NotFound("This conversation has no such stream of contributions.");
    }

    private CurationStore.ThemeRow theme(long eventId, Streams.Stream stream, long themeId) {
        return store.theme(eventId, stream.id(), themeId)
                .orElseThrow(() -> Invalid.field("theme", "That theme is no longer there. Someone may have merged or deleted it."));
    }

    private static StreamSummary summary(Streams.Stream s, int curated) {
        return new StreamSummary(s.id(), s.title(), s.kind(), s.items().size(), curated);
    }

    /** Contribution ids of the stream among these (in order, once each); refuses ids it does not know. */
    private static List<String> known(Streams.Stream stream, List<String> itemIds) {
        Set<String> ids = new HashSet<>();
        for (Streams.Said s : stream.items()) ids.add(s.id());
        List<String> out = new ArrayList<>(new LinkedHashSet<>(itemIds));
        if (out.isEmpty()) throw Invalid.field("items", "Choose at least one contribution");
        for (String id : out) {
            if (!ids.contains(id)) throw Invalid.field("items", "That contribution is no longer there. It may have been hidden or withdrawn.");
        }
        return out;
    }

    private static String label(String label) {
        String l = label == null ? "" : label.strip();
        if (l.isEmpty()) throw Invalid.field("label", "Enter a name for the theme");
        if (l.codePointCount(0, l.length()) > MAX_LABEL) throw Invalid.field("label", "Keep the name to " + MAX_LABEL + " characters or fewer");
        return l;
    }

    /** The stream's curated themes; contributions hidden or withdrawn since are left out (but kept, should they return). */
    private List<CuratedTheme> curated(long eventId, Streams.Stream stream) {
        Map<String, Streams.Said> said = new HashMap<>();
        for (Streams.Said s : stream.items()) said.put(s.id(), s);
        Map<Long, List<CurationStore.ItemRow>> byTheme = new HashMap<>();
        for (var row : store.items(eventId, stream.id())) byTheme.computeIfAbsent(row.themeId(), k -> new ArrayList<>()).add(row);
        List<CuratedTheme> out = new ArrayList<>();
        for (var t : store.themes(eventId, stream.id())) {
            List<CuratedTheme.Item> items = new ArrayList<>();
            Set<String> people = new HashSet<>();
            for (var row : byTheme.getOrDefault(t.id(), List.of())) {
                Streams.Said s = said.get(row.itemId());
                if (s == null) continue;
                items.add(new CuratedTheme.Item(s.id(), s.text(), row.starred(), row.representative()));
                people.add(s.person() == null ? "item:" + s.id() : s.person());
            }
            items.sort(java.util.Comparator.comparingLong((CuratedTheme.Item i) -> order(i.id())).thenComparing(CuratedTheme.Item::id));
            out.add(new CuratedTheme(t.id(), t.label(), t.summary(), people.size(), items, quotes(items)));
        }
        return out;
    }

    /** Starred contributions, else those the suggestion chose, else the first three. */
    private static List<CuratedTheme.Item> quotes(List<CuratedTheme.Item> items) {
        List<CuratedTheme.Item> starred = items.stream().filter(CuratedTheme.Item::starred).toList();
        if (!starred.isEmpty()) return starred;
        List<CuratedTheme.Item> chosen = items.stream().filter(CuratedTheme.Item::representative).limit(3).toList();
        return chosen.isEmpty() ? items.stream().limit(3).toList() : chosen;
    }

    private static long order(String itemId) {
        try {
            return Long.parseLong(itemId.substring(1)) + (itemId.charAt(0) == 'q' ? 0 : 1L << 40);
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private Suggestions.Stream suggest(long eventId, Streams.Stream stream, List<CuratedTheme> curated,
            Set<String> setAside, List<SeedTheme> seeds, String granularity) {
        Set<String> taken = new HashSet<>(setAside);
        for (var row : store.items(eventId, stream.id())) taken.add(row.itemId());
        List<Item> items = new ArrayList<>();
        for (Streams.Said s : stream.items()) {
            if (!taken.contains(s.id())) items.add(new Item(s.id(), s.person(), s.text(), stream.id()));
        }
        // Kept themes act as seeds: what people say next that belongs there is suggested under their name.
        List<SeedTheme> allSeeds = new ArrayList<>(seeds);
        Set<String> names = new HashSet<>();
        for (SeedTheme s : seeds) names.add(s.name());
        for (CuratedTheme t : curated) {
            if (!names.add(t.label())) continue;
            List<String> examples = new ArrayList<>();
            for (CuratedTheme.Item i : t.quotes()) examples.add(i.text());
            for (CuratedTheme.Item i : t.items()) if (examples.size() < 5 && !examples.contains(i.text())) examples.add(i.text());
            allSeeds.add(new SeedTheme(t.label(), examples));
        }
        Options options = Options.automatic().withGranularity(Options.Granularity.valueOf(granularity.toUpperCase(Locale.ROOT)))
                .withSeeds(allSeeds);
        if (items.isEmpty()) {
            return new Suggestions.Stream(stream.id(), 0, 0, List.of(), List.of(), List.of(),
                    new Suggestions.NoiseSummary(0, 0, Map.of(), List.of()));
        }
        String key = eventId + "/" + stream.id();
        long fingerprint = 31L * items.stream().map(Item::id).toList().hashCode() + options.hashCode();
        Memo m = memo.get(key);
        if (m != null && m.fingerprint() == fingerprint) return m.suggestions();
        // One synthesis at a time: the model already uses both cores, and pages polling together share the result.
        synchronized (synthesising) {
            m = memo.get(key);
            if (m != null && m.fingerprint() == fingerprint) return m.suggestions();
            Suggestions.Stream s = synthesiser.suggest(items, options).stream(stream.id());
            memo.put(key, new Memo(fingerprint, s));
            return s;
        }
    }

    private static List<SeedTheme> parseSeeds(String json) {
        try {
            List<Map<String, Object>> raw = JSON.readValue(json, new TypeReference<>() {});
            List<SeedTheme> out = new ArrayList<>();
            for (Map<String, Object> r : raw) {
                @SuppressWarnings("unchecked")
                List<String> examples = (List<String>) r.getOrDefault("examples", List.of());
                out.add(new SeedTheme(String.valueOf(r.get("name")), examples));
            }
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable seed themes: " + json, e);
        }
    }

    static Map<String, Object> describe(Workspace w) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stream", w.stream());
        out.put("granularity", w.granularity());
        out.put("seeds", w.seeds());
        out.put("setAside", w.setAside());
        out.put("curated", w.curated());
        // Seed themes nobody spoke to (kept themes' names, themes in mind) are left out, as on the page.
        Suggestions.Stream s = w.suggestions();
        out.put("suggestions", new Suggestions.Stream(s.name(), s.items(), s.people(), w.themes(), s.unthemed(),
                s.keyPhrases(), s.noise()));
        return out;
    }
}
