package app.cairn.account;

import app.cairn.account.PasswordService.LinkState;
import app.cairn.common.Forbidden;
import app.cairn.common.Invalid;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.RateLimiter;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pages to reset a forgotten password by emailed link, and to change a password while signed in. */
public final class PasswordRoutes implements Routes {
    private static final Logger log = LoggerFactory.getLogger(PasswordRoutes.class);
    private final PasswordService passwords;
    private final AccountRoutes sessions;
    private final Templates templates;
    private final boolean smtpConfigured;
    private final RateLimiter forgotByAddress;
    private final RateLimiter forgotByEmail;
    private final RateLimiter resetByAddress;
    private final RateLimiter changeByAccount;

    public PasswordRoutes(PasswordService passwords, AccountRoutes sessions, Templates templates, boolean smtpConfigured,
            Clock clock) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.templates = templates;
        this.smtpConfigured = smtpConfigured;
        this.forgotByAddress = new RateLimiter(10, Duration.ofHours(1), clock);
        this.forgotByEmail = new RateLimiter(3, Duration.ofHours(1), clock);
        this.resetByAddress = new RateLimiter(20, Duration.ofHours(1), clock);
        this.changeByAccount = new RateLimiter(8, Duration.ofMinutes(15), clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/forgot-password", ctx -> forgotPage(ctx, new Form()));
        routes.post("/forgot-password", this::forgot);
        routes.get("/forgot-password/sent", ctx -> templates.page(ctx, "account/forgotPasswordSent.jte",
                "Check your email", new SentView(smtpConfigured)));
        routes.get("/reset/{token}", ctx -> resetPage(ctx, new Form()));
        routes.post("/reset/{token}", this::reset);
        routes.get("/account/password", ctx -> {
            Viewer.require(ctx);
            changePage(ctx, new Form());
        });
        routes.post("/account/password", this::change);
    }

    /** The "check your email" page's model. */
    public record SentView(boolean smtpConfigured) {}

    /** The new-password page's model. */
    public record ResetView(Form form, String token, String email) {}

    /** The page for a link that cannot be used. */
    public record LinkProblemView(String heading, String message) {}

    private void forgotPage(Context ctx, Form form) {
        templates.page(ctx, "account/forgotPassword.jte", "Reset your password", form);
    }

    private void forgot(Context ctx) {
        Form form = Form.of(ctx);
        String email = form.email("email", "Email address", "Enter your email address");
        if (!form.valid()) {
            ctx.status(422);
            forgotPage(ctx, form);
            return;
        }
        forgotByAddress.acquire(ctx.ip(),
                "Many password resets were asked for from your network in the last hour. Wait an hour, then try again.");
        // Past the limit for one address we say the same as always but send nothing more, so a
        // mailbox cannot be flooded and the answer still tells nobody whether the account exists.
        if (forgotByEmail.tryAcquire(AccountStore.emailKey(email))) {
            passwords.requestReset(email);
        } else {
            log.info("password reset not sent: too many asked for one address in the last hour");
        }
        ctx.redirect("/forgot-password/sent");
    }

    private void resetPage(Context ctx, Form form) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        String token = ctx.pathParam("token");
        var link = passwords.link(token);
        if (link.state() != LinkState.VALID) {
            linkProblem(ctx, link.state());
            return;
        }
        templates.page(ctx, "account/resetPassword.jte", "Choose a new password",
                new ResetView(form, token, link.account().orElseThrow().email()));
    }

    private void reset(Context ctx) {
        resetByAddress.acquire(ctx.ip(), "Too many tries from your network. Wait an hour, then try again.");
        Form form = Form.of(ctx);
        String token = ctx.pathParam("token");
        var link = passwords.link(token);
        if (link.state() != LinkState.VALID) {
            linkProblem(ctx, link.state());
            return;
        }
        try {
            String session = passwords.reset(token, form.raw("password"));
            sessions.setSessionCookie(ctx, session);
            Flash.set(ctx, "Your password has been changed and you are signed in. Any other browser was signed out.");
            ctx.redirect("/account");
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            resetPage(ctx, form);
        }
    }

    private void linkProblem(Context ctx, LinkState state) {
        String heading = switch (state) {
            case EXPIRED -> "This link has expired";
            case USED -> "This link has already been used";
            case UNKNOWN, VALID -> "This link is not right";
        };
        ctx.status(state == LinkState.UNKNOWN ? 404 : 410);
        templates.page(ctx, "account/resetLinkProblem.jte", heading,
                new LinkProblemView(heading, PasswordService.linkProblem(state)));
    }

    private void changePage(Context ctx, Form form) {
        templates.page(ctx, "account/changePassword.jte", "Change your password", form);
    }

    private void change(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        if (viewer.viaApiToken()) throw new Forbidden("Change your password in the browser, not with an API token.");
        Form form = Form.of(ctx);
        changeByAccount.acquire(Long.toString(viewer.accountId()),
                "Too many tries to change your password. Wait 15 minutes, then try again.");
        try {
            passwords.change(viewer.accountId(), form.raw("currentPassword"), form.raw("newPassword"),
                    ctx.cookie(AccountRoutes.SESSION_COOKIE));
            Flash.set(ctx, "Your password has been changed. Any other browser signed in to your account was signed out.");
            ctx.redirect("/account");
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            changePage(ctx, form);
        }
    }
}
