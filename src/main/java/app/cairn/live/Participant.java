package app.cairn.live;

/** A person taking part in a live conversation, from their registration or as a walk-in. */
public record Participant(long id, long eventId, Long registrationId, String name, String roleTitle,
        String organisation, String sector, String email) {}
