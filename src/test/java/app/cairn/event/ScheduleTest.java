package app.cairn.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void segments_run_end_to_end_from_the_start() {
        Schedule s = Schedule.of(LocalDate.of(2027, 3, 9), LocalTime.of(10, 0), LONDON, List.of(5, 5, 30, 15, 5));

        assertThat(s.slots()).extracting(slot -> s.label(slot.start()))
                .containsExactly("10:00", "10:05", "10:10", "10:40", "10:55");
        assertThat(s.label(s.end())).isEqualTo("11:00");
        assertThat(s.totalMinutes()).isEqualTo(60);
        assertThat(s.crossesClockChange()).isFalse();
    }

    @Test
    void a_segment_that_crosses_midnight_ends_on_the_next_day_and_says_so() {
        Schedule s = Schedule.of(LocalDate.of(2026, 12, 31), LocalTime.of(23, 30), LONDON, List.of(20, 20, 30));

        assertThat(s.slots().get(1).start().toLocalTime()).isEqualTo(LocalTime.of(23, 50));
        assertThat(s.slots().get(1).end().toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(s.label(s.slots().get(1).start())).isEqualTo("23:50");
        assertThat(s.label(s.slots().get(1).end())).isEqualTo("00:10 Fri 1 Jan");
        assertThat(s.label(s.end())).isEqualTo("00:40 Fri 1 Jan");
    }

    @Test
    void when_the_clocks_go_forward_minutes_stay_real_and_local_times_jump_an_hour() {
        LocalDate lastSundayOfMarch = LocalDate.of(2026, Month.MARCH, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        assertThat(lastSundayOfMarch).isEqualTo(LocalDate.of(2026, 3, 29));

        Schedule s = Schedule.of(lastSundayOfMarch, LocalTime.of(0, 30), LONDON, List.of(60, 60));

        // 00:30 GMT + 60 real minutes is 01:30 GMT, which the clocks call 02:30 BST.
        assertThat(s.slots().get(0).end().toLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(s.end().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(s.totalMinutes()).isEqualTo(120);
        assertThat(s.crossesClockChange()).isTrue();
        assertThat(s.label(s.start())).isEqualTo("00:30 GMT");
        assertThat(s.label(s.slots().get(1).start())).isEqualTo("02:30 BST");
    }

    @Test
    void when_the_clocks_go_back_minutes_stay_real_and_an_hour_repeats() {
        LocalDate lastSundayOfOctober = LocalDate.of(2026, Month.OCTOBER, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        assertThat(lastSundayOfOctober).isEqualTo(LocalDate.of(2026, 10, 25));

        Schedule s = Schedule.of(lastSundayOfOctober, LocalTime.of(0, 30), LONDON, List.of(60, 30));

        // 00:30 BST + 60 is 01:30 BST; 30 more real minutes is 01:00 GMT, the second time the clocks show 01:00.
        assertThat(s.slots().get(0).end().toLocalTime()).isEqualTo(LocalTime.of(1, 30));
        assertThat(s.end().toLocalTime()).isEqualTo(LocalTime.of(1, 0));
        assertThat(s.totalMinutes()).isEqualTo(90);
        assertThat(s.label(s.slots().get(1).start())).isEqualTo("01:30 BST");
        assertThat(s.label(s.end())).isEqualTo("01:00 GMT");
    }

    @Test
    void a_start_time_the_clocks_skip_is_refused_with_the_next_time_that_exists() {
        assertThatThrownBy(() -> Schedule.startOf(LocalDate.of(2026, 3, 29), LocalTime.of(1, 30), LONDON))
                .isInstanceOfSatisfying(Schedule.NonexistentTime.class, e -> {
                    assertThat(e.nextValidTime()).isEqualTo(LocalTime.of(2, 0));
                    assertThat(e.explanation()).isEqualTo("On 29 March 2026 the clocks in Europe/London go forward from 01:00 "
                            + "to 02:00, so 01:30 does not exist that day. Choose another start time, such as 02:00");
                });
    }

    @Test
    void a_start_time_that_happens_twice_means_the_first() {
        var start = Schedule.startOf(LocalDate.of(2026, 10, 25), LocalTime.of(1, 30), LONDON);
        assertThat(start.getOffset().getTotalSeconds()).isEqualTo(3600);
    }

    @Test
    void zero_negative_and_huge_minutes_are_refused() {
        var start = Schedule.startOf(LocalDate.of(2027, 3, 9), LocalTime.of(10, 0), LONDON);
        assertThatThrownBy(() -> Schedule.of(start, List.of(5, 0))).hasMessageContaining("at least 1 minute");
        assertThatThrownBy(() -> Schedule.of(start, List.of(-5))).hasMessageContaining("at least 1 minute");
        assertThatThrownBy(() -> Schedule.of(start, List.of(481))).hasMessageContaining("at most 480 minutes");
        assertThatThrownBy(() -> Schedule.of(start, List.of(Integer.MAX_VALUE))).hasMessageContaining("at most 480 minutes");
        assertThatThrownBy(() -> Schedule.of(start, List.of(480, 480, 480, 1))).hasMessageContaining("must fit in 24 hours");
        assertThat(Schedule.minutesProblem(null)).contains("Enter how many minutes the segment lasts");
        assertThat(Schedule.of(start, List.of(480, 480, 480)).totalMinutes()).isEqualTo(1440);
    }

    @Test
    void an_empty_agenda_ends_when_it_starts() {
        Schedule s = Schedule.of(LocalDate.of(2027, 3, 9), LocalTime.of(10, 0), LONDON, List.of());
        assertThat(s.end()).isEqualTo(s.start());
        assertThat(s.slots()).isEmpty();
    }

    @Test
    void durations_read_as_words() {
        assertThat(Schedule.duration(60)).isEqualTo("1 hour");
        assertThat(Schedule.duration(120)).isEqualTo("2 hours");
        assertThat(Schedule.duration(95)).isEqualTo("1 hour 35 minutes");
        assertThat(Schedule.duration(1)).isEqualTo("1 minute");
    }
}
