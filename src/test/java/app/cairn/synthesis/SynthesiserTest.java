package app.cairn.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.synthesis.Suggestions.KeyPhrase;
import app.cairn.synthesis.Suggestions.Member;
import app.cairn.synthesis.Suggestions.Theme;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SynthesiserTest {
    static final Synthesiser SYNTHESISER = Synthesiser.withBuiltInModel();

    static List<Item> conversation() {
        List<Item> items = new ArrayList<>();
        List<SynthesisFixtures.Labelled> set = SynthesisFixtures.labelled("synthesis/leadership-conversations.csv");
        for (int i = 0; i < set.size(); i++) items.add(new Item("m" + i, "person" + (i % 97), set.get(i).text(), "chat"));
        return items;
    }

    static Suggestions.Stream run(List<Item> items) {
        return run(items, Options.automatic());
    }

    static Suggestions.Stream run(List<Item> items, Options options) {
        Suggestions s = SYNTHESISER.suggest(items, options);
        return s.streams().isEmpty() ? null : s.streams().get(0);
    }

    static Item item(int id, String person, String text) {
        return new Item("i" + id, person, text, "chat");
    }

    @Test
    void the_same_input_gives_the_same_suggestions() {
        List<Item> items = conversation();
        Suggestions first = SYNTHESISER.suggest(items, Options.automatic());
        Suggestions again = new Synthesiser(Embeddings.miniLm(new InMemoryEmbeddingCache(), 1)).suggest(items, Options.automatic());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void themes_do_not_depend_on_the_order_contributions_arrive_in() {
        List<Item> items = conversation();
        List<Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new java.util.Random(3));
        assertThat(labelsAndSizes(run(shuffled))).isEqualTo(labelsAndSizes(run(items)));
    }

    private static List<String> labelsAndSizes(Suggestions.Stream s) {
        return s.themes().stream().map(t -> t.label() + "/" + t.items()).toList();
    }

    @Test
    void each_theme_has_a_label_people_used_distinct_quotes_and_reasons() {
        Suggestions.Stream s = run(conversation());
        assertThat(s.themes()).hasSizeBetween(8, 25);
        assertThat(s.themes().stream().map(t -> t.label().toLowerCase(Locale.ROOT)).distinct()).hasSize(s.themes().size());
        for (Theme t : s.themes()) {
            String label = t.label().toLowerCase(Locale.ROOT).replace("\u2026", "");
            assertThat(t.members()).as(t.label()).anyMatch(m -> m.text().toLowerCase(Locale.ROOT).contains(label));
            assertThat(t.quotes()).as(t.label()).hasSizeBetween(Math.min(2, t.members().size()), 3);
            assertThat(t.quotes().stream().map(Suggestions.Quote::text).distinct()).hasSize(t.quotes().size());
            assertThat(t.people()).isPositive().isLessThanOrEqualTo(t.items());
            List<String> quoteIds = t.quotes().stream().map(Suggestions.Quote::itemId).toList();
            for (Member m : t.members()) {
                assertThat(m.reason().similarity()).isBetween(-1.0, 1.0);
                assertThat(quoteIds).containsAll(m.reason().closestQuotes());
                assertThat(m.reason().closestQuotes()).doesNotContain(m.itemId());
            }
        }
        assertThat(s.themes()).extracting(Theme::people).isSortedAccordingTo(Collections.reverseOrder());
    }

    @Test
    void key_phrases_count_distinct_people_not_messages() {
        List<Item> items = new ArrayList<>();
        String[] texts = {"Unpaid carers need more respite, it is urgent.", "Most unpaid carers need more respite than they get.",
            "In our area unpaid carers need more respite and recognition.", "Honestly unpaid carers need more respite.",
            "We keep hearing that unpaid carers need more respite.", "I agree unpaid carers need more respite breaks."};
        for (int p = 0; p < texts.length; p++) items.add(item(p, "person" + p, texts[p]));
        for (int r = 0; r < 4; r++) items.add(item(100 + r, "person0", "Again: unpaid carers need more respite!"));
        items.add(item(200, "person9", "Digital tools keep failing on home visits."));
        KeyPhrase phrase = run(items).keyPhrases().get(0);
        assertThat(phrase.phrase()).isEqualToIgnoringCase("unpaid carers need more respite");
        assertThat(phrase.people()).isEqualTo(6);
        assertThat(phrase.items()).isEqualTo(10);
    }

    @Test
    void noise_is_counted_not_themed() {
        List<Item> items = new ArrayList<>(conversation());
        for (int i = 0; i < 30; i++) items.add(item(1000 + i, "p" + i, i % 3 == 0 ? "+1" : i % 3 == 1 ? "thanks!" : "Can you share the slides?"));
        Suggestions.Stream s = run(items);
        assertThat(s.noise().items()).isEqualTo(30 + 25);
        assertThat(s.noise().byKind().get("HOUSEKEEPING")).isGreaterThanOrEqualTo(10);
        assertThat(s.noise().messages().get(0).items()).isGreaterThanOrEqualTo(10);
        assertThat(s.themes()).flatExtracting(Theme::members).extracting(Member::text).doesNotContain("+1", "thanks!", "Can you share the slides?");
    }

    @Test
    void near_duplicates_are_collapsed_with_their_count() {
        List<Item> items = new ArrayList<>(conversation());
        items.add(item(2000, "a", "We can't recruit enough care workers!"));
        items.add(item(2001, "b", "we cant recruit enough care workers"));
        Member m = run(items).themes().stream().flatMap(t -> t.members().stream())
                .filter(x -> x.text().toLowerCase(Locale.ROOT).startsWith("we can't recruit enough care workers")).findFirst().orElseThrow();
        assertThat(m.items()).isGreaterThanOrEqualTo(4);
        assertThat(m.duplicateIds()).contains("i2000", "i2001");
    }

    @Test
    void seed_themes_are_filled_first_and_the_rest_grouped() {
        Options options = Options.automatic().withSeeds(List.of(
                SeedTheme.named("Unpaid carers", "Family carers need respite and recognition"),
                SeedTheme.named("Digital tools", "Our IT systems do not talk to each other", "The new software is slow and clunky",
                        "Staff need digital skills training and better technology"),
                SeedTheme.named("Space travel")));
        Suggestions.Stream s = run(conversation(), options);
        assertThat(s.themes().subList(0, 3)).extracting(Theme::label).containsExactly("Unpaid carers", "Digital tools", "Space travel");
        assertThat(s.themes().get(0).seed()).isEqualTo("Unpaid carers");
        assertThat(s.themes().get(0).items()).isGreaterThanOrEqualTo(8);
        assertThat(s.themes().get(0).members()).allMatch(m -> m.reason().seedExample() != null);
        long carers = s.themes().get(0).members().stream().filter(m -> m.text().toLowerCase(Locale.ROOT).contains("carer")).count();
        assertThat(carers).isGreaterThanOrEqualTo(s.themes().get(0).members().size() * 2L / 3);
        assertThat(s.themes().get(1).items()).isGreaterThanOrEqualTo(3);
        assertThat(s.themes().get(2).items()).isZero();
        assertThat(s.themes().size()).isGreaterThan(5);
        assertThat(s.themes().subList(3, s.themes().size())).allMatch(t -> t.seed() == null);
    }

    @Test
    void fewer_and_more_change_how_many_themes_there_are() {
        List<Item> items = conversation();
        int fewer = run(items, Options.automatic().withGranularity(Options.Granularity.FEWER)).themes().size();
        int auto = run(items).themes().size();
        int more = run(items, Options.automatic().withGranularity(Options.Granularity.MORE)).themes().size();
        assertThat(fewer).isLessThan(auto);
        assertThat(more).isGreaterThan(auto);
        assertThat(run(items, Options.automatic().withThemes(6)).themes()).hasSize(6);
    }

    @Test
    void an_empty_stream_and_blank_texts_give_nothing_and_no_error() {
        assertThat(SYNTHESISER.suggest(List.of(), Options.automatic()).streams()).isEmpty();
        Suggestions.Stream s = run(List.of(item(1, "a", ""), item(2, "b", "   "), new Item("3", null, null, "chat")));
        assertThat(s.items()).isZero();
        assertThat(s.themes()).isEmpty();
        assertThat(s.keyPhrases()).isEmpty();
    }

    @Test
    void a_single_contribution_is_shown_unthemed() {
        Suggestions.Stream s = run(List.of(item(1, "a", "Waiting lists are far too long")));
        assertThat(s.themes()).isEmpty();
        assertThat(s.unthemed()).singleElement().extracting(Member::text).isEqualTo("Waiting lists are far too long");
    }

    @Test
    void ten_thousand_identical_messages_are_one_theme_with_their_count() {
        List<Item> items = IntStream.range(0, 10_000).mapToObj(i -> item(i, "p" + (i % 2500), "Protect time for reflection")).toList();
        Suggestions.Stream s = run(items);
        assertThat(s.themes()).singleElement().satisfies(t -> {
            assertThat(t.items()).isEqualTo(10_000);
            assertThat(t.people()).isEqualTo(2500);
            assertThat(t.members()).singleElement().extracting(Member::items).isEqualTo(10_000);
            assertThat(t.quotes()).singleElement().extracting(Suggestions.Quote::items).isEqualTo(10_000);
        });
        assertThat(s.keyPhrases()).extracting(KeyPhrase::people).containsOnly(2500);
    }

    @Test
    void other_languages_scripts_emoji_and_very_long_messages_work() {
        List<Item> items = new ArrayList<>();
        String[] texts = {"Les aidants familiaux ont besoin de répit.", "Die Wartelisten werden immer länger.", "等待名单太长了，我们需要更多的护士。",
            "待機リストが長すぎます", "대기자 명단이 너무 깁니다", "قوائم الانتظار طويلة جدا", "Списки ожидания слишком длинные",
            "प्रतीक्षा सूची बहुत लंबी है", "👍", "🙏🙏🙏", "❤️", "Mae angen mwy o gefnogaeth ar ofalwyr di-dâl.",
            "Unpaid carers need respite. ".repeat(360), "x".repeat(10_000)};
        for (int i = 0; i < texts.length; i++) items.add(item(i, "p" + i, texts[i]));
        items.addAll(conversation().subList(0, 40));
        Suggestions.Stream s = run(items);
        assertThat(s.items()).isEqualTo(texts.length + 40);
        assertThat(s.noise().items()).isGreaterThanOrEqualTo(3);
        int placed = s.themes().stream().mapToInt(Theme::items).sum() + s.unthemed().stream().mapToInt(Member::items).sum();
        assertThat(placed + s.noise().items()).isEqualTo(s.items());
        assertThat(s.themes()).allMatch(t -> !t.label().isBlank() && t.label().length() <= 120);
    }

    @Test
    void streams_are_synthesised_separately_in_order_of_their_first_item() {
        List<Item> items = new ArrayList<>();
        items.add(new Item("1", "a", "Waiting lists are too long", "questions"));
        items.add(new Item("2", "b", "Staff are exhausted", "chat"));
        items.add(new Item("3", "c", "Waiting lists are much too long now", "questions"));
        Suggestions s = SYNTHESISER.suggest(items, Options.automatic());
        assertThat(s.streams()).extracting(Suggestions.Stream::name).containsExactly("questions", "chat");
        assertThat(s.stream("questions").items()).isEqualTo(2);
        assertThat(s.stream("chat").items()).isEqualTo(1);
        assertThat(s.model()).startsWith("all-MiniLM-L6-v2-q@");
    }

    @Test
    void every_contribution_is_in_exactly_one_place() {
        List<Item> items = conversation();
        Suggestions.Stream s = run(items);
        List<String> ids = new ArrayList<>();
        for (Theme t : s.themes()) for (Member m : t.members()) { ids.add(m.itemId()); ids.addAll(m.duplicateIds()); }
        for (Member m : s.unthemed()) { ids.add(m.itemId()); ids.addAll(m.duplicateIds()); }
        s.noise().messages().forEach(n -> ids.addAll(n.itemIds()));
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(items.stream().map(Item::id).collect(Collectors.toList()));
    }
}
