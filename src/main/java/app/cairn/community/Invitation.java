package app.cairn.community;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An emailed invitation to join a community's team with a role. Only the link's hash is stored. */
public record Invitation(
        long id,
        long communityId,
        String email,
        Role role,
        Long invitedBy,
        Instant createdAt,
        Instant expiresAt,
        Instant acceptedAt,
        Long acceptedBy,
        Instant revokedAt) {

    /** Where an invitation stands. */
    public enum Status {
        PENDING,
        EXPIRED,
        ACCEPTED,
        REVOKED
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The last day the link works, as people read dates: "14 December 2026". */
    public String expiresOn() {
        return DAY.format(expiresAt.atZone(ZoneOffset.UTC));
    }

    public String sentOn() {
        return DAY.format(createdAt.atZone(ZoneOffset.UTC));
    }

    public Status status(Instant now) {
        if (acceptedAt != null) return Status.ACCEPTED;
        if (revokedAt != null) return Status.REVOKED;
        return expiresAt.isAfter(now) ? Status.PENDING : Status.EXPIRED;
    }
}
