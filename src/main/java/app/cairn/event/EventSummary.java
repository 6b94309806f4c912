package app.cairn.event;

import java.time.Instant;
import java.time.ZonedDateTime;

/** An event in a list: its details and how long its agenda runs, enough to say when it ends. */
public record EventSummary(Event event, int totalMinutes) {
    public ZonedDateTime end() {
        return event.start().plusMinutes(totalMinutes);
    }

    /** Past once it has ended. */
    public boolean pastAt(Instant now) {
        return !end().toInstant().isAfter(now);
    }
}
