package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class CalendarInviteTest {
    static CalendarInvite.Details details(ZonedDateTime start, boolean cancelled) {
        return new CalendarInvite.Details("cairn-registration-7@cairn.test", "Leading with compassion", "Purpose\n\nJoin: x",
                start, start.plusMinutes(120), "http://cairn.test/j/7.abc", "Care Leaders", "hello@care.example",
                "Aileen Grant", "aileen+events@example.org", 1, cancelled, Instant.now());
    }

    @Test
    void the_invitation_is_a_valid_vevent_in_the_events_own_zone() throws Exception {
        ZonedDateTime start = ZonedDateTime.of(2027, 3, 30, 10, 0, 0, 0, ZoneId.of("Europe/London"));
        String ics = CalendarInvite.text(details(start, false));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/London");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270330T100000");
        assertThat(event.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20270330T120000");
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("cairn-registration-7@cairn.test");
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:aileen+events@example.org");
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
    }

    @Test
    void a_cancellation_says_so() throws Exception {
        ZonedDateTime start = ZonedDateTime.of(2027, 3, 30, 10, 0, 0, 0, ZoneId.of("America/Vancouver"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(CalendarInvite.text(details(start, true))));
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/Vancouver");
    }
}
