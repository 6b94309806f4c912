package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void titles_pronouns_accents_and_case_are_set_aside() {
        assertThat(Names.key("Dr Priya Shah (she/her)")).isEqualTo("priya shah");
        assertThat(Names.key("PROF. Seán O'Neill [Guest]")).isEqualTo("sean o'neill");
        assertThat(Names.key("  tom   reid ")).isEqualTo("tom reid");
        assertThat(Names.key("Mx Alex Kim (they/them) (NHS Fife)")).isEqualTo("alex kim");
    }

    @Test
    void the_display_name_drops_bracketed_notes_but_keeps_the_title() {
        assertThat(Names.display("Dr Priya Shah (she/her)")).isEqualTo("Dr Priya Shah");
        assertThat(Names.display("(she/her)")).isEqualTo("(she/her)");
    }
}
