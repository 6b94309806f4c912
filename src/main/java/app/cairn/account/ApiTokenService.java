package app.cairn.account;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Personal API tokens: an organiser makes one, sees it once, and sends it as a bearer token. */
public final class ApiTokenService {
    static final String PREFIX = "cairn_";
    static final int MAX_NAME_LENGTH = 100;
    /** Enough for every script and tool a person runs; a cap keeps a leaked session from minting without end. */
    static final int MAX_LIVE_TOKENS = 50;
    /** "Last used" is kept to the minute, so busy scripts do not write on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);

    private final ApiTokenStore store;
    private final AccountStore accounts;
    private final Clock clock;

    public ApiTokenService(Jdbi jdbi, Clock clock) {
        this.store = new ApiTokenStore(jdbi);
        this.accounts = new AccountStore(jdbi);
        this.clock = clock;
    }

    /** The account a token belongs to, unless it is unknown or revoked. */
    public Optional<Account> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 120) return Optional.empty();
        String hash = Tokens.hash(token);
        return store.use(hash).flatMap(use -> {
            Instant now = clock.instant();
            if (use.lastUsed() == null || use.lastUsed().plus(TOUCH_EVERY).isBefore(now)) store.touch(hash, now);
            return accounts.byId(use.accountId());
        });
    }

    /** Makes a token; the returned secret is shown to the organiser once and never again. */
    public String create(long accountId, String name) {
        return make(accountId, name).secret();
    }

    /** A token just made: its listing, and the secret to show once. */
    public record NewToken(ApiToken token, String secret) {}

    /** Makes a token, checking its name; the secret in the result is never available again. */
    public NewToken make(long accountId, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) throw Invalid.field("name", "Enter a name for the token, like 'Reporting script'");
        if (clean.codePointCount(0, clean.length()) > MAX_NAME_LENGTH) {
            throw Invalid.field("name", "Name must be " + MAX_NAME_LENGTH + " characters or fewer");
        }
        if (store.live(accountId).size() >= MAX_LIVE_TOKENS) {
            throw Invalid.field("name", "You have " + MAX_LIVE_TOKENS
                    + " tokens. Revoke one you no longer use, then make a new one.");
        }
        String token = PREFIX + Tokens.newSecret();
        Instant now = clock.instant();
        long id = store.insert(accountId, clean, Tokens.hash(token), now);
        log.info("api token created account={} token={}", accountId, id);
        return new NewToken(new ApiToken(id, clean, now, null), token);
    }

    /** The organiser's tokens that still work, newest first. */
    public List<ApiToken> list(long accountId) {
        return store.live(accountId);
    }

    /** One of the organiser's working tokens; someone else's, or a revoked one, is not found. */
    public ApiToken get(long accountId, long tokenId) {
        return store.live(accountId, tokenId).orElseThrow(() -> new NotFound(
                "There is no such token. It may have been revoked already."));
    }

    /** Stops a token working at once. */
    public ApiToken revoke(long accountId, long tokenId) {
        ApiToken token = get(accountId, tokenId);
        if (!store.revoke(accountId, tokenId, clock.instant())) {
            throw new NotFound("There is no such token. It may have been revoked already.");
        }
        log.info("api token revoked account={} token={}", accountId, tokenId);
        return token;
    }
}
