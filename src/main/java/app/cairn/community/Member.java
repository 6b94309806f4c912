package app.cairn.community;

import java.time.Instant;

/** Someone in a community's team, with their role. */
public record Member(long accountId, String name, String email, Role role, Instant joinedAt) {}
