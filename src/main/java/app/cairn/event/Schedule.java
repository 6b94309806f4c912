package app.cairn.event;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The clock arithmetic of an agenda: when each segment starts and ends, from the event's start
 * in its own time zone. Minutes are real elapsed minutes, so a segment that spans the clocks
 * going forward still lasts as long as planned; times are shown as the local clock reads them.
 */
public final class Schedule {
    public static final int MAX_SEGMENT_MINUTES = 480;
    public static final int MAX_TOTAL_MINUTES = 24 * 60;
    private static final Locale UK = Locale.UK;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", UK);
    private static final DateTimeFormatter TIME_ZONE = DateTimeFormatter.ofPattern("HH:mm z", UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", UK);

    /** When one segment runs. */
    public record Slot(ZonedDateTime start, ZonedDateTime end) {}

    private final ZonedDateTime start;
    private final List<Slot> slots;

    private Schedule(ZonedDateTime start, List<Slot> slots) {
        this.start = start;
        this.slots = List.copyOf(slots);
    }

    /**
     * Lays segments of the given lengths end to end from {@code start}.
     *
     * @throws IllegalArgumentException when a length is not a whole number of minutes from 1 to
     *     {@value #MAX_SEGMENT_MINUTES}, or they add up to more than a day
     */
    public static Schedule of(ZonedDateTime start, List<Integer> minutes) {
        List<Slot> slots = new ArrayList<>();
        ZonedDateTime at = start;
        long total = 0;
        for (int i = 0; i < minutes.size(); i++) {
            Integer m = minutes.get(i);
            Optional<String> problem = minutesProblem(m);
            if (problem.isPresent()) throw new IllegalArgumentException("segment " + (i + 1) + ": " + problem.get());
            total += m;
            if (total > MAX_TOTAL_MINUTES) throw new IllegalArgumentException(totalProblem(total));
            // plusMinutes works on the instant time-line: a clock change does not stretch or shrink a segment.
            ZonedDateTime end = at.plusMinutes(m);
            slots.add(new Slot(at, end));
            at = end;
        }
        return new Schedule(start, slots);
    }

    /** The schedule of an agenda from the start of an event in its zone. */
    public static Schedule of(LocalDate date, LocalTime time, ZoneId zone, List<Integer> minutes) {
        return of(startOf(date, time, zone), minutes);
    }

    /**
     * The moment a local date and time names in a zone.
     *
     * @throws NonexistentTime when the clocks go forward past that time on that day
     */
    public static ZonedDateTime startOf(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) throw new NonexistentTime(local, zone, gap);
        // In an overlap (clocks going back) the earlier of the two moments is meant.
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    /** Why a segment length cannot be used, in words for organisers; empty when it is fine. */
    public static Optional<String> minutesProblem(Integer minutes) {
        if (minutes == null) return Optional.of("Enter how many minutes the segment lasts");
        if (minutes < 1) return Optional.of("A segment must last at least 1 minute");
        if (minutes > MAX_SEGMENT_MINUTES) {
            return Optional.of("A segment can last at most " + MAX_SEGMENT_MINUTES + " minutes (8 hours)");
        }
        return Optional.empty();
    }

    static String totalProblem(long totalMinutes) {
        return "The whole agenda must fit in 24 hours, but it adds up to " + duration(totalMinutes);
    }

    /** "1 hour 30 minutes", "45 minutes", "2 hours". */
    public static String duration(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        String hours = h == 0 ? "" : h + (h == 1 ? " hour" : " hours");
        String mins = m == 0 ? "" : m + (m == 1 ? " minute" : " minutes");
        if (hours.isEmpty()) return mins.isEmpty() ? "0 minutes" : mins;
        return mins.isEmpty() ? hours : hours + " " + mins;
    }

    public ZonedDateTime start() {
        return start;
    }

    public ZonedDateTime end() {
        return slots.isEmpty() ? start : slots.get(slots.size() - 1).end();
    }

    public List<Slot> slots() {
        return slots;
    }

    public long totalMinutes() {
        return java.time.Duration.between(start.toInstant(), end().toInstant()).toMinutes();
    }

    /** Whether the clocks in the event's zone change while it runs, so times need their zone's name. */
    public boolean crossesClockChange() {
        return !start.getOffset().equals(end().getOffset());
    }

    /**
     * A time as the local clock shows it: "10:05"; with the zone's abbreviation ("01:30 GMT",
     * "03:00 BST") when the clocks change during the event; and with the day ("00:10 Thu 1 Jan")
     * when it falls on a later date than the start.
     */
    public String label(ZonedDateTime time) {
        String clock = (crossesClockChange() ? TIME_ZONE : TIME).format(time);
        if (time.toLocalDate().equals(start.toLocalDate())) return clock;
        return clock + " " + SHORT_DAY.format(time);
    }

    /** A local time that the clocks skip on the day they go forward. */
    public static final class NonexistentTime extends RuntimeException {
        private final transient ZoneOffsetTransition gap;
        private final LocalDateTime local;
        private final ZoneId zone;

        NonexistentTime(LocalDateTime local, ZoneId zone, ZoneOffsetTransition gap) {
            super(local + " does not exist in " + zone, null, false, false);
            this.local = local;
            this.zone = zone;
            this.gap = gap;
        }

        /** The first time that exists after the clocks go forward, e.g. 02:00 in London. */
        public LocalTime nextValidTime() {
            return gap.getDateTimeAfter().toLocalTime();
        }

        /** A message saying what happened and what to choose instead. */
        public String explanation() {
            return "On " + DateTimeFormatter.ofPattern("d MMMM yyyy", UK).format(local) + " the clocks in " + zone.getId()
                    + " go forward from " + TIME.format(gap.getDateTimeBefore()) + " to " + TIME.format(gap.getDateTimeAfter())
                    + ", so " + TIME.format(local) + " does not exist that day. Choose another start time, such as "
                    + TIME.format(gap.getDateTimeAfter());
        }
    }
}
