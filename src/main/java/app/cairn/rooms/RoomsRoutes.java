package app.cairn.rooms;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.live.Entry;
import app.cairn.live.LivePlan;
import app.cairn.live.LiveService;
import app.cairn.live.Participant;
import app.cairn.live.Sequencer;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import app.cairn.web.WebServer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Breakout rooms over HTTP for facilitators: the rooms console, the report-back view, and the
 * same as JSON. Staff need the facilitator role in the event's community. Participants' side is
 * {@link ParticipantRoomRoutes}.
 */
public final class RoomsRoutes implements Routes {
    private final RoomsService rooms;
    private final RoomsPages pages;
    private final LiveService live;
    private final CommunityService communities;
    private final Templates templates;

    public RoomsRoutes(RoomsService rooms, CommunityService communities, Templates templates,
            LongFunction<String> organisers) {
        this.rooms = rooms;
        this.live = rooms.live();
        this.communities = communities;
        this.templates = templates;
        this.pages = new RoomsPages(rooms, organisers);
    }

    @Override
    public void register(RoutesConfig routes) {
        String base = "/c/{slug}/events/{id}/rooms";
        routes.get(base, ctx -> staffPage(ctx, "rooms/console.jte", new Form()));
        routes.get(base + "/panel", ctx -> staffPage(ctx, "rooms/consolePanel.jte", new Form()));
        routes.get(base + "/report", ctx -> staffPage(ctx, "rooms/report.jte", new Form()));
        routes.get(base + "/report/panel", ctx -> staffPage(ctx, "rooms/reportPanel.jte", new Form()));
        routes.post(base + "/{action}", this::staffForm);

        routes.get("/api/v1/events/{id}/rooms", ctx -> {
            LivePlan plan = staff(ctx, null);
            ctx.json(pages.all(plan));
        });
        routes.post("/api/v1/events/{id}/rooms", ctx -> {
            LivePlan plan = staff(ctx, null);
            Entry e = rooms.open(plan.eventId(), Viewer.require(ctx).accountId(), opening(ctx.bodyAsClass(OpenBody.class)));
            ctx.status(201).json(Map.of("seq", e.seq(), "round", e.seq()));
        });
        routes.post("/api/v1/events/{id}/rooms/{round}/{action}", ctx -> {
            LivePlan plan = staff(ctx, null);
            Map<String, Object> body = ctx.body().isBlank() ? Map.of() : ctx.bodyAsClass(Map.class);
            Optional<Entry> e = staffAction(plan, Viewer.require(ctx).accountId(), ctx.pathParam("action"),
                    longOf(ctx.pathParam("round"), "round"), values(body), listOf(body.get("themes")));
            ctx.status(e.isPresent() ? 201 : 200).json(e.<Map<String, Object>>map(x -> Map.of("seq", x.seq()))
                    .orElse(Map.of("message", "The rooms are already even")));
        });

    }

    /** The body of {@code POST /api/v1/events/{id}/rooms}. */
    public record OpenBody(String strategy, Integer roomSize, Integer roomCount, Long segmentId, Integer minutes,
            String videoTemplate, List<String> videoPerRoom, Long questionId, List<List<Long>> together,
            List<List<Long>> apart, Long seed) {}

    private static RoomsService.Opening opening(OpenBody b) {
        return new RoomsService.Opening(b.strategy() == null ? Strategy.mixed : Strategy.parse(b.strategy()), b.roomSize(),
                b.roomCount(), b.segmentId(), b.minutes(), b.videoTemplate(), b.videoPerRoom(), b.questionId(),
                groups(b.together()), groups(b.apart()), b.seed());
    }

    private static List<java.util.Set<Long>> groups(List<List<Long>> in) {
        List<java.util.Set<Long>> out = new ArrayList<>();
        if (in != null) for (List<Long> g : in) if (g != null) out.add(new java.util.LinkedHashSet<>(g));
        return out;
    }

    // Staff

    private void staffPage(Context ctx, String template, Form form) {
        LivePlan plan = staff(ctx, ctx.pathParam("slug"));
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, template, "Breakout rooms: " + plan.title(), pages.staff(plan, Viewer.require(ctx).accountId(), form));
    }

    private void staffForm(Context ctx) {
        LivePlan plan = staff(ctx, ctx.pathParam("slug"));
        long account = Viewer.require(ctx).accountId();
        Form form = Form.of(ctx);
        String action = ctx.pathParam("action");
        String done;
        Optional<Entry> entry;
        try {
            if (action.equals("open")) {
                entry = Optional.of(rooms.open(plan.eventId(), account, openingFrom(form, live.participants(plan.eventId()))));
            } else {
                Map<String, String> in = new LinkedHashMap<>();
                for (String k : ctx.formParamMap().keySet()) in.put(k, form.value(k));
                entry = staffAction(plan, account, action, longOf(form.value("round"), "round"), in, form.values("themes"));
            }
            done = switch (action) {
                case "open" -> "Breakout rooms are open";
                case "move" -> "Moved";
                case "rebalance" -> entry.isPresent() ? "Rooms rebalanced" : "The rooms are already even";
                case "broadcast" -> "Sent to every room";
                case "extend" -> "Rooms extended";
                case "close" -> "Rooms closed. Their notes and themes are kept";
                case "themes" -> "Themes saved";
                default -> "Saved";
            };
        } catch (Invalid | Sequencer.Refused e) {
            if (WebServer.wantsJson(ctx)) throw e;
            if (e instanceof Invalid invalid) invalid.fields().forEach(form::error);
            else form.error("rooms", e.getMessage());
            ctx.status(e instanceof Invalid ? 422 : 409);
            templates.page(ctx, "rooms/console.jte", "Breakout rooms: " + plan.title(), pages.staff(plan, Viewer.require(ctx).accountId(), form));
            return;
        }
        if (WebServer.wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", done);
            entry.ifPresent(e -> body.put("seq", e.seq()));
            ctx.json(body);
        } else {
            Flash.set(ctx, done);
            ctx.redirect("/c/" + plan.communitySlug() + "/events/" + plan.eventId() + "/rooms"
                    + (action.equals("themes") || action.equals("move") ? "#room-" + form.value("room") : ""));
        }
    }

    private static RoomsService.Opening openingFrom(Form f, List<Participant> people) {
        String by = f.value("by");
        Integer size = null;
        Integer count = null;
        if (by.equals("count")) count = f.integer("roomCount", "Number of rooms", 1, 10_000, "Enter the number of rooms");
        else size = f.integer("roomSize", "Room size", 2, 1_000, "Enter how many people each room should have");
        Integer minutes = f.value("minutes").isEmpty() ? null : f.integer("minutes", "Minutes", 1, 240, null);
        Long question = f.value("questionId").isEmpty() ? null : longOf(f.value("questionId"), "questionId");
        List<java.util.Set<Long>> together = groupsByName(f, "together", people);
        List<java.util.Set<Long>> apart = groupsByName(f, "apart", people);
        if (!f.valid()) throw new Invalid(f.errorMap());
        List<String> pasted = f.value("videoPerRoom").isEmpty() ? List.of() : List.of(f.value("videoPerRoom").split("\\R"));
        return new RoomsService.Opening(Strategy.parse(f.value("strategy").isEmpty() ? "mixed" : f.value("strategy")), size,
                count, null, minutes, f.value("videoTemplate"), pasted, question, together, apart, null);
    }

    /** "Priya Shah, Tom Reid" on each line: one group of people who have joined, found by name. */
    private static List<java.util.Set<Long>> groupsByName(Form f, String field, List<Participant> people) {
        Map<String, List<Long>> byName = new java.util.HashMap<>();
        for (Participant p : people) {
            byName.computeIfAbsent(p.name().strip().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(p.id());
        }
        List<java.util.Set<Long>> groups = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String line : f.value(field).split("\\R")) {
            java.util.Set<Long> group = new java.util.LinkedHashSet<>();
            for (String name : line.split("[,;]")) {
                String key = name.strip().toLowerCase(java.util.Locale.ROOT);
                if (key.isEmpty()) continue;
                List<Long> ids = byName.get(key);
                if (ids == null) unknown.add(name.strip());
                else group.addAll(ids);
            }
            if (group.size() > 1) groups.add(group);
        }
        if (!unknown.isEmpty()) {
            f.error(field, "Nobody called " + String.join(", ", unknown) + " has joined. Check the names against who is here");
        }
        return groups;
    }

    private Optional<Entry> staffAction(LivePlan plan, long account, String action, long round, Map<String, String> in,
            List<String> themes) {
        long eventId = plan.eventId();
        return switch (action) {
            case "move", "moves" -> Optional.of(rooms.move(eventId, account, round, longOf(in.get("participantId"), "participantId"),
                    in.get("from") == null || in.get("from").isBlank() || in.get("from").equals("null") ? null
                            : (int) longOf(in.get("from"), "from"),
                    (int) longOf(in.get("to"), "to")));
            case "rebalance" -> rooms.rebalance(eventId, account, round);
            case "broadcast" -> Optional.of(rooms.broadcast(eventId, account, round, in.get("text")));
            case "extend" -> Optional.of(rooms.extend(eventId, account, round,
                    (int) longOf(in.getOrDefault("minutes", "5"), "minutes")));
            case "close" -> Optional.of(rooms.close(eventId, account, round));
            case "notes" -> Optional.of(rooms.staffNote(eventId, account, round, (int) longOf(in.get("room"), "room"), in.get("text")));
            case "themes" -> Optional.of(rooms.staffThemes(eventId, account, round, (int) longOf(in.get("room"), "room"), themes));
            default -> throw new NotFound("There is no such action on breakout rooms.");
        };
    }

    private LivePlan staff(Context ctx, String slug) {
        Viewer viewer = Viewer.require(ctx);
        long eventId = longOf(ctx.pathParam("id"), "id");
        LivePlan plan;
        try {
            plan = live.plan(eventId);
        } catch (NotFound e) {
            throw new NotFound("There is no such conversation.");
        }
        boolean facilitator = communities.roleOf(viewer.accountId(), plan.communityId())
                .map(r -> r.atLeast(Role.FACILITATOR)).orElse(false);
        if (!facilitator || (slug != null && !slug.equals(plan.communitySlug()))) {
            throw new NotFound("There is no such conversation.");
        }
        return plan;
    }

    // Input

    static Map<String, String> values(Map<String, Object> body) {
        Map<String, String> out = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (!(v instanceof List)) out.put(k, v == null ? null : String.valueOf(v));
        });
        return out;
    }

    static List<String> listOf(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) for (Object o : list) out.add(o == null ? "" : String.valueOf(o));
        return out;
    }

    static long longOf(String v, String field) {
        try {
            return Long.parseLong(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
            throw Invalid.field(field, "That item is no longer there. Reload the page");
        }
    }
}
