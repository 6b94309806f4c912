package app.cairn.account;

import app.cairn.store.Db;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Personal API tokens: an organiser makes one, sees it once, and sends it as a bearer token. */
public final class ApiTokenService {
    static final String PREFIX = "cairn_";
    private final Jdbi jdbi;
    private final Clock clock;

    public ApiTokenService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The account a token belongs to, unless it is unknown or revoked. */
    public Optional<Account> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 120) return Optional.empty();
        String hash = Tokens.hash(token);
        Optional<Long> accountId = jdbi.withHandle(h -> h.createQuery(
                        "SELECT account_id FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", hash)
                .mapTo(Long.class)
                .findOne());
        accountId.ifPresent(id -> jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                .bind("now", Db.utc(clock.instant()))
                .bind("hash", hash)
                .execute()));
        return accountId.flatMap(id -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, email, name, is_admin, created_at FROM accounts WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Account(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                        rs.getBoolean("is_admin"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .findOne()));
    }

    /** Makes a token; the returned secret is shown to the organiser once and never again. */
    public String create(long accountId, String name) {
        String token = PREFIX + Tokens.newSecret();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_tokens (account_id, name, token_hash, created_at)
                        VALUES (:account, :name, :hash, :now)""")
                .bind("account", accountId)
                .bind("name", name)
                .bind("hash", Tokens.hash(token))
                .bind("now", Db.utc(clock.instant()))
                .execute());
        return token;
    }
}
