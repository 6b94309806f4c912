package app.cairn.registration;

/**
 * Who a personal join link ({@code /j/{token}}) belongs to, for the live feature: only ever for a
 * confirmed registration. {@code sector} is a {@link Sector} code or "".
 */
public record JoinTicket(long registrationId, long eventId, String name, String role, String organisation,
        String sector, String email) {}
