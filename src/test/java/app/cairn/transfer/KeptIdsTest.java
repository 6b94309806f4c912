package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.themes.ThemeService.KeptItem;
import app.cairn.themes.ThemeService.KeptTheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeptIdsTest {

    @Test
    void streams_and_contributions_are_renumbered_and_what_cannot_be_is_left_out() {
        var themes = List.of(
                new KeptTheme("chat-12", "Time", "", List.of(new KeptItem("m40", true, false), new KeptItem("m41", false, true),
                        new KeptItem("m99", false, false))),
                new KeptTheme("registration", "Purpose", "s", List.of(new KeptItem("q7", false, false))),
                new KeptTheme("answers-p9", "Valued", "", List.of(new KeptItem("v3.p9", false, false))),
                new KeptTheme("notes-round-30", "Notes", "", List.of(new KeptItem("m31", false, false))),
                new KeptTheme("chat-77", "Gone", "", List.of(new KeptItem("m40", false, false))));

        var out = KeptIds.renumber(themes, Map.of(12L, 112L), Map.of("p9", "p19"), Map.of(7L, 17L), Map.of(3L, 13L),
                Map.of(40L, 140L, 41L, 141L, 30L, 130L, 31L, 131L));

        assertThat(out).extracting(KeptTheme::stream).containsExactly("chat-112", "registration", "answers-p19",
                "notes-round-130");
        assertThat(out.get(0).items()).containsExactly(new KeptItem("m140", true, false), new KeptItem("m141", false, true));
        assertThat(out.get(1).items()).containsExactly(new KeptItem("q17", false, false));
        assertThat(out.get(2).items()).containsExactly(new KeptItem("v13.p19", false, false));
        assertThat(KeptIds.item("x1", Map.of(), Map.of(), Map.of(), Map.of())).isNull();
        assertThat(KeptIds.item("v.p9", Map.of(), Map.of(), Map.of(), Map.of())).isNull();
    }

    @Test
    void feedback_respondents_follow_their_registration_or_participant_and_imported_keys_stay() {
        Map<Long, Long> registrations = Map.of(7L, 17L);
        Map<Long, Long> participants = Map.of(3L, 13L);
        assertThat(KeptIds.person("registration:7", registrations::get, participants::get)).isEqualTo("registration:17");
        assertThat(KeptIds.person("participant:3", registrations::get, participants::get)).isEqualTo("participant:13");
        assertThat(KeptIds.person("import:0123456789ab:4", registrations::get, participants::get))
                .isEqualTo("import:0123456789ab:4");
        for (String unknown : new String[] {"registration:8", "participant:7", "registration:x", "someone", "participant:"}) {
            assertThat(KeptIds.person(unknown, registrations::get, participants::get)).as(unknown).isNull();
        }
    }
}
