package app.cairn.account;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.config.InstanceSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Organiser accounts: signing up, signing in and out, and the sessions that keep them signed in. */
public final class AccountService {
    static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountStore store;
    private final InstanceSettings settings;
    private final Clock clock;

    public AccountService(Jdbi jdbi, InstanceSettings settings, Clock clock) {
        this.store = new AccountStore(jdbi);
        this.settings = settings;
        this.clock = clock;
    }

    /** What a new organiser gives to sign up. */
    public record SignUp(String name, String email, String password) {}

    /**
     * Creates an account. The first account on an instance becomes its admin. When sign-ups are
     * switched off, only someone invited ({@code invited} true) may sign up.
     */
    public Account signUp(SignUp form, boolean invited) {
        if (!invited && !settings.signupsOpen() && !store.all().isEmpty()) {
            throw Invalid.field("email", "Sign-ups are switched off on this Cairn. Ask an organiser to invite you.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.name() == null ? "" : form.name().strip();
        String email = form.email() == null ? "" : form.email().strip();
        String password = form.password() == null ? "" : form.password();
        if (name.isEmpty()) errors.put("name", "Enter your name");
        else if (name.length() > 200) errors.put("name", "Name must be 200 characters or fewer");
        if (email.isEmpty()) errors.put("email", "Enter your email address");
        else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            errors.put("email", "Enter an email address in the correct format, like name@example.org");
        } else if (store.emailTaken(email)) {
            errors.put("email", "An account with this email address already exists. Sign in, or reset your password.");
        }
        String passwordProblem = Passwords.problem(password, email);
        if (passwordProblem != null) errors.put("password", passwordProblem);
        if (!errors.isEmpty()) throw new Invalid(errors);

        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        long id;
        try {
            id = store.jdbi().inTransaction(h -> store.insert(h, email, name, hash, now));
        } catch (RuntimeException e) {
            // Two sign-ups with one email at the same moment: the unique key turns the second away.
            if (store.emailTaken(email)) {
                throw Invalid.field("email", "An account with this email address already exists. Sign in, or reset your password.");
            }
            throw e;
        }
        if (settings.claim("first_admin", Long.toString(id))) {
            store.jdbi().useHandle(h -> store.makeAdmin(h, id));
            log.info("account created id={} admin=true", id);
        } else {
            log.info("account created id={} admin=false", id);
        }
        return store.byId(id).orElseThrow();
    }

    /** Checks the password and starts a session; the returned secret goes in the session cookie. */
    public Optional<SignedIn> signIn(String email, String password) {
        Optional<Account> account = email == null ? Optional.empty() : store.byEmail(email);
        if (account.isEmpty()) {
            Passwords.matches(password == null ? "" : password, Passwords.DECOY);
            return Optional.empty();
        }
        String hash = store.passwordHash(account.get().id()).orElseThrow();
        if (password == null || !Passwords.matches(password, hash)) return Optional.empty();
        return Optional.of(new SignedIn(account.get(), startSession(account.get().id())));
    }

    /** A successful sign-in: who, and the session secret for the cookie. */
    public record SignedIn(Account account, String sessionSecret) {}

    String startSession(long accountId) {
        String secret = Tokens.newSecret();
        Instant now = clock.instant();
        store.insertSession(Tokens.hash(secret), accountId, now, now.plus(SESSION_LIFETIME));
        return secret;
    }

    /** The account a session cookie belongs to; sessions slide forward while in use. */
    public Optional<Account> authenticate(String sessionSecret) {
        if (sessionSecret == null || sessionSecret.length() > 100) return Optional.empty();
        String hash = Tokens.hash(sessionSecret);
        Instant now = clock.instant();
        return store.session(hash, now).map(row -> {
            if (row.lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
                store.touchSession(hash, now, now.plus(SESSION_LIFETIME));
            }
            return row.account();
        });
    }

    public void signOut(String sessionSecret) {
        if (sessionSecret != null) store.deleteSession(Tokens.hash(sessionSecret));
    }

    public Optional<Account> byId(long id) {
        return store.byId(id);
    }

    public Account get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFound("There is no such account."));
    }

    public Optional<Account> byEmail(String email) {
        return store.byEmail(email);
    }

    public boolean signupsOpen() {
        return settings.signupsOpen();
    }

    public List<Account> all() {
        return store.all();
    }

    public void removeExpiredSessions() {
        store.deleteExpiredSessions(clock.instant());
    }
}
