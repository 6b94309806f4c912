package app.cairn.account;

import java.time.Instant;

/** An organiser who signs in to plan and run conversations. */
public record Account(long id, String email, String name, boolean admin, Instant createdAt) {}
