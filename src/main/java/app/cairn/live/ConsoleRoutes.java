package app.cairn.live;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.live.Contribution.Answer;
import app.cairn.live.Contribution.PollKind;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import app.cairn.web.WebServer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The facilitator's console and the presenter view for one conversation, and the same
 * actions as a JSON API for organisers. Community members with at least the facilitator role
 * run everything; guest hosts see the question queue; moderators can hide contributions.
 */
public final class ConsoleRoutes implements Routes {
    private final LiveService live;
    private final LiveViews views;
    private final LiveTeam team;
    private final CommunityService communities;
    private final Templates templates;
    private final Function<String, String> link;
    private final Function<String, Optional<Long>> accountByEmail;

    public ConsoleRoutes(Live liveFeature, org.jdbi.v3.core.Jdbi jdbi, CommunityService communities, Templates templates,
            Function<String, String> link, Function<String, Optional<Long>> accountByEmail) {
        this.accountByEmail = accountByEmail;
        this.live = liveFeature.service();
        this.views = liveFeature.views();
        this.team = new LiveTeam(jdbi);
        this.communities = communities;
        this.templates = templates;
        this.link = link;
    }

    /** Who may watch an event's staff or presenter stream: the same people who may open its console. */
    public StaffGate gate(app.cairn.account.AccountService accounts) {
        return (cookies, eventId) -> accounts.authenticate(cookies.get("cairn_session"))
                .flatMap(a -> role(a.id(), eventId)).isPresent();
    }

    Optional<LiveRole> role(long accountId, long eventId) {
        Optional<LivePlan> plan = Optional.empty();
        try {
            plan = Optional.of(live.plan(eventId));
        } catch (NotFound e) {
            return Optional.empty();
        }
        if (communities.roleOf(accountId, plan.get().communityId()).map(r -> r.atLeast(Role.FACILITATOR)).orElse(false)) {
            return Optional.of(LiveRole.facilitator);
        }
        return team.role(eventId, accountId);
    }

    @Override
    public void register(RoutesConfig routes) {
        String base = "/c/{slug}/events/{id}";
        routes.get(base + "/console", ctx -> page(ctx, "live/console.jte"));
        routes.get(base + "/console/panel", ctx -> page(ctx, "live/consolePanel.jte"));
        routes.get(base + "/presenter", ctx -> presenter(ctx, "live/presenter.jte"));
        routes.get(base + "/presenter/panel", ctx -> presenter(ctx, "live/presenterPanel.jte"));
        routes.get("/live/{code}/qr.svg", ctx -> {
            String code = JoinCodes.normalise(ctx.pathParam("code"));
            if (code == null || live.sessionByCodeIfAny(code).isEmpty()) throw new NotFound("No such conversation.");
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.contentType("image/svg+xml").result(QrCode.svg(link.apply("/live/" + code)));
        });
        routes.post(base + "/console/{action}", this::action);
        routes.get("/api/v1/events/{id}/live", ctx -> {
            Staff s = staff(ctx, null);
            LiveState state = live.state(s.plan.eventId());
            state.lock.readLock().lock();
            try {
                ctx.json(Map.of("session", live.openSession(s.plan.eventId()), "role", s.role,
                        "state", views.since(state, 0, Audience.staff)));
            } finally {
                state.lock.readLock().unlock();
            }
        });
        routes.post("/api/v1/events/{id}/live/{action}", this::action);
    }

    private record Staff(LivePlan plan, LiveRole role, Viewer viewer) {}

    private Staff staff(Context ctx, String slug) {
        Viewer viewer = Viewer.require(ctx);
        long eventId;
        try {
            eventId = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such conversation.");
        }
        LiveRole role = role(viewer.accountId(), eventId).orElseThrow(() -> new NotFound("There is no such conversation."));
        LivePlan plan = live.plan(eventId);
        if (slug != null && !slug.equals(plan.communitySlug())) throw new NotFound("There is no such conversation.");
        return new Staff(plan, role, viewer);
    }

    /** The console page's model. */
    public record ConsolePage(LivePlan plan, LiveSession session, LiveRole role, LiveViews.Update state,
            String joinLink, Form form, List<ReportBack> reportBack) {
        public ConsolePage(LivePlan plan, LiveSession session, LiveRole role, LiveViews.Update state, String joinLink,
                Form form) {
            this(plan, session, role, state, joinLink, form, List.of());
        }

        /** The presenter shows the rooms' themes during the whole-group discussion. */
        public boolean showReportBack() {
            return !reportBack.isEmpty() && current().map(s -> s.kind().equals("whole_group")).orElse(false);
        }
        public Optional<LivePlan.Segment> current() {
            return state.now() == null || state.now().segmentId() == null ? Optional.empty()
                    : plan.segment(state.now().segmentId());
        }

        public Optional<LivePlan.Segment> next() {
            if (state.now() != null && state.now().ended()) return Optional.empty();
            return plan.next(state.now() == null ? null : state.now().segmentId());
        }

        public Optional<LivePlan.Segment> previous() {
            Long id = state.now() == null ? null : state.now().segmentId();
            if (id == null) return Optional.empty();
            for (int i = 1; i < plan.segments().size(); i++) {
                if (plan.segments().get(i).id() == id) return Optional.of(plan.segments().get(i - 1));
            }
            return Optional.empty();
        }

        public boolean ended() {
            return state.now() != null && state.now().ended();
        }

        public Long currentId() {
            return state.now() == null ? null : state.now().segmentId();
        }

        public List<LiveViews.MessageView> questions() {
            List<LiveViews.MessageView> q = new ArrayList<>();
            for (LiveViews.MessageView m : state.messages()) if (m.question()) q.add(m);
            q.sort(java.util.Comparator.comparing(LiveViews.MessageView::removed)
                    .thenComparing(java.util.Comparator.comparingInt(LiveViews.MessageView::upvotes).reversed())
                    .thenComparingLong(LiveViews.MessageView::seq));
            return q;
        }

        public List<LiveViews.MessageView> chat() {
            List<LiveViews.MessageView> out = new ArrayList<>();
            for (LiveViews.MessageView m : state.messages()) if (!m.question()) out.add(m);
            return out.size() > 60 ? out.subList(out.size() - 60, out.size()) : out;
        }

        public Optional<LiveViews.PollView> poll(String key) {
            return state.polls().stream().filter(p -> p.key().equals(key)).findFirst();
        }

        public List<LiveViews.PollView> adHocPolls() {
            List<LiveViews.PollView> out = new ArrayList<>();
            for (LiveViews.PollView p : state.polls()) if (plan.poll(p.key()).isEmpty()) out.add(p);
            return out;
        }

        /**
         * The poll the presenter view shows: the latest whose results are shown and which belongs to
         * the running segment (or was asked on the spot), so an old poll does not hide the reflection wall.
         */
        public Optional<LiveViews.PollView> presentedPoll() {
            LiveViews.PollView found = null;
            for (LiveViews.PollView p : state.polls()) {
                if (!p.showResults() || p.results() == null) continue;
                boolean adHoc = plan.poll(p.key()).isEmpty();
                boolean current = current().map(s -> s.polls().stream().anyMatch(x -> x.key().equals(p.key())))
                        .orElse(false);
                if (adHoc || current) found = p;
            }
            return Optional.ofNullable(found);
        }

        public List<LiveViews.ReflectionView> reflections(String promptKey) {
            List<LiveViews.ReflectionView> out = new ArrayList<>();
            for (LiveViews.ReflectionView r : state.reflections()) if (r.promptKey().equals(promptKey)) out.add(r);
            return out;
        }

        public String promptKey(String prompt) {
            return "r" + Math.abs(prompt.hashCode());
        }

        public boolean promptOpen(String prompt) {
            String key = promptKey(prompt);
            return state.prompts().stream().anyMatch(p -> p.key().equals(key));
        }

        public String answerLabel(LiveViews.MessageView q) {
            return LiveRoutes.answerLabel(q.answer(), q.recordingAt());
        }

        public int present() {
            return state.now() == null ? 0 : state.now().present();
        }

        public String sectorLabel(String code) {
            return switch (code) {
                case "health" -> "Health care";
                case "social_care" -> "Social care";
                case "both" -> "Both";
                case "other" -> "Other";
                default -> "Not given";
            };
        }
    }

    private void page(Context ctx, String template) {
        Staff s = staff(ctx, ctx.pathParam("slug"));
        LiveSession session = live.openSession(s.plan.eventId());
        LiveState state = live.state(s.plan.eventId());
        LiveViews.Update update;
        state.lock.readLock().lock();
        try {
            update = views.since(state, 0, Audience.staff);
        } finally {
            state.lock.readLock().unlock();
        }
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, template, "Console: " + s.plan.title(), new ConsolePage(s.plan, session, s.role, update,
                link.apply("/live/" + session.joinCode()), new Form()));
    }

    private void presenter(Context ctx, String template) {
        Staff s = staff(ctx, ctx.pathParam("slug"));
        LiveSession session = live.openSession(s.plan.eventId());
        LiveState state = live.state(s.plan.eventId());
        LiveViews.Update update;
        List<ReportBack> reportBack = new ArrayList<>();
        state.lock.readLock().lock();
        try {
            update = views.since(state, 0, Audience.presenter);
            state.rooms().latest().ifPresent(round -> {
                for (RoomsState.Room room : round.rooms()) {
                    if (room.themes().isEmpty()) continue;
                    String by = room.rapporteur().flatMap(live::participant).map(Participant::name).orElse(null);
                    reportBack.add(new ReportBack(room.name, by, room.themes()));
                }
            });
        } finally {
            state.lock.readLock().unlock();
        }
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, template, "Presenter: " + s.plan.title(), new ConsolePage(s.plan, session, s.role, update,
                link.apply("/live/" + session.joinCode()), new Form(), reportBack));
    }

    /** A breakout room's top themes for the whole-group report-back, and who reports them. */
    public record ReportBack(String room, String rapporteur, List<String> themes) {}

    private void action(Context ctx) {
        boolean api = ctx.path().startsWith("/api/");
        Staff s = staff(ctx, api ? null : ctx.pathParam("slug"));
        long eventId = s.plan.eventId();
        Map<String, String> in = api ? jsonBody(ctx) : formBody(ctx);
        Done result;
        try {
            result = perform(s, ctx.pathParam("action"), in);
        } catch (Invalid | Sequencer.Refused e) {
            if (api || WebServer.wantsJson(ctx)) throw e;
            // Show the console again with the message and everything typed kept.
            Form form = Form.filled(in);
            if (e instanceof Invalid invalid) invalid.fields().forEach(form::error);
            else form.error("console", e.getMessage());
            ctx.status(e instanceof Invalid ? 422 : 409);
            LiveSession session = live.openSession(eventId);
            LiveState state = live.state(eventId);
            LiveViews.Update update;
            state.lock.readLock().lock();
            try {
                update = views.since(state, 0, Audience.staff);
            } finally {
                state.lock.readLock().unlock();
            }
            templates.page(ctx, "live/console.jte", "Console: " + s.plan.title(), new ConsolePage(s.plan, session,
                    s.role, update, link.apply("/live/" + session.joinCode()), form));
            return;
        }
        if (api || WebServer.wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", result.message());
            if (result.entry() != null) body.put("seq", result.entry().seq());
            ctx.json(body);
        } else {
            Flash.set(ctx, result.message());
            ctx.redirect("/c/" + s.plan.communitySlug() + "/events/" + eventId + "/console");
        }
    }

    private record Done(String message, Entry entry) {}

    private Done perform(Staff s, String action, Map<String, String> in) {
        long eventId = s.plan.eventId();
        long account = s.viewer.accountId();
        String done;
        Entry entry = null;
        switch (action) {
            case "start" -> {
                need(s.role.canRun());
                entry = live.startSegment(eventId, account, longValue(in, "segment"), optionalLong(in, "expected"),
                        Boolean.parseBoolean(in.getOrDefault("skip", "false")));
                done = "Segment started";
            }
            case "extend" -> {
                need(s.role.canRun());
                entry = live.extendSegment(eventId, account, intValue(in, "minutes", "Enter the minutes to add"),
                        optionalLong(in, "expected"));
                done = "Time added";
            }
            case "silence" -> {
                need(s.role.canRun());
                int seconds = in.containsKey("seconds") && !in.get("seconds").isBlank()
                        ? intValue(in, "seconds", "Enter the seconds") : live.openSession(eventId).silenceSeconds();
                entry = live.startSilence(eventId, account, seconds);
                done = "Silence started";
            }
            case "announce" -> {
                need(s.role.canRun() || s.role.canAnswer());
                entry = live.announce(eventId, account, in.get("text"));
                done = "Message sent to everyone";
            }
            case "end" -> {
                need(s.role.canRun());
                entry = live.endSession(eventId, account);
                done = "The conversation has ended";
            }
            case "poll-open" -> {
                need(s.role.canRun());
                entry = live.openPoll(eventId, account, in.get("poll"), null,
                        Boolean.parseBoolean(in.getOrDefault("showResults", "false")));
                done = "Poll opened";
            }
            case "poll-adhoc" -> {
                need(s.role.canRun());
                PollKind kind;
                try {
                    kind = PollKind.valueOf(in.getOrDefault("kind", ""));
                } catch (IllegalArgumentException e) {
                    throw Invalid.field("kind", "Choose what kind of poll it is");
                }
                List<String> options = Arrays.stream(in.getOrDefault("options", "").split("\\R"))
                        .map(String::strip).filter(o -> !o.isEmpty()).toList();
                String key = "adhoc-" + System.currentTimeMillis();
                entry = live.openPoll(eventId, account, key,
                        new LivePlan.PlannedPoll(key, in.getOrDefault("question", "").strip(), kind, options), true);
                done = "Poll opened";
            }
            case "poll-close" -> {
                need(s.role.canRun());
                entry = live.closePoll(eventId, account, in.get("poll"));
                done = "Poll closed";
            }
            case "poll-results" -> {
                need(s.role.canRun());
                boolean shown = Boolean.parseBoolean(in.getOrDefault("shown", "true"));
                entry = live.showResults(eventId, account, in.get("poll"), shown);
                done = shown ? "Results shown to everyone" : "Results hidden";
            }
            case "reflection-open" -> {
                need(s.role.canRun());
                entry = live.openReflection(eventId, account, in.get("key"), in.get("prompt"));
                done = "Reflection prompt shown to everyone";
            }
            case "answer" -> {
                need(s.role.canAnswer());
                Answer answer;
                try {
                    answer = Answer.valueOf(in.getOrDefault("answer", ""));
                } catch (IllegalArgumentException e) {
                    throw Invalid.field("answer", "Choose how the question was answered");
                }
                entry = live.answer(eventId, account, longValue(in, "seq"), answer, in.get("recordingAt"));
                done = "Question marked " + LiveRoutes.answerLabel(answer.name(), in.get("recordingAt"));
            }
            case "hide" -> {
                need(s.role.canModerate());
                entry = live.hide(eventId, account, longValue(in, "seq"), in.get("reason"));
                done = "Hidden from everyone";
            }
            case "unhide" -> {
                need(s.role.canModerate());
                entry = live.unhide(eventId, account, longValue(in, "seq"));
                done = "Shown again";
            }
            case "post" -> {
                need(s.role.canAnswer());
                entry = live.postAsOrganiser(eventId, account, in.get("text"));
                done = "Posted";
            }
            case "settings" -> {
                need(s.role.canRun());
                LiveSession.Anonymity anonymity;
                try {
                    anonymity = LiveSession.Anonymity.valueOf(in.getOrDefault("anonymity", ""));
                } catch (IllegalArgumentException e) {
                    throw Invalid.field("anonymity", "Choose how names are shown");
                }
                live.updateSession(eventId, anonymity, intValue(in, "silenceSeconds", "Enter the seconds of silence"));
                done = "Settings saved";
            }
            case "team" -> {
                need(s.role.canRun());
                String email = in.getOrDefault("email", "").strip();
                if (email.isEmpty()) throw Invalid.field("email", "Enter the email address of their Cairn account");
                LiveRole role;
                try {
                    role = LiveRole.valueOf(in.getOrDefault("liveRole", ""));
                } catch (IllegalArgumentException e) {
                    throw Invalid.field("liveRole", "Choose host or moderator");
                }
                long who = accountByEmail.apply(email).orElseThrow(() -> Invalid.field("email",
                        "No one has a Cairn account with that email. Ask them to create one, then add them here"));
                team.set(eventId, who, role);
                done = email + " can now help as " + (role == LiveRole.host ? "host" : "moderator");
            }
            default -> throw new NotFound("There is no such action.");
        }
        return new Done(done, entry);
    }

    private static void need(boolean allowed) {
        if (!allowed) throw new app.cairn.common.Forbidden("Your role in this conversation does not include that.");
    }

    private static Map<String, String> formBody(Context ctx) {
        Form f = Form.of(ctx);
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : ctx.formParamMap().keySet()) m.put(k, f.value(k));
        return m;
    }

    private static Map<String, String> jsonBody(Context ctx) {
        if (ctx.body().isBlank()) return Map.of();
        Map<?, ?> raw = ctx.bodyAsClass(Map.class);
        Map<String, String> m = new LinkedHashMap<>();
        raw.forEach((k, v) -> m.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        return m;
    }

    private static long longValue(Map<String, String> in, String key) {
        try {
            return Long.parseLong(in.getOrDefault(key, "").strip());
        } catch (NumberFormatException e) {
            throw Invalid.field(key, "That item is no longer there.");
        }
    }

    private static Long optionalLong(Map<String, String> in, String key) {
        String v = in.get(key);
        if (v == null || v.isBlank() || v.equals("null")) return null;
        return longValue(in, key);
    }

    private static int intValue(Map<String, String> in, String key, String missing) {
        String v = in.getOrDefault(key, "").strip();
        if (v.isEmpty()) throw Invalid.field(key, missing);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw Invalid.field(key, "Enter a whole number");
        }
    }
}
