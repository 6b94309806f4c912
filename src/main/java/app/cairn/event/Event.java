package app.cairn.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A conversation a community plans: when (a local date and time in an IANA zone), who hosts it,
 * and what it sets out to do. Its agenda is kept apart, in {@link EventPlan}.
 */
public record Event(
        long id,
        long communityId,
        String slug,
        String title,
        String purpose,
        LocalDate date,
        LocalTime startTime,
        ZoneId zone,
        List<Host> hosts,
        String recordingUrl,
        String contactEmail,
        Integer capacity,
        String templateName,
        Instant cancelledAt,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    public Event {
        hosts = List.copyOf(hosts);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /**
     * When it starts. A time the clocks skip (possible only if zone rules changed after it was
     * saved) moves forward by the length of the gap rather than failing.
     */
    public ZonedDateTime start() {
        return ZonedDateTime.of(date, startTime, zone);
    }

    /** The details as they were saved, to edit or copy. */
    public EventDetails details() {
        return new EventDetails(title, purpose, date, startTime, zone, hosts, recordingUrl, contactEmail, capacity);
    }
}
