package app.cairn.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cairn.common.Invalid;
import app.cairn.live.LivePlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Video links and themes: the parts of opening rooms and reporting back that need no server. */
class RoomsServiceTest {
    static final LivePlan PLAN = new LivePlan(42, "Leading with compassion, when the pressure is on!", 1, "tayside",
            "Europe/London", "", List.of());

    @Test
    void a_template_gives_each_room_its_own_link_and_pasted_lines_win() {
        assertThat(RoomsService.videos(PLAN, 3, "https://meet.jit.si/{event}-{room}", List.of("", "Breakout Room 7")))
                .containsExactly("https://meet.jit.si/leading-with-compassion-when-the-42-1", "Breakout Room 7",
                        "https://meet.jit.si/leading-with-compassion-when-the-42-3");
        assertThat(RoomsService.videos(PLAN, 2, "", List.of())).containsExactly("", "");
    }

    @Test
    void only_web_links_are_accepted_as_links() {
        assertThatThrownBy(() -> RoomsService.videos(PLAN, 1, "javascript:alert(1)", List.of()))
                .isInstanceOf(Invalid.class).hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> RoomsService.videos(PLAN, 2, "", List.of("https://zoom.example/j/1", "data://x")))
                .isInstanceOf(Invalid.class).hasMessage("Room 2's video link must start with https://");
        assertThat(VideoLinks.isWebLink("https://teams.example/l/meetup")).isTrue();
        assertThat(VideoLinks.isWebLink("https://a b")).isFalse();
    }

    @Test
    void a_room_reports_one_to_three_themes_without_blanks() {
        assertThat(RoomsService.themes(List.of(" Trust ", "", "Time to think"))).containsExactly("Trust", "Time to think");
        assertThatThrownBy(() -> RoomsService.themes(List.of("", " "))).hasMessage("Enter at least one theme for the report-back");
        assertThatThrownBy(() -> RoomsService.themes(List.of("a", "b", "c", "d")))
                .hasMessage("Choose your room's top three themes (at most three)");
        assertThatThrownBy(() -> RoomsService.themes(List.of("x".repeat(151))))
                .hasMessage("Keep each theme to 150 characters or fewer");
    }

    @Test
    void names_read_as_a_sentence() {
        assertThat(RoomsView.Names.list(List.of("Aileen", "Tom", "Priya"))).isEqualTo("Aileen, Tom and Priya");
        assertThat(RoomsView.Names.list(List.of("Aileen"))).isEqualTo("Aileen");
    }
}
