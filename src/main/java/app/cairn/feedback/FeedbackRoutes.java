package app.cairn.feedback;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.event.EventPlan;
import app.cairn.live.LiveService;
import app.cairn.live.LiveSession;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The organiser's feedback page, the form people answer (live and by emailed link), and its API. */
public final class FeedbackRoutes implements Routes {
    private final FeedbackService feedback;
    private final LiveService live;
    private final Templates templates;

    public FeedbackRoutes(FeedbackService feedback, LiveService live, Templates templates) {
        this.feedback = feedback;
        this.live = live;
        this.templates = templates;
    }

    /** The organiser page's model. */
    public record ManageView(FeedbackService.Managed m, EvaluationSummary summary, Form form) {
        public String base() {
            return "/c/" + m.community().slug() + "/events/" + m.plan().event().id();
        }
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", java.util.Locale.UK);

    /** A moment in the event's own time zone, as people read it: "9 Mar 2030 at 14:05". */
    public static String when(java.time.Instant at, java.time.ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    /** The form a person answers. */
    public record RespondView(String title, Community community, FeedbackForm form, Form values, String action,
            boolean answeredBefore, String code) {}

    @Override
    public void register(RoutesConfig routes) {
        String e = "/c/{slug}/events/{id}/feedback";
        routes.get(e, ctx -> manage(ctx, new Form()));
        routes.post(e + "/settings", ctx -> act(ctx, (a, id) -> feedback.setAnonymous(a, id,
                "anonymous".equals(ctx.formParam("anonymity"))), "Saved"));
        routes.post(e + "/open", ctx -> act(ctx, (a, id) -> feedback.open(a, id), "The form is open"));
        routes.post(e + "/close", ctx -> act(ctx, (a, id) -> feedback.close(a, id), "The form is closed"));
        routes.post(e + "/email", ctx -> {
            long[] sent = new long[1];
            act(ctx, (a, id) -> sent[0] = feedback.emailLinks(a, id), null);
            Flash.set(ctx, sent[0] == 0 ? "Everyone who took part already has their link"
                    : sent[0] == 1 ? "The link was emailed to 1 person" : "The link was emailed to " + sent[0] + " people");
        });
        routes.post(e + "/questions", this::addQuestion);
        routes.post(e + "/questions/{qid}/delete", ctx -> act(ctx, (a, id) -> feedback.deleteQuestion(a, id,
                parse(ctx.pathParam("qid"))), "Question removed"));

        routes.get("/live/{code}/feedback", ctx -> respondLive(ctx, false));
        routes.post("/live/{code}/feedback", ctx -> respondLive(ctx, true));
        routes.get("/feedback/{token}", ctx -> respondByLink(ctx, false));
        routes.post("/feedback/{token}", ctx -> respondByLink(ctx, true));

        routes.get("/api/v1/events/{id}/feedback", ctx -> {
            Viewer v = Viewer.require(ctx);
            var m = feedback.manage(v.accountId(), parse(ctx.pathParam("id")));
            ctx.json(Map.of("form", m.form(), "summary", EvaluationSummary.of(m.responses()), "responses", m.responses()));
        });
        routes.post("/api/v1/feedback/{token}", ctx -> apiRespond(ctx, feedback.respondentByLink(ctx.pathParam("token"))
                .orElseThrow(() -> new NotFound("This feedback link is not known."))));
        routes.get("/api/v1/live/{code}/feedback", ctx -> {
            Respondent who = liveRespondent(ctx);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("form", feedback.form(who.eventId()));
            out.put("response", feedback.responseOf(who).map(FeedbackResponse::anonymised).orElse(null));
            ctx.json(out);
        });
        routes.post("/api/v1/live/{code}/feedback", ctx -> apiRespond(ctx, liveRespondent(ctx)));
    }

    /** A participant of the live session, by their token ({@code Authorization: Bearer cp_…}). */
    private Respondent liveRespondent(Context ctx) {
        LiveSession session = live.sessionByCode(ctx.pathParam("code"));
        String auth = ctx.header("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
        var p = live.participant(token).filter(x -> x.eventId() == session.eventId())
                .orElseThrow(() -> new io.javalin.http.UnauthorizedResponse(
                        "Send the participant token from joining as 'Authorization: Bearer cp_…'."));
        return FeedbackService.respondent(p);
    }

    private void apiRespond(Context ctx, Respondent who) {
        ApiAnswers in = ctx.bodyAsClass(ApiAnswers.class);
        Map<String, List<String>> answers = new LinkedHashMap<>();
        if (in.answers() != null) in.answers().forEach((k, v) -> answers.put("q" + k, v));
        FeedbackResponse r = feedback.respond(who, new FeedbackService.Answers(in.recommend(),
                in.score() == null ? null : in.score().toString(), in.valued(), in.better(), answers));
        ctx.json(r.anonymised());
    }

    /** The JSON a participant sends: recommend "yes"/"no", score 1-5, texts, and answers by question id. */
    public record ApiAnswers(String recommend, Integer score, String valued, String better, Map<Long, List<String>> answers) {}

    private interface Action {
        void run(long accountId, long eventId);
    }

    private void act(Context ctx, Action action, String notice) {
        Viewer v = Viewer.require(ctx);
        long id = checkedEvent(ctx, v);
        action.run(v.accountId(), id);
        if (notice != null) Flash.set(ctx, notice);
        ctx.redirect("/c/" + ctx.pathParam("slug") + "/events/" + id + "/feedback", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private long checkedEvent(Context ctx, Viewer v) {
        long id = parse(ctx.pathParam("id"));
        var m = feedback.manage(v.accountId(), id);
        if (!m.community().slug().equals(ctx.pathParam("slug"))) throw new NotFound("There is no such conversation.");
        return id;
    }

    private void manage(Context ctx, Form form) {
        Viewer v = Viewer.require(ctx);
        long id = checkedEvent(ctx, v);
        var m = feedback.manage(v.accountId(), id);
        templates.page(ctx, "feedback/manage.jte", "Feedback – " + m.plan().event().title(),
                new ManageView(m, EvaluationSummary.of(m.responses()), form));
    }

    private void addQuestion(Context ctx) {
        Viewer v = Viewer.require(ctx);
        long id = checkedEvent(ctx, v);
        Form form = Form.of(ctx);
        try {
            feedback.addQuestion(v.accountId(), id, form.value("kind"), form.value("label"), form.value("choices"));
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            manage(ctx, form);
            return;
        }
        Flash.set(ctx, "Question added");
        ctx.redirect("/c/" + ctx.pathParam("slug") + "/events/" + id + "/feedback", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void respondLive(Context ctx, boolean saving) {
        LiveSession session = live.sessionByCode(ctx.pathParam("code"));
        var me = live.participant(ctx.cookie(app.cairn.live.StreamHandler.cookieName(session.joinCode())))
                .filter(p -> p.eventId() == session.eventId());
        if (me.isEmpty()) {
            ctx.redirect("/live/" + session.joinCode(), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, FeedbackService.respondent(me.get()), "/live/" + session.joinCode() + "/feedback", saving,
                session.joinCode());
    }

    private void respondByLink(Context ctx, boolean saving) {
        Respondent who = feedback.respondentByLink(ctx.pathParam("token"))
                .orElseThrow(() -> new NotFound("This feedback link is not known. Check you copied all of it."));
        respond(ctx, who, "/feedback/" + ctx.pathParam("token"), saving, null);
    }

    private void respond(Context ctx, Respondent who, String action, boolean saving, String code) {
        EventPlan plan = feedback.plan(who.eventId());
        Community community = feedback.community(plan.event().communityId());
        FeedbackForm form = feedback.form(who.eventId());
        var before = feedback.responseOf(who);
        Form values;
        if (saving) {
            values = Form.of(ctx);
            Map<String, List<String>> answers = new LinkedHashMap<>();
            for (FeedbackQuestion q : form.questions()) answers.put(q.field(), values.values(q.field()));
            try {
                feedback.respond(who, new FeedbackService.Answers(values.value("recommend"), values.value("score"),
                        values.value("valued"), values.value("better"), answers));
                Flash.set(ctx, "Thank you. Your answers are saved" + (form.open() ? "; you can change them until the form closes." : "."));
                ctx.redirect(action, io.javalin.http.HttpStatus.SEE_OTHER);
                return;
            } catch (Invalid e) {
                e.fields().forEach(values::error);
                ctx.status(422);
            }
        } else {
            values = before.map(r -> filled(r, form)).orElseGet(Form::new);
        }
        templates.page(ctx, "feedback/respond.jte", "Feedback – " + plan.event().title(),
                new RespondView(plan.event().title(), community, form, values, action, before.isPresent(), code));
    }

    private static Form filled(FeedbackResponse r, FeedbackForm form) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("recommend", r.recommend() == null ? "" : r.recommend() ? "yes" : "no");
        v.put("score", r.score() == null ? "" : r.score().toString());
        v.put("valued", r.valued());
        v.put("better", r.better());
        for (FeedbackQuestion q : form.questions()) {
            String a = r.answers().get(q.id());
            if (a != null) v.put(q.field(), a);
        }
        return Form.filled(v);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such conversation.");
        }
    }
}
