package app.cairn.account;

import app.cairn.common.Invalid;
import app.cairn.web.Form;
import app.cairn.web.RateLimiter;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.time.Duration;

/** Pages to sign up, sign in and out, and the filter that recognises who is signed in. */
public final class AccountRoutes implements Routes {
    static final String SESSION_COOKIE = "cairn_session";

    private final AccountService accounts;
    private final ApiTokenService apiTokens;
    private final Templates templates;
    private final boolean secureCookies;
    private final RateLimiter signInByAddress;
    private final RateLimiter signInByEmail;
    private final RateLimiter signUpByAddress;

    public AccountRoutes(
            AccountService accounts, ApiTokenService apiTokens, Templates templates, boolean secureCookies, Clock clock) {
        this.accounts = accounts;
        this.apiTokens = apiTokens;
        this.templates = templates;
        this.secureCookies = secureCookies;
        this.signInByAddress = new RateLimiter(20, Duration.ofMinutes(10), clock);
        this.signInByEmail = new RateLimiter(8, Duration.ofMinutes(15), clock);
        this.signUpByAddress = new RateLimiter(10, Duration.ofHours(1), clock);
    }

    /** Runs before every request: a session cookie or an API token makes a {@link Viewer}. */
    public void authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // A request with a bearer token is judged by that token alone, never by a cookie that
            // came with it. Tokens other than ours ("cp_…" for participants) belong to the
            // feature that issued them, so they make no organiser viewer here.
            String token = authorization.substring(7).strip();
            if (!token.startsWith(ApiTokenService.PREFIX)) return;
            Account account = apiTokens.authenticate(token)
                    .orElseThrow(() -> new UnauthorizedResponse("The API token is not valid or has been revoked."));
            Viewer.set(ctx, new Viewer(account.id(), account.name(), account.email(), account.admin(), true));
            return;
        }
        String session = ctx.cookie(SESSION_COOKIE);
        if (session == null) return;
        accounts.authenticate(session).ifPresentOrElse(
                a -> Viewer.set(ctx, new Viewer(a.id(), a.name(), a.email(), a.admin(), false)),
                () -> clearSessionCookie(ctx));
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/sign-up", ctx -> signUpPage(ctx, new Form()));
        routes.post("/sign-up", this::signUp);
        routes.get("/sign-in", ctx -> signInPage(ctx, Form.filled(java.util.Map.of("next", safeNext(ctx.queryParam("next"))))));
        routes.post("/sign-in", this::signIn);
        routes.post("/sign-out", this::signOut);
        routes.get("/privacy", ctx -> templates.page(ctx, "account/privacy.jte", "Privacy", null));
        routes.get("/account", ctx -> {
            Viewer viewer = Viewer.require(ctx);
            templates.page(ctx, "account/account.jte", "Your account", accounts.get(viewer.accountId()));
        });
    }

    /** The sign-up page's model. */
    public record SignUpView(Form form, boolean firstAccount, boolean signupsOpen) {}

    private void signUpPage(Context ctx, Form form) {
        boolean first = accounts.all().isEmpty();
        templates.page(ctx, "account/signUp.jte", "Create an organiser account",
                new SignUpView(form, first, first || accounts.signupsOpen()));
    }

    private void signUp(Context ctx) {
        Form form = Form.of(ctx);
        signUpByAddress.acquire(ctx.ip(), "Too many accounts were made from your network in the last hour. Try again later.");
        try {
            Account account = accounts.signUp(
                    new AccountService.SignUp(form.value("name"), form.value("email"), form.raw("password")), false);
            setSessionCookie(ctx, accounts.startSession(account.id()));
            app.cairn.web.Flash.set(ctx, account.admin()
                    ? "Your account is ready. You are this Cairn's admin."
                    : "Your account is ready.");
            ctx.redirect(safeNext(form.value("next")));
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            signUpPage(ctx, form);
        }
    }

    private void signInPage(Context ctx, Form form) {
        templates.page(ctx, "account/signIn.jte", "Sign in", form);
    }

    private void signIn(Context ctx) {
        Form form = Form.of(ctx);
        String email = form.email("email", "Email address", "Enter your email address");
        if (form.raw("password").isEmpty()) form.error("password", "Enter your password");
        if (form.valid()) {
            if (!signInByAddress.tryAcquire(ctx.ip())
                    || !signInByEmail.tryAcquire(AccountStore.emailKey(email))) {
                form.error("email", "Too many attempts to sign in. Wait 15 minutes, or reset your password.");
                ctx.status(429);
            } else {
                var signedIn = accounts.signIn(email, form.raw("password"));
                if (signedIn.isPresent()) {
                    setSessionCookie(ctx, signedIn.get().sessionSecret());
                    ctx.redirect(safeNext(form.value("next")));
                    return;
                }
                form.error("email", "The email address or password is not right");
                ctx.status(401);
            }
        } else {
            ctx.status(422);
        }
        signInPage(ctx, form);
    }

    private void signOut(Context ctx) {
        accounts.signOut(ctx.cookie(SESSION_COOKIE));
        clearSessionCookie(ctx);
        app.cairn.web.Flash.set(ctx, "You have signed out.");
        ctx.redirect("/");
    }

    /** Signs the browser in with a new session's secret (also used when joining through an invitation). */
    public void setSessionCookie(Context ctx, String secret) {
        ctx.cookie(new Cookie(SESSION_COOKIE, secret, "/", (int) AccountService.SESSION_LIFETIME.toSeconds(),
                secureCookies, true, null, SameSite.LAX));
    }

    private void clearSessionCookie(Context ctx) {
        ctx.cookie(new Cookie(SESSION_COOKIE, "", "/", 0, secureCookies, true, null, SameSite.LAX));
    }

    /** Only same-site paths may follow sign-in, so a link cannot send people elsewhere. */
    static String safeNext(String next) {
        if (next == null || next.isBlank()) return "/communities";
        if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500) {
            return "/communities";
        }
        return next;
    }
}
