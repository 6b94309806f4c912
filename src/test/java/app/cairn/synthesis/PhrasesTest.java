package app.cairn.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhrasesTest {
    private static List<String> keys(String text) {
        return Phrases.of(text).stream().map(Phrases.Phrase::key).toList();
    }

    @Test
    void phrases_neither_start_nor_end_with_stop_words() {
        List<String> keys = keys("We need better support for unpaid carers in the community");
        assertThat(keys).contains("unpaid carer", "carer", "support", "better support", "community");
        assertThat(keys).noneMatch(k -> k.startsWith("we ") || k.endsWith(" for") || k.endsWith(" the"));
    }

    @Test
    void plurals_and_case_meet_in_the_key_while_the_words_stay_as_written() {
        Phrases.Phrase p = Phrases.of("Unpaid Carers matter").stream().filter(x -> x.key().equals("unpaid carer")).findFirst().orElseThrow();
        assertThat(p.surface()).isEqualTo("Unpaid Carers");
        assertThat(keys("an unpaid carer")).contains("unpaid carer");
    }

    @Test
    void phrases_do_not_cross_punctuation() {
        assertThat(keys("workload, rest areas and hot food")).doesNotContain("workload rest").contains("rest area", "hot food");
    }

    @Test
    void hyphenated_words_are_shown_with_their_hyphen() {
        Phrases.Phrase p = Phrases.of("Short-term funding kills good projects").get(0);
        assertThat(Phrases.of("Short-term funding kills good projects")).extracting(Phrases.Phrase::surface).contains("Short-term funding");
        assertThat(p.surface()).startsWith("Short");
    }

    @Test
    void other_scripts_give_phrases_without_errors() {
        assertThat(Phrases.of("等待名单太长了")).isNotEmpty();
        assertThat(Phrases.of("Списки ожидания слишком длинные")).isNotEmpty();
        assertThat(Phrases.of("👍👍")).isEmpty();
        assertThat(Phrases.of("")).isEmpty();
    }
}
