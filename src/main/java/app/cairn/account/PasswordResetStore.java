package app.cairn.account;

import app.cairn.store.Db;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for password reset links. Only the SHA-256 of a link's secret is stored. */
final class PasswordResetStore {
    private final Jdbi jdbi;

    PasswordResetStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(String tokenHash, long accountId, Instant now, Instant expires) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO password_resets (token_hash, account_id, created_at, expires_at)
                        VALUES (:hash, :account, :now, :expires)""")
                .bind("hash", tokenHash)
                .bind("account", accountId)
                .bind("now", Db.utc(now))
                .bind("expires", Db.utc(expires))
                .execute());
    }

    Optional<Row> find(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT account_id, expires_at, used_at FROM password_resets WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Row(rs.getLong("account_id"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        Db.instant(rs.getObject("used_at", OffsetDateTime.class))))
                .findOne());
    }

    record Row(long accountId, Instant expiresAt, Instant usedAt) {}

    /** Uses the link if it is still good; false when it was used or expired meanwhile. */
    boolean consume(Handle h, String tokenHash, Instant now) {
        return h.createUpdate("""
                        UPDATE password_resets SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .bind("hash", tokenHash)
                .bind("now", Db.utc(now))
                .execute()
                == 1;
    }

    /** Ends every open link for the account, e.g. once its password has changed. */
    void endAll(Handle h, long accountId, Instant now) {
        h.createUpdate("UPDATE password_resets SET used_at = :now WHERE account_id = :account AND used_at IS NULL")
                .bind("account", accountId)
                .bind("now", Db.utc(now))
                .execute();
    }

    /** Forgets links that ended before {@code before}; recent ones stay so an old link can say "expired". */
    void deleteEndedBefore(Instant before) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM password_resets WHERE expires_at < :before")
                .bind("before", Db.utc(before))
                .execute());
    }
}
