package app.cairn.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.admin.LinkedText.Piece;
import org.junit.jupiter.api.Test;

class LinkedTextTest {

    @Test
    void links_are_marked_and_the_text_around_them_kept() {
        assertThat(LinkedText.of("Open https://cairn.example.org/reset/abc to choose a password."))
                .containsExactly(new Piece("Open ", false), new Piece("https://cairn.example.org/reset/abc", true),
                        new Piece(" to choose a password.", false));
    }

    @Test
    void a_full_stop_or_bracket_after_a_link_is_not_part_of_it() {
        assertThat(LinkedText.of("(see http://localhost:7070/join/x1).")).containsExactly(new Piece("(see ", false),
                new Piece("http://localhost:7070/join/x1", true), new Piece(").", false));
    }

    @Test
    void only_web_links_are_links() {
        assertThat(LinkedText.of("javascript:alert(1) and mailto:a@example.org and <b>http</b>"))
                .containsExactly(new Piece("javascript:alert(1) and mailto:a@example.org and <b>http</b>", false));
        assertThat(LinkedText.of("https://")).containsExactly(new Piece("https://", false));
    }

    @Test
    void a_link_stops_at_a_quote_or_angle_bracket() {
        assertThat(LinkedText.of("<https://example.org/a\"onmouseover=x>")).containsExactly(new Piece("<", false),
                new Piece("https://example.org/a", true), new Piece("\"onmouseover=x>", false));
    }

    @Test
    void text_without_links_is_one_piece_and_nothing_is_nothing() {
        assertThat(LinkedText.of("Hello Priya,\n\nSee you soon.")).containsExactly(new Piece("Hello Priya,\n\nSee you soon.", false));
        assertThat(LinkedText.of("")).isEmpty();
        assertThat(LinkedText.of(null)).isEmpty();
    }
}
