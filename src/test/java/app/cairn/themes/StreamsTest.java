package app.cairn.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cairn.common.Invalid;
import app.cairn.live.LivePlan;
import app.cairn.live.LiveService;
import app.cairn.registration.RegistrationService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsTest {
    static final LivePlan PLAN = new LivePlan(3, "Making space to reflect", 1, "tayside", "Europe/London", null, List.of(
            new LivePlan.Segment(10, "welcome", "Welcome and introductions", 10, "", List.of(), List.of()),
            new LivePlan.Segment(11, "perspective", "Opening perspective", 15, "", List.of(), List.of())));

    @Test
    void what_was_said_is_split_into_streams_with_stable_ids_in_agenda_order() {
        var transcript = new LiveService.Transcript(9, List.of(
                new LiveService.Said(1, "message", 5L, null, null, null, "Hello before we start"),
                new LiveService.Said(2, "message", 6L, null, 11L, null, "Kindness to staff is kindness to patients"),
                new LiveService.Said(3, "question", 6L, null, 11L, null, "How do we protect time to reflect?"),
                new LiveService.Said(4, "message", null, 2L, 10L, null, "Welcome everyone"),
                new LiveService.Said(5, "reflection", 7L, null, null, "r3", "I will slow down"),
                new LiveService.Said(0, "answer", 7L, null, null, "p9", "Time to think")),
                Map.of("r3", "What is your one key reflection?"), Map.of("p9", "What did you value?"));
        var brought = List.of(new RegistrationService.BroughtQuestion(21, 40, "How do we keep going?"));

        var streams = Streams.of(PLAN, transcript, brought);

        assertThat(streams).extracting(Streams.Stream::id).containsExactly("registration", "chat-start", "chat-10",
                "chat-11", "questions", "reflection-r3", "answers-p9");
        assertThat(streams).extracting(Streams.Stream::title).contains("Chat during Opening perspective",
                "What is your one key reflection?", "What did you value?");
        assertThat(streams.get(0).items()).containsExactly(new Streams.Said("q21", "r40", "How do we keep going?"));
        assertThat(streams.get(2).items()).containsExactly(new Streams.Said("m4", "a2", "Welcome everyone"));
        assertThat(streams.get(4).items()).extracting(Streams.Said::id).containsExactly("m3");
        assertThat(streams.get(6).items()).containsExactly(new Streams.Said("v7.p9", "p7", "Time to think"));
    }

    @Test
    void each_round_of_breakout_rooms_gives_one_stream_of_notes_for_the_pack_s_breakout_section() {
        var transcript = new LiveService.Transcript(9, List.of(
                new LiveService.Said(7, "note", 5L, null, 11L, "round-6", "Time to reflect is the first thing cut"),
                new LiveService.Said(8, "note", 6L, null, 11L, "round-6", "Supervision has become a checklist")),
                Map.of(), Map.of());

        var streams = Streams.of(PLAN, transcript, List.of());

        var notes = streams.stream().filter(st -> st.id().equals("notes-round-6")).findFirst().orElseThrow();
        assertThat(notes.kind()).isEqualTo("rooms");
        assertThat(notes.title()).isEqualTo("Breakout notes: Opening perspective");
        assertThat(notes.items()).extracting(Streams.Said::id).containsExactly("m7", "m8");
    }

    @Test
    void the_registration_and_questions_streams_are_listed_even_when_empty() {
        var streams = Streams.of(PLAN, new LiveService.Transcript(0, List.of(), Map.of(), Map.of()), List.of());
        assertThat(streams).extracting(Streams.Stream::id).containsExactly("registration", "questions");
        assertThat(streams).allMatch(s -> s.items().isEmpty());
    }

    @Test
    void themes_in_mind_are_read_one_a_line_with_examples_after_a_colon() {
        var seeds = ThemeService.readSeeds("Workforce: we cannot recruit | rotas are full |\n\n  Money  \r\nTime: ");
        assertThat(seeds).hasSize(3);
        assertThat(seeds.get(0).name()).isEqualTo("Workforce");
        assertThat(seeds.get(0).examples()).containsExactly("we cannot recruit", "rotas are full");
        assertThat(seeds.get(1).name()).isEqualTo("Money");
        assertThat(seeds.get(2).examples()).isEmpty();
        assertThat(ThemeService.readSeeds("  ")).isEmpty();
        assertThatThrownBy(() -> ThemeService.readSeeds(": examples only")).isInstanceOf(Invalid.class)
                .hasMessageContaining("Start each line with the theme's name");
        assertThatThrownBy(() -> ThemeService.readSeeds("x\n".repeat(31))).isInstanceOf(Invalid.class)
                .hasMessageContaining("at most 30");
    }

    @Test
    void vectors_survive_the_round_trip_through_bytes() {
        float[] v = {1.5f, -0.0f, Float.MAX_VALUE, -3.25e-12f};
        assertThat(EmbeddingStore.decode(EmbeddingStore.encode(v))).containsExactly(v);
        assertThat(EmbeddingStore.encode(v)).hasSize(16);
    }

    @Test
    void an_error_links_to_the_field_it_is_about() {
        assertThat(ThemeRoutes.fieldId("rename", "label", "7")).isEqualTo("label-7");
        assertThat(ThemeRoutes.fieldId("split", "label", "7")).isEqualTo("split-label-7");
        assertThat(ThemeRoutes.fieldId("accept", "label", "")).isEqualTo("suggestions");
        assertThat(ThemeRoutes.fieldId("merge", "theme", "7")).isEqualTo("theme-7");
        assertThat(ThemeRoutes.fieldId("seeds", "seeds", "")).isEqualTo("seeds");
    }
}
