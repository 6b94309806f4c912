package app.cairn.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cairn.common.Invalid;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDetailsTest {
    static EventInput input(EventInput.DateInput date, String time, String zone) {
        return new EventInput("Leading with compassion", "", date, time, zone,
                List.of(new EventInput.HostInput("Dr Jane Smith", "Director of Nursing", "NHS Tayside")), "", "", "");
    }

    static Map<String, String> errors(EventInput in) {
        try {
            EventDetails.check(in);
            return Map.of();
        } catch (Invalid e) {
            return e.fields();
        }
    }

    @Test
    void good_details_are_read_into_dates_times_and_zones() {
        EventDetails d = EventDetails.check(input(EventInput.DateInput.parts("9", "3", "2027"), "2:30pm", "europe/london"));
        assertThat(d.date()).isEqualTo(LocalDate.of(2027, 3, 9));
        assertThat(d.startTime()).isEqualTo(LocalTime.of(14, 30));
        assertThat(d.zone().getId()).isEqualTo("Europe/London");
        assertThat(d.hosts().get(0).line()).isEqualTo("Dr Jane Smith, Director of Nursing, NHS Tayside");
    }

    @Test
    void the_thirty_first_of_february_is_not_a_real_date() {
        assertThat(errors(input(EventInput.DateInput.parts("31", "2", "2027"), "10:00", "Europe/London")))
                .containsEntry("date", "31 February 2027 is not a real date: February 2027 has 28 days");
        assertThat(errors(input(EventInput.DateInput.iso("2028-02-30"), "10:00", "Europe/London")))
                .containsEntry("date", "30 February 2028 is not a real date: February 2028 has 29 days");
    }

    @Test
    void missing_and_malformed_date_parts_are_named() {
        assertThat(errors(input(EventInput.DateInput.parts("", "", ""), "10:00", "UTC")))
                .containsEntry("date", "Enter the date of the conversation");
        assertThat(errors(input(EventInput.DateInput.parts("9", "", ""), "10:00", "UTC")))
                .containsEntry("date", "The date must include a month and year");
        assertThat(errors(input(EventInput.DateInput.parts("9", "13", "2027"), "10:00", "UTC")))
                .containsEntry("date", "The month must be a number from 1 to 12");
        assertThat(errors(input(EventInput.DateInput.parts("9", "3", "27"), "10:00", "UTC")))
                .containsEntry("date", "The year must include 4 numbers, like 2027");
        assertThat(errors(input(EventInput.DateInput.iso("next tuesday"), "10:00", "UTC")))
                .containsEntry("date", "Enter the date as YYYY-MM-DD, like 2027-03-09");
    }

    @Test
    void a_start_time_skipped_by_the_clocks_going_forward_is_explained() {
        assertThat(errors(input(EventInput.DateInput.parts("29", "3", "2026"), "01:30", "Europe/London")))
                .containsEntry("startTime", "On 29 March 2026 the clocks in Europe/London go forward from 01:00 to 02:00, "
                        + "so 01:30 does not exist that day. Choose another start time, such as 02:00");
    }

    @Test
    void an_unknown_time_zone_is_refused_with_a_suggestion() {
        assertThat(errors(input(EventInput.DateInput.parts("9", "3", "2027"), "10:00", "Europe/Londn")))
                .containsEntry("timeZone", "\"Europe/Londn\" is not a time zone. Enter a time zone name like Europe/London "
                        + "or America/New_York. Did you mean Europe/London?");
        assertThat(errors(input(EventInput.DateInput.parts("9", "3", "2027"), "10:00", "+01:00"))).containsKey("timeZone");
        assertThat(errors(input(EventInput.DateInput.parts("9", "3", "2027"), "10:00", "Mars/Olympus_Mons")))
                .containsKey("timeZone");
    }

    @Test
    void times_are_read_as_people_type_them_and_nonsense_is_refused() {
        assertThat(EventDetails.parseTime("10:00")).isEqualTo(LocalTime.of(10, 0));
        assertThat(EventDetails.parseTime("9.30")).isEqualTo(LocalTime.of(9, 30));
        assertThat(EventDetails.parseTime("1430")).isEqualTo(LocalTime.of(14, 30));
        assertThat(EventDetails.parseTime("12am")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(EventDetails.parseTime("12 pm")).isEqualTo(LocalTime.NOON);
        assertThat(EventDetails.parseTime("25:00")).isNull();
        assertThat(EventDetails.parseTime("13pm")).isNull();
        assertThat(EventDetails.parseTime("soon")).isNull();
    }

    @Test
    void over_long_text_bad_links_emails_and_capacities_each_get_a_message() {
        var in = new EventInput("x".repeat(201), "p".repeat(2001), EventInput.DateInput.parts("9", "3", "2027"), "10:00",
                "Europe/London",
                List.of(new EventInput.HostInput("", "Director of Nursing", ""),
                        new EventInput.HostInput("n".repeat(201), "", "")),
                "javascript:alert(1)", "not-an-email", "0");
        assertThat(errors(in))
                .containsEntry("title", "Title must be 200 characters or fewer")
                .containsEntry("purpose", "What we set out to do must be 2000 characters or fewer")
                .containsEntry("hosts[0].name", "Enter the name of host 1")
                .containsEntry("hosts[1].name", "Host 2's name must be 200 characters or fewer")
                .containsEntry("recordingUrl", "Enter the recording link as a full web address starting with https://, "
                        + "like https://video.example.org/our-recording")
                .containsEntry("contactEmail", "Enter the contact email address in the correct format, like name@example.org")
                .containsEntry("capacity", "Capacity must be at least 1, or leave it blank for no limit");
        assertThat(errors(new EventInput("T", "", EventInput.DateInput.parts("9", "3", "2027"), "10:00", "UTC", List.of(),
                "", "", "eighty"))).containsEntry("capacity", "Capacity must be a whole number, like 80, or leave it blank for no limit");
    }

    @Test
    void blank_host_rows_are_ignored() {
        var in = new EventInput("T", "", EventInput.DateInput.parts("9", "3", "2027"), "10:00", "UTC",
                List.of(new EventInput.HostInput("", "", ""), new EventInput.HostInput("Aileen Grant", "", "")), "", "", "");
        assertThat(EventDetails.check(in).hosts()).containsExactly(new Host("Aileen Grant", "", ""));
    }

    @Test
    void segments_with_bad_minutes_or_poll_options_are_refused() {
        var poll = new SegmentInput.PollInput(null, "Which?", "single_choice", List.of("Only one"));
        assertThatThrownBy(() -> AgendaRules.checkAgenda(List.of(
                        new SegmentInput(null, "breakout", "Rooms", "0", "", List.of(), List.of()),
                        new SegmentInput(null, "nonsense", "", "ten", "", List.of(), List.of(poll)))))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                        .containsEntry("segments[0].minutes", "A segment must last at least 1 minute")
                        .containsEntry("segments[1].kind", "Choose what kind of segment this is")
                        .containsEntry("segments[1].title", "Enter the segment's title")
                        .containsEntry("segments[1].minutes", "Minutes must be a whole number, like 15")
                        .containsEntry("segments[1].polls[0].options", "Poll 1 needs at least 2 options, one on each line"));
    }
}
