package app.cairn.live;

import java.util.Optional;

/** Resolves a registration's personal join link to the person it belongs to (provided by registration). */
@FunctionalInterface
public interface Tickets {
    Optional<Ticket> ticket(String token);

    /** A confirmed registration: who they are and which conversation. */
    record Ticket(long registrationId, long eventId, String name, String role, String organisation, String sector,
            String email) {}

    Tickets NONE = token -> Optional.empty();
}
