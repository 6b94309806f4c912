package app.cairn.community;

import app.cairn.account.Account;
import app.cairn.account.AccountService;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
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
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Where an invitation link leads: people signed in join with one button; others sign in, or
 * create an account here, which works even when sign-ups are switched off, and come back.
 */
public final class InvitationRoutes implements Routes {
    private final InvitationService invitations;
    private final AccountService accounts;
    private final Templates templates;
    private final BiConsumer<Context, String> startSession;
    private final RateLimiter signUpByAddress;

    /**
     * @param startSession puts a new session's secret in the browser's session cookie
     */
    public InvitationRoutes(InvitationService invitations, AccountService accounts, Templates templates,
            BiConsumer<Context, String> startSession, Clock clock) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.templates = templates;
        this.startSession = startSession;
        this.signUpByAddress = new RateLimiter(10, Duration.ofHours(1), clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/invitations/{token}", this::landing);
        routes.post("/invitations/{token}", this::accept);
        routes.get("/invitations/{token}/sign-up", this::signUpPage);
        routes.post("/invitations/{token}/sign-up", this::signUp);
    }

    /** The invitation as its link shows it; {@code problem} says why it cannot be used, if it cannot. */
    public record InvitationView(String token, InvitationService.Invited invited, String problem) {
        public String roleName() {
            return invited.invitation().role().label().toLowerCase(Locale.ROOT);
        }

        public String article() {
            return invited.invitation().role() == Role.FACILITATOR ? "a" : "an";
        }
    }

    /** The form to create an account through an invitation. */
    public record SignUpView(InvitationView invitation, Form form) {}

    private InvitationService.Invited invited(Context ctx) {
        return invitations.invitation(ctx.pathParam("token")).orElseThrow(() -> new NotFound(
                "We could not find this invitation. Check you copied the whole link from the email, "
                        + "or ask the person who invited you to send it again."));
    }

    private static String problem(InvitationService.Invited invited) {
        try {
            InvitationService.requireUsable(invited);
            return "";
        } catch (Invalid e) {
            return e.getMessage();
        }
    }

    private void landing(Context ctx) {
        InvitationService.Invited invited = invited(ctx);
        var viewer = Viewer.of(ctx);
        if (viewer.isPresent() && invited.status() == Invitation.Status.ACCEPTED
                && Long.valueOf(viewer.get().accountId()).equals(invited.invitation().acceptedBy())) {
            ctx.redirect("/c/" + invited.community().slug());
            return;
        }
        render(ctx, invited);
    }

    private void render(Context ctx, InvitationService.Invited invited) {
        String problem = problem(invited);
        if (!problem.isEmpty()) ctx.status(410);
        templates.page(ctx, "community/invitation.jte", "Join the team running " + invited.community().name(),
                new InvitationView(ctx.pathParam("token"), invited, problem));
    }

    private void accept(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        InvitationService.Invited invited = invited(ctx);
        try {
            joined(ctx, invitations.accept(ctx.pathParam("token"), viewer.accountId()), "");
        } catch (Invalid e) {
            render(ctx, invitations.invitation(ctx.pathParam("token")).orElse(invited));
        }
    }

    private void joined(Context ctx, InvitationService.Joined joined, String prefix) {
        String role = joined.role().label().toLowerCase(Locale.ROOT);
        Flash.set(ctx, joined.alreadyMember()
                ? prefix + "You are already in the team for " + joined.community().name() + ", as " + role + "."
                : prefix + "You have joined the team for " + joined.community().name() + " as "
                        + (joined.role() == Role.FACILITATOR ? "a " : "an ") + role + ".");
        ctx.redirect("/c/" + joined.community().slug());
    }

    private void signUpPage(Context ctx) {
        InvitationService.Invited invited = invited(ctx);
        if (Viewer.of(ctx).isPresent() || !problem(invited).isEmpty()) {
            ctx.redirect("/invitations/" + ctx.pathParam("token"));
            return;
        }
        signUpForm(ctx, invited, Form.filled(Map.of("email", invited.invitation().email())));
    }

    private void signUpForm(Context ctx, InvitationService.Invited invited, Form form) {
        templates.page(ctx, "community/invitationSignUp.jte", "Create your account",
                new SignUpView(new InvitationView(ctx.pathParam("token"), invited, ""), form));
    }

    private void signUp(Context ctx) {
        signUpByAddress.acquire(ctx.ip(), "Too many accounts were made from your network in the last hour. Try again later.");
        InvitationService.Invited invited = invited(ctx);
        if (!problem(invited).isEmpty()) {
            render(ctx, invited);
            return;
        }
        Form form = Form.of(ctx);
        Account account;
        try {
            // An invitation is the way in when sign-ups are switched off, so this counts as invited.
            account = accounts.signUp(
                    new AccountService.SignUp(form.value("name"), form.value("email"), form.raw("password")), true);
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            signUpForm(ctx, invited, form);
            return;
        }
        accounts.signIn(account.email(), form.raw("password"))
                .ifPresent(signedIn -> startSession.accept(ctx, signedIn.sessionSecret()));
        try {
            joined(ctx, invitations.accept(ctx.pathParam("token"), account.id()), "Your account is ready. ");
        } catch (Invalid e) {
            // Withdrawn or used while they were typing: the account stays, and the page says what happened.
            Flash.set(ctx, "Your account is ready.");
            ctx.redirect("/invitations/" + ctx.pathParam("token"));
        }
    }
}
