package app.cairn.themes;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThemeStoresIT {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void embeddings_are_kept_exactly_and_written_once(Database.Vendor vendor) {
        try (Database db = TestDatabases.open(vendor)) {
            EmbeddingStore store = new EmbeddingStore(db.jdbi(), () -> "test-model", CLOCK);
            float[] v = {0.25f, -1.5f, Float.MIN_VALUE, 3.0e-7f};
            Map<String, float[]> many = new LinkedHashMap<>();
            for (int i = 0; i < 1_200; i++) many.put("k" + i, new float[] {i, -i});
            store.putAll(many);
            store.put("a", v);
            store.put("a", new float[] {9f});

            EmbeddingStore fresh = new EmbeddingStore(db.jdbi(), () -> "test-model", CLOCK);
            assertThat(fresh.get("a")).containsExactly(v);
            assertThat(fresh.get("missing")).isNull();
            List<String> keys = new java.util.ArrayList<>(many.keySet());
            keys.add("missing");
            Map<String, float[]> read = fresh.getAll(keys);
            assertThat(read).hasSize(1_200);
            assertThat(read.get("k1199")).containsExactly(1199f, -1199f);
            assertThat(fresh.stored()).isEqualTo(1_201);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_workers_progress_only_moves_forward(Database.Vendor vendor) {
        try (Database db = TestDatabases.open(vendor)) {
            EmbeddingStore store = new EmbeddingStore(db.jdbi(), () -> "test-model", CLOCK);
            assertThat(store.progress(7)).isZero();
            store.saveProgress(7, 40);
            store.saveProgress(7, 12);
            assertThat(store.progress(7)).isEqualTo(40);
            store.saveProgress(7, 41);
            assertThat(store.progress(7)).isEqualTo(41);
            assertThat(store.progress(8)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_contribution_is_in_at_most_one_theme_of_its_stream(Database.Vendor vendor) {
        try (Database db = TestDatabases.open(vendor)) {
            CurationStore store = new CurationStore(db.jdbi());
            Instant now = CLOCK.instant();
            long a = store.create(1, "chat-1", "Workforce", List.of("m1", "m2", "m3"), Set.of("m1"), now);
            long b = store.create(1, "chat-1", "Time", List.of("m3", "m4"), Set.of(), now);
            long other = store.create(1, "questions", "Money", List.of("m1"), Set.of(), now);

            Map<String, Long> themeOf = new LinkedHashMap<>();
            store.items(1, "chat-1").forEach(r -> themeOf.put(r.itemId(), r.themeId()));
            assertThat(themeOf).containsEntry("m1", a).containsEntry("m2", a).containsEntry("m3", b).containsEntry("m4", b);
            assertThat(store.items(1, "questions")).extracting(CurationStore.ItemRow::themeId).containsExactly(other);
            assertThat(store.items(1, null)).hasSize(5);
            assertThat(store.items(1, "chat-1")).filteredOn(CurationStore.ItemRow::representative)
                    .extracting(CurationStore.ItemRow::itemId).containsExactly("m1");

            assertThat(store.star(1, "chat-1", "m2", true)).isTrue();
            assertThat(store.star(1, "chat-1", "m9", true)).isFalse();
            store.rename(a, "Recruiting and keeping staff", now);
            store.summarise(a, "Hard to recruit, harder to keep.", now);
            store.merge(b, a, now);
            assertThat(store.themes(1, "chat-1")).extracting(CurationStore.ThemeRow::label)
                    .containsExactly("Recruiting and keeping staff");
            assertThat(store.themes(1, "chat-1").get(0).summary()).isEqualTo("Hard to recruit, harder to keep.");
            assertThat(store.items(1, "chat-1")).hasSize(4).allMatch(r -> r.themeId() == a);
            assertThat(store.items(1, "chat-1")).filteredOn(CurationStore.ItemRow::starred)
                    .extracting(CurationStore.ItemRow::itemId).containsExactly("m2");

            assertThat(store.release(1, "chat-1", "m4")).isTrue();
            store.delete(a);
            assertThat(store.items(1, "chat-1")).isEmpty();
            assertThat(store.themes(1, null)).extracting(CurationStore.ThemeRow::label).containsExactly("Money");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void set_aside_contributions_and_settings_are_per_stream(Database.Vendor vendor) {
        try (Database db = TestDatabases.open(vendor)) {
            CurationStore store = new CurationStore(db.jdbi());
            store.setAside(1, "chat-1", List.of("m1", "m2", "m1"));
            assertThat(store.setAside(1, "chat-1")).containsExactly("m1", "m2");
            assertThat(store.setAside(1, "chat-2")).isEmpty();
            // Keeping a set-aside contribution in a theme brings it back.
            store.create(1, "chat-1", "Workforce", List.of("m2"), Set.of(), CLOCK.instant());
            assertThat(store.setAside(1, "chat-1")).containsExactly("m1");
            assertThat(store.restoreSetAside(1, "chat-1")).isEqualTo(1);

            assertThat(store.settings(1, "chat-1")).isEqualTo(CurationStore.Settings.DEFAULT);
            store.saveSettings(1, "chat-1", new CurationStore.Settings("fewer", "[{\"name\":\"Money\",\"examples\":[]}]"));
            store.saveSettings(1, "chat-1", new CurationStore.Settings("more", "[{\"name\":\"Money\",\"examples\":[]}]"));
            assertThat(store.settings(1, "chat-1").granularity()).isEqualTo("more");
            assertThat(store.settings(1, "chat-2")).isEqualTo(CurationStore.Settings.DEFAULT);
        }
    }
}
