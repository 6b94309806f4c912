package app.cairn.account;

import app.cairn.common.Conflict;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.config.Settings;
import app.cairn.mail.Mail;
import app.cairn.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passwords after sign-up: reset by an emailed link (single use, one hour) and change while
 * signed in. Either way every other session of the account ends, and the owner is told by email.
 */
public final class PasswordService {
    public static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(PasswordService.class);

    private final Jdbi jdbi;
    private final AccountStore accounts;
    private final PasswordResetStore resets;
    private final AccountService sessions;
    private final Mailer mailer;
    private final Settings settings;
    private final Clock clock;

    public PasswordService(Jdbi jdbi, AccountService sessions, Mailer mailer, Settings settings, Clock clock) {
        this.jdbi = jdbi;
        this.accounts = new AccountStore(jdbi);
        this.resets = new PasswordResetStore(jdbi);
        this.sessions = sessions;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Emails a reset link when an account has this address, and does nothing otherwise: the
     * caller shows the same answer either way, so nobody can find out who has an account.
     */
    public void requestReset(String email) {
        Instant now = clock.instant();
        resets.deleteEndedBefore(now.minus(Duration.ofDays(1)));
        Optional<Account> account = email == null || email.isBlank() ? Optional.empty() : accounts.byEmail(email);
        if (account.isEmpty()) {
            log.info("password reset asked for an address with no account");
            return;
        }
        String secret = Tokens.newSecret();
        resets.insert(Tokens.hash(secret), account.get().id(), now, now.plus(RESET_LINK_LIFETIME));
        mailer.send(new Mail(account.get().email(), "Reset your Cairn password",
                Emails.resetLink(account.get(), settings.link("/reset/" + secret))));
        log.info("password reset link sent account={}", account.get().id());
    }

    /** What a reset link can do now. */
    public enum LinkState { VALID, EXPIRED, USED, UNKNOWN }

    /** A reset link's state, and whose it is when it is still good. */
    public record ResetLink(LinkState state, Optional<Account> account) {}

    public ResetLink link(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) return new ResetLink(LinkState.UNKNOWN, Optional.empty());
        var row = resets.find(Tokens.hash(secret));
        if (row.isEmpty()) return new ResetLink(LinkState.UNKNOWN, Optional.empty());
        if (row.get().usedAt() != null) return new ResetLink(LinkState.USED, Optional.empty());
        if (!row.get().expiresAt().isAfter(clock.instant())) return new ResetLink(LinkState.EXPIRED, Optional.empty());
        Optional<Account> account = accounts.byId(row.get().accountId());
        return new ResetLink(account.isPresent() ? LinkState.VALID : LinkState.UNKNOWN, account);
    }

    /**
     * Sets a new password through a reset link, ends every session of the account and starts a
     * new one; returns the new session's secret for the cookie.
     */
    public String reset(String secret, String newPassword) {
        ResetLink link = link(secret);
        if (link.state() != LinkState.VALID) throw new Conflict(linkProblem(link.state()));
        Account account = link.account().orElseThrow();
        String password = newPassword == null ? "" : newPassword;
        String problem = Passwords.problem(password, account.email());
        if (problem != null) throw Invalid.field("password", problem);
        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            // Only one request can use a link, even if it is sent twice at once.
            if (!resets.consume(h, Tokens.hash(secret), now)) throw new Conflict(linkProblem(LinkState.USED));
            resets.endAll(h, account.id(), now);
            accounts.setPassword(h, account.id(), hash, now);
            accounts.deleteSessionsExcept(h, account.id(), null);
        });
        log.info("password reset account={}", account.id());
        tellOwner(account, now);
        return sessions.startSession(account.id());
    }

    /** Changes the password of a signed-in organiser; every session but {@code keepSessionSecret} ends. */
    public void change(long accountId, String currentPassword, String newPassword, String keepSessionSecret) {
        Account account = accounts.byId(accountId).orElseThrow(() -> new NotFound("There is no such account."));
        String current = currentPassword == null ? "" : currentPassword;
        String next = newPassword == null ? "" : newPassword;
        Map<String, String> errors = new LinkedHashMap<>();
        if (current.isEmpty()) {
            errors.put("currentPassword", "Enter your current password");
        } else if (!Passwords.matches(current, accounts.passwordHash(accountId).orElseThrow())) {
            errors.put("currentPassword", "Your current password is not right");
        }
        String problem = next.isEmpty() ? "Enter your new password" : Passwords.problem(next, account.email());
        if (problem != null) {
            errors.put("newPassword", problem);
        } else if (next.equals(current)) {
            errors.put("newPassword", "Your new password must be different from your current password");
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        String hash = Passwords.hash(next);
        Instant now = clock.instant();
        String keep = keepSessionSecret == null ? null : Tokens.hash(keepSessionSecret);
        jdbi.useTransaction(h -> {
            accounts.setPassword(h, accountId, hash, now);
            resets.endAll(h, accountId, now);
            accounts.deleteSessionsExcept(h, accountId, keep);
        });
        log.info("password changed account={}", accountId);
        tellOwner(account, now);
    }

    /** What to tell someone whose link cannot be used. */
    public static String linkProblem(LinkState state) {
        return switch (state) {
            case EXPIRED -> "This link has expired. Links to reset a password work for 1 hour. Ask for a new one below.";
            case USED -> "This link has already been used. Each link works once. If you still need to reset your "
                    + "password, ask for a new one below.";
            case UNKNOWN, VALID -> "This link is not right. Check you copied the whole link from the email, "
                    + "or ask for a new one below.";
        };
    }

    private void tellOwner(Account account, Instant when) {
        mailer.send(new Mail(account.email(), "Your Cairn password was changed",
                Emails.passwordChanged(account, when, settings.link("/forgot-password"))));
    }
}
