package app.cairn.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartsTest {
    static Series.EventReach event(String title, LocalDate date, int registered, int attended, int fresh) {
        Map<String, Integer> sectors = new LinkedHashMap<>(InsightsService.blankSectors());
        sectors.put("Health care", registered - 1);
        sectors.put("Social care", 1);
        return new Series.EventReach(date.hashCode(), title, date, true, registered, 0, attended, fresh, registered - fresh,
                3, 1, sectors);
    }

    static final Series SERIES = new Series(List.of(
            event("Kindness in practice", LocalDate.of(2026, 8, 20), 42, 30, 42),
            event("Leading with compassion", LocalDate.of(2026, 10, 20), 83, 61, 70),
            event("Same day, second session", LocalDate.of(2026, 10, 20), 12, 0, 5)),
            117, 25, Map.of("Health care", 134, "Social care", 3), List.of());

    @Test
    void every_chart_is_a_scalable_svg_with_its_numbers_on_it_and_no_script() {
        for (Charts.Kind kind : Charts.Kind.values()) {
            String svg = Charts.svg(kind, SERIES);
            assertThat(svg).as(kind.name()).startsWith("<svg").contains("viewBox='0.0 0.0 760.0 380.0'")
                    .doesNotContain("<script").doesNotContain("javascript:");
        }
        assertThat(Charts.svg(Charts.Kind.PEOPLE, SERIES)).contains(">83<", ">61<", "Registered", "Attended");
    }

    @Test
    void two_conversations_on_one_day_get_their_own_labels_and_the_alt_text_says_what_the_chart_shows() {
        assertThat(Charts.labels(SERIES)).containsExactly("20 Aug 2026", "20 Oct 2026", "20 Oct 2026 (2)");
        assertThat(Charts.alt(Charts.Kind.PEOPLE, SERIES)).isEqualTo("People registered and attended at 3 conversations "
                + "from 20 Aug 2026 to 20 Oct 2026. Bars for people registered and people who attended. The most registered "
                + "was 83, on 20 Oct 2026. The table below the chart gives every number.");
        assertThat(Charts.alt(Charts.Kind.ORGANISATIONS, new Series(List.of(), 0, 0, Map.of(), List.of())))
                .isEqualTo("Organisations reached: no conversations yet.");
    }
}
