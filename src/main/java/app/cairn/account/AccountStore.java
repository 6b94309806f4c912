package app.cairn.account;

import app.cairn.store.Db;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for accounts and their sessions (API tokens and reset links have their own stores). */
final class AccountStore {
    private static final String COLUMNS = "id, email, name, is_admin, created_at";
    private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(
            rs.getLong("id"),
            rs.getString("email"),
            rs.getString("name"),
            rs.getBoolean("is_admin"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final Jdbi jdbi;

    AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    long insert(Handle h, String email, String name, String passwordHash, Instant now) {
        return h.createUpdate("""
                        INSERT INTO accounts (email, email_key, name, password_hash, is_admin, created_at, password_changed_at)
                        VALUES (:email, :key, :name, :hash, FALSE, :now, :now)""")
                .bind("email", email.strip())
                .bind("key", emailKey(email))
                .bind("name", name)
                .bind("hash", passwordHash)
                .bind("now", Db.utc(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    void makeAdmin(Handle h, long id) {
        h.createUpdate("UPDATE accounts SET is_admin = TRUE WHERE id = :id").bind("id", id).execute();
    }

    boolean emailTaken(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE email_key = :key")
                        .bind("key", emailKey(email))
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }

    Optional<Account> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
                .bind("id", id)
                .map(ACCOUNT)
                .findOne());
    }

    Optional<Account> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE email_key = :key")
                .bind("key", emailKey(email))
                .map(ACCOUNT)
                .findOne());
    }

    Optional<String> passwordHash(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM accounts WHERE id = :id")
                .bind("id", accountId)
                .mapTo(String.class)
                .findOne());
    }

    void setPassword(Handle h, long accountId, String hash, Instant now) {
        h.createUpdate("UPDATE accounts SET password_hash = :hash, password_changed_at = :now WHERE id = :id")
                .bind("hash", hash)
                .bind("now", Db.utc(now))
                .bind("id", accountId)
                .execute();
    }

    void updateProfile(long accountId, String name) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET name = :name WHERE id = :id")
                .bind("name", name)
                .bind("id", accountId)
                .execute());
    }

    List<Account> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts ORDER BY id")
                .map(ACCOUNT)
                .list());
    }

    // Sessions

    void insertSession(String tokenHash, long accountId, Instant now, Instant expires) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, expires_at)
                        VALUES (:hash, :account, :now, :now, :expires)""")
                .bind("hash", tokenHash)
                .bind("account", accountId)
                .bind("now", Db.utc(now))
                .bind("expires", Db.utc(expires))
                .execute());
    }

    /** The session's account and when it was last seen, if the session is still valid. */
    Optional<SessionRow> session(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, a.email, a.name, a.is_admin, a.created_at, s.last_seen_at
                        FROM sessions s JOIN accounts a ON a.id = s.account_id
                        WHERE s.token_hash = :hash AND s.expires_at > :now""")
                .bind("hash", tokenHash)
                .bind("now", Db.utc(now))
                .map((rs, ctx) -> new SessionRow(
                        ACCOUNT.map(rs, ctx), rs.getObject("last_seen_at", OffsetDateTime.class).toInstant()))
                .findOne());
    }

    record SessionRow(Account account, Instant lastSeen) {}

    void touchSession(String tokenHash, Instant now, Instant expires) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE sessions SET last_seen_at = :now, expires_at = :expires WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .bind("now", Db.utc(now))
                .bind("expires", Db.utc(expires))
                .execute());
    }

    void deleteSession(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .execute());
    }

    void deleteSessionsExcept(Handle h, long accountId, String keepHash) {
        h.createUpdate("DELETE FROM sessions WHERE account_id = :account AND token_hash <> :keep")
                .bind("account", accountId)
                .bind("keep", keepHash == null ? "" : keepHash)
                .execute();
    }

    void deleteExpiredSessions(Instant now) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", Db.utc(now))
                .execute());
    }

    Jdbi jdbi() {
        return jdbi;
    }
}
