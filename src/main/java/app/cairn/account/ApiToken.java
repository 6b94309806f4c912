package app.cairn.account;

import java.time.Instant;

/** A personal API token as its owner sees it in the list: never the secret, which is shown once. */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt) {}
