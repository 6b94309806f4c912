package app.cairn.community;

import java.time.Instant;

/** A community that holds conversations: a leadership programme, a network, a team. */
public record Community(
        long id,
        String slug,
        String name,
        String description,
        String contactEmail,
        String logoText,
        boolean hasLogoImage,
        String brandColour,
        String privacyNotice,
        Instant createdAt) {}
