package app.cairn.event;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Option;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agenda editor: re-time, reorder, add, remove and edit segments, all working without JavaScript. */
public final class AgendaRoutes implements Routes {
    private final EventService events;
    private final AgendaService agendas;
    private final CommunityService communities;
    private final Templates pages;

    public AgendaRoutes(EventService events, AgendaService agendas, CommunityService communities, Templates pages) {
        this.events = events;
        this.agendas = agendas;
        this.communities = communities;
        this.pages = pages;
    }

    /** The agenda page's model: the timed segments, the minutes form and the add-a-segment form. */
    public record AgendaView(Community community, EventPlan plan, boolean canEdit, Form form, Form addForm,
            List<EventViews.TimedSegment> rows, List<Option> kinds) {}

    /** The model of the page that edits one segment. */
    public record SegmentView(Community community, EventPlan plan, Segment segment, int number, Form form, int pollRows,
            List<Option> kinds, List<Option> pollKinds) {}

    static final List<Option> KINDS = Arrays.stream(SegmentKind.values()).map(k -> new Option(k.code(), k.label())).toList();
    static final List<Option> POLL_KINDS = Arrays.stream(PollKind.values()).map(k -> new Option(k.code(), k.label())).toList();

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/c/{slug}/events/{id}/agenda", ctx -> {
            var l = EventRoutes.load(ctx, events, communities);
            agendaPage(ctx, l, minutesForm(l.plan()), Form.filled(Map.of("new-kind", "custom")));
        });
        routes.post("/c/{slug}/events/{id}/agenda", this::saveAgenda);
        routes.post("/c/{slug}/events/{id}/agenda/segments", this::addSegment);
        routes.get("/c/{slug}/events/{id}/agenda/segments/{segment}", ctx -> {
            var l = organiser(ctx);
            Segment s = segment(ctx, l.plan());
            segmentPage(ctx, l, s, segmentForm(s));
        });
        routes.post("/c/{slug}/events/{id}/agenda/segments/{segment}", this::saveSegment);
    }

    private EventRoutes.Loaded organiser(Context ctx) {
        var l = EventRoutes.load(ctx, events, communities);
        communities.requireRole(l.viewer().accountId(), l.community().id(), Role.ORGANISER);
        return l;
    }

    private static String agendaHref(EventRoutes.Loaded l) {
        return EventRoutes.href(l.community(), l.plan().event()) + "/agenda";
    }

    private void agendaPage(Context ctx, EventRoutes.Loaded l, Form form, Form addForm) {
        pages.page(ctx, "event/agenda.jte", "Agenda – " + l.plan().event().title(), new AgendaView(l.community(), l.plan(),
                l.canEdit(), form, addForm, EventViews.timed(l.plan()), KINDS));
    }

    private static Form minutesForm(EventPlan plan) {
        Map<String, String> v = new HashMap<>();
        plan.segments().forEach(s -> v.put("minutes-" + s.id(), Integer.toString(s.minutes())));
        return Form.filled(v);
    }

    /**
     * The agenda form has one submit per action ("Save times", "Move up", "Remove"...). Every action
     * first saves the minutes typed, so moving a segment never loses a change of time.
     */
    private void saveAgenda(Context ctx) {
        var l = organiser(ctx);
        Form form = Form.of(ctx);
        long eventId = l.plan().event().id();
        long account = l.viewer().accountId();
        Map<Long, String> minutes = new LinkedHashMap<>();
        l.plan().segments().forEach(s -> {
            String typed = form.value("minutes-" + s.id());
            if (!typed.isEmpty() || !form.values("minutes-" + s.id()).isEmpty()) minutes.put(s.id(), typed);
        });
        EventPlan plan;
        try {
            plan = agendas.retime(account, eventId, minutes);
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            agendaPage(ctx, l, form, Form.filled(Map.of("new-kind", "custom")));
            return;
        }
        String action = form.value("action");
        String[] parts = action.split(":", 2);
        String done = "Times saved. The conversation now ends at " + plan.schedule().label(plan.schedule().end()) + ".";
        String anchor = "";
        if (parts.length == 2 && parts[1].matches("\\d{1,18}")) {
            long segmentId = Long.parseLong(parts[1]);
            String title = plan.segments().stream().filter(s -> s.id() == segmentId).map(Segment::title).findFirst()
                    .orElseThrow(() -> new NotFound("There is no such segment in this agenda. Someone may have removed it."));
            switch (parts[0]) {
                case "up", "down" -> {
                    agendas.moveSegment(account, eventId, segmentId, AgendaService.Direction.parse(parts[0]));
                    done = "Moved “" + title + "” " + parts[0] + ".";
                    anchor = "#segment-" + segmentId;
                }
                case "remove" -> {
                    agendas.removeSegment(account, eventId, segmentId);
                    done = "Removed “" + title + "” from the agenda.";
                }
                default -> throw Invalid.field("action", "That is not something the agenda page can do.");
            }
        }
        Flash.set(ctx, done);
        ctx.redirect(agendaHref(l) + anchor);
    }

    private void addSegment(Context ctx) {
        var l = organiser(ctx);
        Form form = Form.of(ctx);
        SegmentInput input = new SegmentInput(null, form.value("new-kind"), form.value("new-title"), form.value("new-minutes"),
                "", List.of(), List.of());
        try {
            var added = agendas.addSegment(l.viewer().accountId(), l.plan().event().id(), input, null);
            Flash.set(ctx, "Added “" + added.segment().title() + "”. Add its guidance, prompts and polls below, or move it "
                    + "into place on the agenda.");
            ctx.redirect(agendaHref(l) + "/segments/" + added.segment().id());
        } catch (Invalid e) {
            e.fields().forEach((k, v) -> form.error(k.equals("agenda") ? "new-minutes" : "new-" + k, v));
            ctx.status(422);
            agendaPage(ctx, l, minutesForm(l.plan()), form);
        }
    }

    private static Segment segment(Context ctx, EventPlan plan) {
        String raw = ctx.pathParam("segment");
        return plan.segments().stream()
                .filter(s -> Long.toString(s.id()).equals(raw))
                .findFirst()
                .orElseThrow(() -> new NotFound("There is no such segment in this agenda. Someone may have removed it."));
    }

    private void segmentPage(Context ctx, EventRoutes.Loaded l, Segment s, Form form) {
        int number = l.plan().segments().indexOf(s) + 1;
        pages.page(ctx, "event/segment.jte", "Edit " + s.title(), new SegmentView(l.community(), l.plan(), s, number, form,
                pollRows(form), KINDS, POLL_KINDS));
    }

    /** The saved polls' rows, then one blank row for a new poll. */
    static int pollRows(Form form) {
        try {
            return Math.max(1, Math.min(AgendaRules.MAX_POLLS + 1, Integer.parseInt(form.value("pollRows"))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static Form segmentForm(Segment s) {
        Map<String, String> v = new HashMap<>();
        v.put("title", s.title());
        v.put("kind", s.kind().code());
        v.put("minutes", Integer.toString(s.minutes()));
        v.put("guidance", s.guidance());
        v.put("prompts", String.join("\n", s.prompts()));
        for (int i = 0; i < s.polls().size(); i++) {
            Poll p = s.polls().get(i);
            v.put("polls[" + i + "].id", Long.toString(p.id()));
            v.put("polls[" + i + "].question", p.question());
            v.put("polls[" + i + "].kind", p.kind().code());
            v.put("polls[" + i + "].options", String.join("\n", p.options()));
        }
        v.put("polls[" + s.polls().size() + "].kind", PollKind.SINGLE_CHOICE.code());
        v.put("pollRows", Integer.toString(s.polls().size() + 1));
        return Form.filled(v);
    }

    private void saveSegment(Context ctx) {
        var l = organiser(ctx);
        Segment s = segment(ctx, l.plan());
        Form form = Form.of(ctx);
        List<SegmentInput.PollInput> polls = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < pollRows(form); i++) {
            String p = "polls[" + i + "].";
            String id = form.value(p + "id");
            boolean blank = form.value(p + "question").isEmpty() && form.value(p + "options").isEmpty();
            if (form.checked(p + "remove") || (id.isEmpty() && blank)) continue;
            polls.add(new SegmentInput.PollInput(id.matches("\\d{1,18}") ? Long.valueOf(id) : null, form.value(p + "question"),
                    form.value(p + "kind"), lines(form.value(p + "options"))));
            rowOf.add(i);
        }
        SegmentInput input = new SegmentInput(s.id(), form.value("kind"), form.value("title"), form.value("minutes"),
                form.value("guidance"), lines(form.value("prompts")), polls);
        try {
            agendas.updateSegment(l.viewer().accountId(), l.plan().event().id(), s.id(), input);
            Flash.set(ctx, "Saved “" + form.value("title") + "”");
            ctx.redirect(agendaHref(l) + "#segment-" + s.id());
        } catch (Invalid e) {
            e.fields().forEach((k, v) -> form.error(rowName(k, rowOf), v));
            ctx.status(422);
            segmentPage(ctx, l, s, form);
        }
    }

    /** The service numbers polls among those kept; the page's rows include removed and blank ones. */
    private static String rowName(String key, List<Integer> rowOf) {
        var m = java.util.regex.Pattern.compile("^polls\\[(\\d+)\\](.*)$").matcher(key);
        if (!m.matches()) return key.equals("agenda") ? "minutes" : key;
        int i = Integer.parseInt(m.group(1));
        return "polls[" + (i < rowOf.size() ? rowOf.get(i) : i) + "]" + m.group(2);
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
