package app.cairn.registration;

import app.cairn.common.Conflict;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.registration.RegistrationService.PublicEvent;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Option;
import app.cairn.web.RateLimiter;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pages people see without signing in: an event's public page with its registration form,
 * what happened after registering, and cancelling from the personal link.
 */
public final class PublicRoutes implements Routes {
    /** A field people cannot see; bots that fill every field fill it, and are turned away. */
    public static final String HONEYPOT = "website";

    private final RegistrationService registrations;
    private final Templates templates;
    private final RateLimiter perAddress;
    private final RateLimiter perEmail;

    public PublicRoutes(RegistrationService registrations, Templates templates, RateLimiter perAddress,
            RateLimiter perEmail) {
        this.registrations = registrations;
        this.templates = templates;
        this.perAddress = perAddress;
        this.perEmail = perEmail;
    }

    /** The public page's model: the event, the form as typed, and what to offer. */
    public record PublicView(PublicEvent e, Form form, List<String> suggestions, List<Option> sectors, String consent,
            String action) {
        public String title() {
            return e.plan().event().title();
        }
    }

    /** After registering. */
    public record DoneView(PublicEvent e, String outcome) {}

    /** The cancel page. */
    public record CancelView(RegistrationService.Held held, String action) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/e/{community}/{event}", this::page);
        routes.post("/e/{community}/{event}", this::submit);
        routes.get("/e/{community}/{event}/registered", this::done);
        routes.get("/e/{community}/{event}/organisation", this::organisation);
        routes.get("/r/{token}/cancel", this::cancelPage);
        routes.post("/r/{token}/cancel", this::cancel);
    }

    static List<Option> sectors() {
        List<Option> out = new ArrayList<>();
        for (Sector s : Sector.values()) out.add(new Option(s.code(), s.label()));
        return out;
    }

    private void page(Context ctx) {
        PublicEvent e = registrations.publicEvent(ctx.pathParam("community"), ctx.pathParam("event"));
        show(ctx, e, new Form());
    }

    private void show(Context ctx, PublicEvent e, Form form) {
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, "registration/public.jte", e.plan().event().title(),
                new PublicView(e, form, registrations.organisations().directoryNames(), sectors(),
                        RegistrationService.consentText(e.community()), ctx.path()));
    }

    private void submit(Context ctx) {
        PublicEvent e = registrations.publicEvent(ctx.pathParam("community"), ctx.pathParam("event"));
        Form form = Form.of(ctx);
        perAddress.acquire("register:" + ctx.ip(),
                "Many registrations have come from your network in the last few minutes. Wait 10 minutes, then try again.");
        if (!form.value(HONEYPOT).isEmpty()) {
            form.error(HONEYPOT, "Leave the field ‘Leave this field empty’ empty, then send the form again");
            ctx.status(422);
            show(ctx, e, form);
            return;
        }
        String email = form.value("email").toLowerCase(Locale.ROOT);
        if (!email.isEmpty()) {
            perEmail.acquire("register:" + e.plan().event().id() + ":" + email,
                    "This email address has been used to register many times in the last hour. Wait an hour, then try again.");
        }
        try {
            var outcome = registrations.register(e.community().slug(), e.plan().event().slug(), input(form, e.questions()),
                    "form");
            String code = (outcome.updated() ? "updated-" : "") + (outcome.waiting() ? "waiting" : "confirmed");
            ctx.redirect(ctx.path() + "/registered?outcome=" + code);
        } catch (Invalid ex) {
            ex.fields().forEach(form::error);
            ctx.status(422);
            show(ctx, e, form);
        } catch (Conflict ex) {
            // Registration closed, or the event was cancelled, while the form was open: show the page as it is now.
            form.error("registration", ex.getMessage());
            ctx.status(409);
            show(ctx, registrations.publicEvent(e.community().slug(), e.plan().event().slug()), form);
        }
    }

    /** The registration as typed on the form: the event's questions are fields named q{id}. */
    static RegistrationInput input(Form form, List<Question> questions) {
        Map<Long, List<String>> answers = new HashMap<>();
        for (Question q : questions) {
            List<String> values = q.kind() == QuestionKind.MULTIPLE_CHOICE ? form.values(q.field())
                    : List.of(form.value(q.field()));
            answers.put(q.id(), values);
        }
        return new RegistrationInput(form.value("name"), form.value("email"), form.value("role"),
                form.value("organisation"), form.value("sector"), form.value("oneQuestion"), form.value("accessNeeds"),
                answers, form.checked("consent"));
    }

    private void done(Context ctx) {
        PublicEvent e = registrations.publicEvent(ctx.pathParam("community"), ctx.pathParam("event"));
        String outcome = ctx.queryParam("outcome");
        if (outcome == null || !List.of("confirmed", "waiting", "updated-confirmed", "updated-waiting").contains(outcome)) {
            ctx.redirect("/e/" + e.community().slug() + "/" + e.plan().event().slug());
            return;
        }
        templates.page(ctx, "registration/done.jte",
                outcome.endsWith("waiting") ? "You are on the waiting list" : "You are registered", new DoneView(e, outcome));
    }

    /** The directory organisation a typed name means, for the form's script to fill in the sector. */
    private void organisation(Context ctx) {
        PublicEvent e = registrations.publicEvent(ctx.pathParam("community"), ctx.pathParam("event"));
        String name = ctx.queryParam("name");
        var found = name == null || name.length() > 200 ? java.util.Optional.<Organisation>empty()
                : registrations.organisations().match(e.community().id(), name).filter(Organisation::fromDirectory);
        ctx.header("Cache-Control", "no-store");
        ctx.json(found.<Object>map(o -> Map.of("found", true, "name", o.name(), "sector", o.sector(),
                "sectorLabel", o.sectorLabel())).orElse(Map.of("found", false)));
    }

    private void cancelPage(Context ctx) {
        var held = registrations.held(ctx.pathParam("token"))
                .orElseThrow(() -> new NotFound("This link is not valid. Check you copied all of it from the email."));
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, "registration/cancel.jte", "Cancel your place", new CancelView(held, ctx.path()));
    }

    private void cancel(Context ctx) {
        perAddress.acquire("cancel:" + ctx.ip(), "Too many tries from your network. Wait 10 minutes, then try again.");
        var held = registrations.cancel(ctx.pathParam("token"));
        Flash.set(ctx, "Your place at " + held.event().plan().event().title() + " is cancelled. We have emailed you to confirm.");
        ctx.redirect(ctx.path());
    }
}
