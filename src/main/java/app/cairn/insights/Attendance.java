package app.cairn.insights;

import java.util.Set;

/**
 * Who attended an event: the registrations whose people joined it live. The live feature knows
 * (its participants carry the registration they joined with); {@code Cairn.java} wires it in.
 */
@FunctionalInterface
public interface Attendance {
    /** The ids of the event's registrations whose person joined the live conversation. */
    Set<Long> attended(long eventId);

    /** Before the live feature is running: nobody is known to have attended. */
    Attendance NONE = eventId -> Set.of();
}
