package app.cairn.live;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.RateLimiter;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.WebServer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Participants' side of a live conversation: joining by code or link, the "Now" page, and
 * voting, chatting, asking, supporting questions and reflecting, as pages and as JSON.
 */
public final class LiveRoutes implements Routes {
    private final LiveService live;
    private final LiveViews views;
    private final Templates templates;
    private final boolean secureCookies;
    private final RateLimiter messages;
    private final RateLimiter joins;
    private final RateLimiter actions;

    private final Tickets tickets;

    public LiveRoutes(Live liveFeature, Templates templates, boolean secureCookies, Clock clock, Tickets tickets) {
        this.tickets = tickets;
        this.live = liveFeature.service();
        this.views = liveFeature.views();
        this.templates = templates;
        this.secureCookies = secureCookies;
        this.messages = new RateLimiter(6, Duration.ofSeconds(20), clock);
        // Generous: a whole NHS board can join from behind one network address within a few minutes.
        // Per network, not per person: a whole health board can join from behind one proxy.
        this.joins = new RateLimiter(12_000, Duration.ofMinutes(1), clock);
        this.actions = new RateLimiter(60, Duration.ofSeconds(30), clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/join", ctx -> templates.page(ctx, "live/joinCode.jte", "Join a conversation",
                Form.filled(Map.of("code", Optional.ofNullable(ctx.queryParam("code")).orElse("")))));
        routes.post("/join", this::joinByCode);
        routes.get("/live/{code}", this::participantPage);
        routes.get("/j/{token}", this::personalLink);
        routes.post("/live/{code}/join", this::joinAsWalkin);
        routes.post("/live/{code}/vote", ctx -> act(ctx, p -> vote(ctx, p), "Your answer is saved"));
        routes.post("/live/{code}/messages", ctx -> act(ctx, p -> post(ctx, p), "Sent"));
        routes.post("/live/{code}/upvote", ctx -> act(ctx, p -> live.upvote(p, longField(ctx, "seq")), "Thanks for your support"));
        routes.post("/live/{code}/reflections", ctx -> act(ctx, p -> reflect(ctx, p), "Your reflection is saved"));
        routes.post("/live/{code}/withdraw", ctx -> act(ctx, p -> live.withdraw(p, longField(ctx, "seq")), "Withdrawn"));

        routes.post("/api/v1/live/{code}/join", this::apiJoin);
        routes.get("/api/v1/live/{code}/state", ctx -> {
            Participant p = requireParticipant(ctx);
            LiveState s = live.state(p.eventId());
            s.lock.readLock().lock();
            try {
                ctx.json(Map.of("participant", Map.of("id", p.id(), "name", p.name()),
                        "plan", live.plan(p.eventId()), "state", views.since(s, 0, Audience.participant)));
            } finally {
                s.lock.readLock().unlock();
            }
        });
        routes.post("/api/v1/live/{code}/votes", ctx -> apiAct(ctx, p -> {
            VoteBody b = ctx.bodyAsClass(VoteBody.class);
            return live.vote(p, b.poll(), new LiveService.Ballot(b.choices(), b.rating(), b.text()), b.clientKey());
        }));
        routes.post("/api/v1/live/{code}/messages", ctx -> apiAct(ctx, p -> {
            MessageBody b = ctx.bodyAsClass(MessageBody.class);
            messages.acquire("p" + p.id(), slowDown());
            return live.post(p, b.text(), b.question(), b.anonymous(), b.clientKey());
        }));
        routes.post("/api/v1/live/{code}/questions/{seq}/upvote",
                ctx -> apiAct(ctx, p -> live.upvote(p, Long.parseLong(ctx.pathParam("seq")))));
        routes.post("/api/v1/live/{code}/reflections", ctx -> apiAct(ctx, p -> {
            ReflectionBody b = ctx.bodyAsClass(ReflectionBody.class);
            return live.reflect(p, b.prompt(), b.text(), b.anonymous(), b.clientKey());
        }));
        routes.post("/api/v1/live/{code}/withdraw/{seq}",
                ctx -> apiAct(ctx, p -> live.withdraw(p, Long.parseLong(ctx.pathParam("seq")))));
        routes.exception(Sequencer.Refused.class, (e, ctx) -> {
            if (e instanceof Sequencer.Unavailable) unavailable(ctx, e.getMessage());
            else refused(ctx, e.getMessage());
        });
    }

    /** Request bodies of the participant API. */
    public record JoinBody(String name, String role, String organisation, String sector) {}

    public record VoteBody(String poll, List<Integer> choices, Integer rating, String text, String clientKey) {}

    public record MessageBody(String text, boolean question, boolean anonymous, String clientKey) {}

    public record ReflectionBody(String prompt, String text, boolean anonymous, String clientKey) {}

    /** The participant page's model. */
    public record ParticipantPage(LiveSession session, LivePlan plan, Participant me, LiveViews.Update state,
            java.util.Set<Long> mySeqs, String stateJson, Form form) {
        public Optional<LivePlan.Segment> segment() {
            return state.now() == null || state.now().segmentId() == null ? Optional.empty()
                    : plan.segment(state.now().segmentId());
        }

        public List<LiveViews.MessageView> questions() {
            return LiveViews.questionQueue(state.messages());
        }

        public List<LiveViews.MessageView> chat() {
            List<LiveViews.MessageView> out = new ArrayList<>();
            for (LiveViews.MessageView m : state.messages()) if (!m.question() && !m.removed()) out.add(m);
            return out.size() > 50 ? out.subList(out.size() - 50, out.size()) : out;
        }

        public Optional<LiveViews.PollView> openPoll() {
            LiveViews.PollView last = null;
            for (LiveViews.PollView p : state.polls()) if (p.open()) last = p;
            return Optional.ofNullable(last);
        }

        public Optional<LiveViews.PromptView> prompt() {
            return state.prompts().isEmpty() ? Optional.empty()
                    : Optional.of(state.prompts().get(state.prompts().size() - 1));
        }

        public boolean mine(LiveViews.MessageView m) {
            return mySeqs.contains(m.seq());
        }

        public String mySeqList() {
            return mySeqs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        }

        /** What a participant should do during a segment, in a few words. */
        public String todo(LivePlan.Segment s) {
            return LiveRoutes.todo(s.kind());
        }

        public String answerLabel(LiveViews.MessageView q) {
            return LiveRoutes.answerLabel(q.answer(), q.recordingAt());
        }

        public String pollKeys(LivePlan.Segment s) {
            return s.polls().stream().map(LivePlan.PlannedPoll::key).collect(java.util.stream.Collectors.joining(" "));
        }
    }

    static String todo(String kind) {
        return switch (kind) {
            case "welcome" -> "Say hello in the chat and answer the poll.";
            case "perspective" -> "Listen to the host. Post your questions and comments as they come to you.";
            case "breakout" -> "Go to your breakout room and talk through the prompts together.";
            case "whole_group" -> "Each room shares its top themes. Add your thoughts in the chat.";
            case "reflection" -> "Take a moment of quiet, then share your reflection.";
            case "evaluation" -> "Tell us how it went: it takes a minute.";
            default -> "Follow the host on the call, and use the chat to join in.";
        };
    }

    static String answerLabel(String answer, String recordingAt) {
        return switch (answer) {
            case "live" -> "answered live";
            case "later" -> "to be answered later";
            case "recording" -> "answered in the recording at " + recordingAt;
            default -> "not answered yet";
        };
    }

    /** The walk-in join page's model. */
    public record JoinPage(LiveSession session, LivePlan plan, Form form) {}

    private void joinByCode(Context ctx) {
        Form form = Form.of(ctx);
        joins.acquire(ctx.ip(), "Too many tries from your network. Wait a minute and try again.");
        try {
            LiveSession s = live.sessionByCode(form.value("code"));
            ctx.redirect("/live/" + s.joinCode());
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            templates.page(ctx, "live/joinCode.jte", "Join a conversation", form);
        }
    }

    private void participantPage(Context ctx) {
        LiveSession session = session(ctx);
        Optional<Participant> me = cookieParticipant(ctx, session);
        LivePlan plan = live.plan(session.eventId());
        if (me.isEmpty()) {
            templates.page(ctx, "live/join.jte", "Join " + plan.title(), new JoinPage(session, plan, new Form()));
            return;
        }
        renderParticipant(ctx, session, plan, me.get(), new Form());
    }

    private void renderParticipant(Context ctx, LiveSession session, LivePlan plan, Participant me, Form form) {
        LiveState s = live.state(session.eventId());
        LiveViews.Update state;
        java.util.Set<Long> mine = new java.util.HashSet<>();
        s.lock.readLock().lock();
        try {
            state = views.since(s, 0, Audience.participant);
            s.messages.values().forEach(m -> {
                if (java.util.Objects.equals(m.participantId, me.id())) mine.add(m.seq);
            });
            s.reflections.values().forEach(r -> {
                if (java.util.Objects.equals(r.participantId, me.id())) mine.add(r.seq);
            });
        } finally {
            s.lock.readLock().unlock();
        }
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, "live/participant.jte", plan.title(),
                new ParticipantPage(session, plan, me, state, mine, json(forPage(state)), form));
    }

    /** The page carries the latest 100 chat messages, every question, and the rest of the state. */
    private static LiveViews.Update forPage(LiveViews.Update u) {
        List<LiveViews.MessageView> kept = new ArrayList<>();
        int chat = 0;
        for (int i = u.messages().size() - 1; i >= 0; i--) {
            LiveViews.MessageView m = u.messages().get(i);
            if (m.question() || chat++ < 100) kept.add(0, m);
        }
        return new LiveViews.Update(u.seq(), u.now(), u.polls(), kept, u.reflections(), u.prompts(), u.rooms());
    }

    private String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = app.cairn.Cairn.json();

    /** A registration's personal link: straight in, no questions, on as many devices as they like. */
    private void personalLink(Context ctx) {
        joins.acquire(ctx.ip(), "Too many tries from your network. Wait a minute and try again.");
        Optional<Tickets.Ticket> ticket = tickets.ticket(ctx.pathParam("token"));
        if (ticket.isEmpty()) {
            ctx.status(404);
            templates.page(ctx, "live/badLink.jte", "This link does not work", null);
            return;
        }
        Tickets.Ticket t = ticket.get();
        LiveSession session = live.openSession(t.eventId());
        Optional<Participant> already = cookieParticipant(ctx, session);
        if (already.isEmpty() || !java.util.Objects.equals(already.get().registrationId(), t.registrationId())) {
            var joined = live.joinFromRegistration(t.eventId(), t.registrationId(), t.name(), t.role(), t.organisation(),
                    t.sector(), t.email());
            setParticipantCookie(ctx, session, joined.token());
        }
        ctx.redirect("/live/" + session.joinCode());
    }

    private void joinAsWalkin(Context ctx) {
        LiveSession session = session(ctx);
        joins.acquire(ctx.ip(), "Too many people have joined from your network in the last minute. Wait a moment and try again.");
        Form form = Form.of(ctx);
        try {
            var joined = live.joinAsWalkin(session.eventId(), new LiveService.Walkin(
                    form.value("name"), form.value("role"), form.value("organisation"), form.value("sector")));
            setParticipantCookie(ctx, session, joined.token());
            ctx.redirect("/live/" + session.joinCode());
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            LivePlan plan = live.plan(session.eventId());
            templates.page(ctx, "live/join.jte", "Join " + plan.title(), new JoinPage(session, plan, form));
        }
    }

    private void apiJoin(Context ctx) {
        LiveSession session = session(ctx);
        joins.acquire(ctx.ip(), "Too many joins from your network in the last minute. Wait a moment and try again.");
        JoinBody b = ctx.bodyAsClass(JoinBody.class);
        var joined = live.joinAsWalkin(session.eventId(), new LiveService.Walkin(b.name(), b.role(), b.organisation(), b.sector()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("participantId", joined.participant().id());
        body.put("eventId", session.eventId());
        body.put("token", joined.token());
        body.put("stream", "/stream/" + session.joinCode());
        ctx.status(201).json(body);
    }

    /** Sets the participant's cookie; it lasts long enough to come back tomorrow on the same device. */
    void setParticipantCookie(Context ctx, LiveSession session, String token) {
        ctx.cookie(new Cookie(StreamHandler.cookieName(session.joinCode()), token, "/", 60 * 60 * 24 * 30,
                secureCookies, true, null, SameSite.LAX));
    }

    private interface Action {
        Entry run(Participant p);
    }

    /** A participant's action from a page: JSON for the page's script, a redirect for a plain form. */
    private void act(Context ctx, Action action, String done) {
        LiveSession session = session(ctx);
        Participant p = cookieParticipant(ctx, session).orElseThrow(
                () -> new UnauthorizedResponse("Join the conversation first."));
        actions.acquire("p" + p.id(), slowDown());
        boolean script = WebServer.wantsJson(ctx);
        try {
            Entry e = action.run(p);
            if (script) {
                ctx.json(Map.of("seq", e.seq(), "message", done));
            } else {
                Flash.set(ctx, done);
                ctx.redirect("/live/" + session.joinCode() + "#" + Optional.ofNullable(ctx.formParam("return")).orElse("now"));
            }
        } catch (Invalid e) {
            if (script) throw e;
            Form form = Form.of(ctx);
            e.fields().forEach(form::error);
            ctx.status(422);
            renderParticipant(ctx, session, live.plan(session.eventId()), p, form);
        }
    }

    private void apiAct(Context ctx, Action action) {
        Participant p = requireParticipant(ctx);
        actions.acquire("p" + p.id(), slowDown());
        Entry e = action.run(p);
        ctx.status(201).json(Map.of("seq", e.seq()));
    }

    private Entry vote(Context ctx, Participant p) {
        Form f = Form.of(ctx);
        List<Integer> choices = new ArrayList<>();
        for (String c : f.values("choice")) {
            try {
                choices.add(Integer.parseInt(c));
            } catch (NumberFormatException e) {
                throw Invalid.field("choice", "Choose one of the options");
            }
        }
        Integer rating = null;
        if (!f.value("rating").isEmpty()) {
            try {
                rating = Integer.parseInt(f.value("rating"));
            } catch (NumberFormatException e) {
                throw Invalid.field("rating", "Choose a score from 1 to 5");
            }
        }
        String text = f.value("text").isEmpty() ? null : f.value("text");
        try {
            return live.vote(p, f.value("poll"), new LiveService.Ballot(choices, rating, text), clientKey(f));
        } catch (Sequencer.Unavailable u) {
            throw u;
        } catch (Sequencer.Refused r) {
            throw Invalid.field(choices.isEmpty() && rating == null ? "text" : "choice", r.getMessage());
        }
    }

    private Entry post(Context ctx, Participant p) {
        Form f = Form.of(ctx);
        messages.acquire("p" + p.id(), slowDown());
        return live.post(p, f.value("text"), f.checked("question"), f.checked("anonymous"), clientKey(f));
    }

    private Entry reflect(Context ctx, Participant p) {
        Form f = Form.of(ctx);
        return live.reflect(p, f.value("prompt"), f.value("reflection"), f.checked("anonymous"), clientKey(f));
    }

    private static String clientKey(Form f) {
        String k = f.value("clientKey");
        return k.isEmpty() || k.length() > 64 ? null : k;
    }

    private static String slowDown() {
        return "You are sending a lot quickly. Wait a few seconds, then send again; what you typed is kept.";
    }

    /** 503 with Retry-After: the page keeps what was typed and sends it again with the same client key. */
    private void unavailable(Context ctx, String message) {
        ctx.status(503).header("Retry-After", "2");
        if (WebServer.wantsJson(ctx)) {
            ctx.json(Map.of("error", Map.of("status", 503, "code", "reconnecting", "message", message)));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(message);
        }
    }

    private void refused(Context ctx, String message) {
        ctx.status(409);
        if (WebServer.wantsJson(ctx)) {
            ctx.json(Map.of("error", Map.of("status", 409, "message", message)));
        } else {
            Flash.set(ctx, message);
            String path = ctx.path();
            int live = path.indexOf("/live/");
            ctx.redirect(live >= 0 ? path.substring(0, path.indexOf('/', live + 6) < 0 ? path.length()
                    : path.indexOf('/', live + 6)) : "/");
        }
    }

    private LiveSession session(Context ctx) {
        String code = JoinCodes.normalise(ctx.pathParam("code"));
        if (code == null) throw new NotFound("There is no conversation with that code.");
        return live.sessionByCodeIfAny(code).orElseThrow(() -> new NotFound("There is no conversation with that code."));
    }

    private Optional<Participant> cookieParticipant(Context ctx, LiveSession session) {
        return live.participant(ctx.cookie(StreamHandler.cookieName(session.joinCode())))
                .filter(p -> p.eventId() == session.eventId());
    }

    private Participant requireParticipant(Context ctx) {
        LiveSession session = session(ctx);
        String auth = ctx.header("Authorization");
        Optional<Participant> p = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? live.participant(auth.substring(7).strip())
                : cookieParticipant(ctx, session);
        return p.filter(x -> x.eventId() == session.eventId())
                .orElseThrow(() -> new UnauthorizedResponse("Send the participant token from joining as 'Authorization: Bearer cp_…'."));
    }

    private static long longField(Context ctx, String name) {
        String v = ctx.formParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw Invalid.field(name, "That item is no longer there.");
        }
    }
}
