package app.cairn.event;

import app.cairn.web.Form;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How events read on pages (dates, times, agendas with their times) and how their forms fill and read. */
public final class EventViews {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    static final int MAX_HOST_ROWS = EventDetails.MAX_HOSTS;

    private EventViews() {}

    /** A segment with its number and when it runs, as shown beside it. */
    public record TimedSegment(Segment segment, int number, String start, String end, boolean first, boolean last) {}

    /** "Tuesday 9 March 2027". */
    public static String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /** "Tuesday 9 March 2027, 10:00 to 12:00 (Europe/London)". */
    public static String when(Event event, int totalMinutes) {
        ZonedDateTime start = event.start();
        ZonedDateTime end = start.plusMinutes(totalMinutes);
        String endText = TIME.format(end) + (end.toLocalDate().equals(start.toLocalDate()) ? "" : " on " + longDate(end.toLocalDate()));
        return longDate(event.date()) + ", " + TIME.format(start) + " to " + endText + " (" + event.zone().getId() + ")";
    }

    public static String when(EventSummary s) {
        return when(s.event(), s.totalMinutes());
    }

    public static String when(EventPlan p) {
        return when(p.event(), p.totalMinutes());
    }

    /** "Breakout discussions · 4 prompts · 1 poll", leaving out the kind when the title already says it. */
    public static String kindNote(Segment s) {
        List<String> parts = new ArrayList<>();
        if (!s.kind().label().equalsIgnoreCase(s.title())) parts.add(s.kind().label());
        if (!s.prompts().isEmpty()) parts.add(s.prompts().size() + (s.prompts().size() == 1 ? " prompt" : " prompts"));
        if (!s.polls().isEmpty()) parts.add(s.polls().size() + (s.polls().size() == 1 ? " poll" : " polls"));
        return String.join(" · ", parts);
    }

    public static String duration(int minutes) {
        return Schedule.duration(minutes);
    }

    /** The agenda with each segment's start and end as the event's local clock shows them. */
    public static List<TimedSegment> timed(EventPlan plan) {
        Schedule schedule = plan.schedule();
        List<TimedSegment> rows = new ArrayList<>();
        for (int i = 0; i < plan.segments().size(); i++) {
            var slot = schedule.slots().get(i);
            rows.add(new TimedSegment(plan.segments().get(i), i + 1, schedule.label(slot.start()), schedule.label(slot.end()),
                    i == 0, i == plan.segments().size() - 1));
        }
        return rows;
    }

    /** A note to show when the clocks change during the event, or "". */
    public static String clockNote(EventPlan plan) {
        return plan.schedule().crossesClockChange()
                ? "The clocks change in " + plan.event().zone().getId() + " during this conversation. Times are shown as "
                        + "the local clock reads them, and each segment still lasts its full minutes."
                : "";
    }

    // ---- the details form

    /** A details form filled from a saved event (to edit, or to copy with {@code keepDate} false). */
    static Form form(Event e, boolean keepDate) {
        Map<String, String> v = new HashMap<>();
        v.put("title", e.title());
        v.put("purpose", e.purpose());
        if (keepDate) {
            v.put("date-day", Integer.toString(e.date().getDayOfMonth()));
            v.put("date-month", Integer.toString(e.date().getMonthValue()));
            v.put("date-year", Integer.toString(e.date().getYear()));
            v.put("recordingUrl", e.recordingUrl());
        }
        v.put("startTime", TIME.format(e.startTime()));
        boolean common = TimeZones.common(e.zone().getId());
        v.put("timeZone", common ? e.zone().getId() : "other");
        v.put("timeZoneOther", common ? "" : e.zone().getId());
        for (int i = 0; i < e.hosts().size(); i++) {
            Host h = e.hosts().get(i);
            v.put("hosts[" + i + "].name", h.name());
            v.put("hosts[" + i + "].role", h.role());
            v.put("hosts[" + i + "].organisation", h.organisation());
        }
        v.put("hostRows", Integer.toString(Math.max(1, e.hosts().size())));
        v.put("contactEmail", e.contactEmail());
        v.put("capacity", e.capacity() == null ? "" : e.capacity().toString());
        v.put("version", Integer.toString(e.version()));
        return Form.filled(v);
    }

    /** A blank details form for a new event. */
    static Form blankForm(String contactEmail) {
        return Form.filled(Map.of("timeZone", TimeZones.DEFAULT, "hostRows", "1", "contactEmail", contactEmail));
    }

    /** How many host rows the form shows: what it had, at least one, at most the limit. */
    public static int hostRows(Form f) {
        try {
            return Math.max(1, Math.min(MAX_HOST_ROWS, Integer.parseInt(f.value("hostRows"))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The time zone typed in "another time zone" wins over the list; "other" alone means none chosen. */
    static String zoneOf(Form f) {
        if (!f.value("timeZoneOther").isEmpty()) return f.value("timeZoneOther");
        return "other".equals(f.value("timeZone")) ? "" : f.value("timeZone");
    }

    static EventInput input(Form f) {
        List<EventInput.HostInput> hosts = new ArrayList<>();
        for (int i = 0; i < hostRows(f); i++) {
            hosts.add(new EventInput.HostInput(f.value("hosts[" + i + "].name"), f.value("hosts[" + i + "].role"),
                    f.value("hosts[" + i + "].organisation")));
        }
        return new EventInput(f.value("title"), f.value("purpose"),
                EventInput.DateInput.parts(f.value("date-day"), f.value("date-month"), f.value("date-year")),
                f.value("startTime"), zoneOf(f), hosts, f.value("recordingUrl"), f.value("contactEmail"), f.value("capacity"));
    }

    /** Puts the service's messages on the form's fields (the zone's on the box it was typed in). */
    static void errors(Form f, Map<String, String> errors) {
        errors.forEach((field, message) -> {
            if (field.equals("timeZone") && !f.value("timeZoneOther").isEmpty()) {
                f.error("timeZoneOther", message);
            } else if (field.equals("timeZone") && "other".equals(f.value("timeZone"))) {
                f.error("timeZoneOther", "Type the name of the time zone, like America/Vancouver, or choose one from the list");
            } else {
                f.error(field, message);
            }
        });
    }

    /** Whether a date part has the error, so the date input marks its boxes. */
    public static boolean dateError(Form f) {
        return f.hasError("date");
    }
}
