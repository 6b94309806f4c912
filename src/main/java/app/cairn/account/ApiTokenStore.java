package app.cairn.account;

import app.cairn.store.Db;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for personal API tokens. Only the SHA-256 of a token is stored. */
final class ApiTokenStore {
    private static final RowMapper<ApiToken> TOKEN = (rs, ctx) -> new ApiToken(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            Db.instant(rs.getObject("last_used_at", OffsetDateTime.class)));

    private final Jdbi jdbi;

    ApiTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(long accountId, String name, String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO api_tokens (account_id, name, token_hash, created_at)
                        VALUES (:account, :name, :hash, :now)""")
                .bind("account", accountId)
                .bind("name", name)
                .bind("hash", tokenHash)
                .bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** The owner of a live token, and when it was last used. */
    Optional<Use> use(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT account_id, last_used_at FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Use(rs.getLong("account_id"),
                        Db.instant(rs.getObject("last_used_at", OffsetDateTime.class))))
                .findOne());
    }

    record Use(long accountId, Instant lastUsed) {}

    void touch(String tokenHash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                .bind("now", Db.utc(now))
                .bind("hash", tokenHash)
                .execute());
    }

    List<ApiToken> live(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, name, created_at, last_used_at FROM api_tokens
                        WHERE account_id = :account AND revoked_at IS NULL ORDER BY id DESC""")
                .bind("account", accountId)
                .map(TOKEN)
                .list());
    }

    Optional<ApiToken> live(long accountId, long tokenId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, name, created_at, last_used_at FROM api_tokens
                        WHERE id = :id AND account_id = :account AND revoked_at IS NULL""")
                .bind("id", tokenId)
                .bind("account", accountId)
                .map(TOKEN)
                .findOne());
    }

    boolean revoke(long accountId, long tokenId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                UPDATE api_tokens SET revoked_at = :now
                                WHERE id = :id AND account_id = :account AND revoked_at IS NULL""")
                        .bind("id", tokenId)
                        .bind("account", accountId)
                        .bind("now", Db.utc(now))
                        .execute())
                == 1;
    }
}
