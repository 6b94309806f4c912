package app.cairn.event;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON API for events, agendas and templates (documented in docs/api.md, "Events and agendas"). */
public final class EventApiRoutes implements app.cairn.web.Routes {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
    private final EventService events;
    private final AgendaService agendas;
    private final TemplateService templates;
    private final CommunityService communities;

    public EventApiRoutes(EventService events, AgendaService agendas, TemplateService templates, CommunityService communities) {
        this.events = events;
        this.agendas = agendas;
        this.templates = templates;
        this.communities = communities;
    }

    // ---- request bodies (numbers may come as JSON numbers or text; both are read as text and checked)

    record HostBody(String name, String role, String organisation) {}

    record EventBody(String templateId, String title, String purpose, String date, String startTime, String timeZone,
            List<HostBody> hosts, String recordingUrl, String contactEmail, String capacity, Integer version) {}

    record PollBody(Long id, String question, String kind, List<String> options) {}

    record SegmentBody(Long id, String kind, String title, String minutes, String guidance, List<String> prompts,
            List<PollBody> polls, Integer position) {}

    record AgendaBody(List<SegmentBody> segments, Integer version) {}

    record MoveBody(String direction) {}

    record TemplateBody(String community, Long eventId, String name, String description) {}

    // ---- responses

    /** A poll in a response. */
    public record PollOut(long id, String question, String kind, List<String> options) {}

    /** A segment in a response, with when it runs: UTC instants and the event's local clock with its offset. */
    public record SegmentOut(long id, int position, String kind, String title, int minutes, Instant startsAt, Instant endsAt,
            String localStart, String localEnd, String guidance, List<String> prompts, List<PollOut> polls) {}

    /** An agenda in a response. */
    public record AgendaOut(long eventId, int version, String timeZone, Instant startsAt, Instant endsAt, int totalMinutes,
            List<SegmentOut> segments) {}

    /** An event in a response; {@code agenda} is given when one event is asked for. */
    public record EventOut(long id, String community, String slug, String title, String purpose, LocalDate date,
            String startTime, String timeZone, Instant startsAt, Instant endsAt, int totalMinutes, List<Host> hosts,
            String recordingUrl, String contactEmail, Integer capacity, String template, boolean cancelled,
            Instant cancelledAt, int version, String page, AgendaOut agenda) {}

    /** A template segment: no ids or times, since it belongs to no event yet. */
    public record TemplateSegmentOut(String kind, String title, int minutes, String guidance, List<String> prompts,
            List<PollOut> polls) {}

    /** A template in a response. */
    public record TemplateOut(String id, String name, String description, boolean builtIn, int totalMinutes,
            List<TemplateSegmentOut> segments) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/communities/{slug}/events", ctx -> {
            Viewer v = Viewer.require(ctx);
            Community c = communities.get(ctx.pathParam("slug"));
            ctx.json(Map.of("events", events.list(v.accountId(), c.id()).stream()
                    .map(s -> summary(c, s.event(), s.totalMinutes(), null)).toList()));
        });
        routes.post("/api/v1/communities/{slug}/events", ctx -> {
            Viewer v = Viewer.require(ctx);
            Community c = communities.get(ctx.pathParam("slug"));
            EventBody b = body(ctx, EventBody.class);
            EventPlan plan = events.create(v.accountId(), c.id(), b.templateId(), input(b));
            created(ctx, "/api/v1/events/" + plan.event().id(), full(plan));
        });
        routes.get("/api/v1/events/{id}", ctx -> ctx.json(full(events.get(Viewer.require(ctx).accountId(), id(ctx)))));
        routes.put("/api/v1/events/{id}", ctx -> {
            Viewer v = Viewer.require(ctx);
            EventBody b = body(ctx, EventBody.class);
            EventInput in = input(b);
            if (b.timeZone() == null) {
                // Left out, the zone stays what it was rather than falling back to the default.
                Event current = events.get(v.accountId(), id(ctx)).event();
                in = new EventInput(in.title(), in.purpose(), in.date(), in.startTime(), current.zone().getId(), in.hosts(),
                        in.recordingUrl(), in.contactEmail(), in.capacity());
            }
            ctx.json(full(events.update(v.accountId(), id(ctx), in, b.version())));
        });
        routes.post("/api/v1/events/{id}/clone", this::cloneEvent);
        routes.post("/api/v1/events/{id}/cancel", ctx -> ctx.json(full(events.cancel(Viewer.require(ctx).accountId(), id(ctx)))));
        routes.post("/api/v1/events/{id}/restore", ctx -> ctx.json(full(events.restore(Viewer.require(ctx).accountId(), id(ctx)))));

        routes.get("/api/v1/events/{id}/agenda", ctx -> ctx.json(agenda(events.get(Viewer.require(ctx).accountId(), id(ctx)))));
        routes.put("/api/v1/events/{id}/agenda", ctx -> {
            AgendaBody b = body(ctx, AgendaBody.class);
            List<SegmentInput> segments = b.segments() == null ? List.of() : b.segments().stream().map(EventApiRoutes::segment).toList();
            ctx.json(agenda(agendas.replaceAgenda(Viewer.require(ctx).accountId(), id(ctx), segments, b.version())));
        });
        routes.post("/api/v1/events/{id}/agenda/segments", ctx -> {
            SegmentBody b = body(ctx, SegmentBody.class);
            var added = agendas.addSegment(Viewer.require(ctx).accountId(), id(ctx), segment(b), b.position());
            created(ctx, "/api/v1/events/" + added.plan().event().id() + "/agenda/segments/" + added.segment().id(),
                    agenda(added.plan()));
        });
        routes.put("/api/v1/events/{id}/agenda/segments/{segment}", ctx -> {
            SegmentBody b = body(ctx, SegmentBody.class);
            ctx.json(agenda(agendas.updateSegment(Viewer.require(ctx).accountId(), id(ctx), segmentId(ctx), segment(b))));
        });
        routes.delete("/api/v1/events/{id}/agenda/segments/{segment}",
                ctx -> ctx.json(agenda(agendas.removeSegment(Viewer.require(ctx).accountId(), id(ctx), segmentId(ctx)))));
        routes.post("/api/v1/events/{id}/agenda/segments/{segment}/move", ctx -> {
            MoveBody b = body(ctx, MoveBody.class);
            ctx.json(agenda(agendas.moveSegment(Viewer.require(ctx).accountId(), id(ctx), segmentId(ctx),
                    AgendaService.Direction.parse(b.direction()))));
        });

        routes.get("/api/v1/templates", ctx -> {
            Viewer v = Viewer.require(ctx);
            String slug = ctx.queryParam("community");
            if (slug == null || slug.isBlank()) {
                throw Invalid.field("community", "Say which community's templates you want, like ?community=your-community");
            }
            Community c = communities.get(slug);
            ctx.json(Map.of("templates", templates.available(v.accountId(), c.id()).stream().map(EventApiRoutes::template).toList()));
        });
        routes.post("/api/v1/templates", ctx -> {
            Viewer v = Viewer.require(ctx);
            TemplateBody b = body(ctx, TemplateBody.class);
            if (b.eventId() == null) throw Invalid.field("eventId", "Give the id of the event whose agenda to save");
            EventPlan plan = events.get(v.accountId(), b.eventId());
            if (b.community() != null && !b.community().isBlank()
                    && communities.get(b.community()).id() != plan.event().communityId()) {
                throw Invalid.field("community", "The event is not in that community");
            }
            Template t = events.saveAsTemplate(v.accountId(), b.eventId(), b.name(), b.description());
            created(ctx, "/api/v1/templates?community=" + communities.get(plan.event().communityId()).slug(), template(t));
        });
    }

    /** Clones an event; every field in the body is optional and replaces the original's (the recording never carries over). */
    private void cloneEvent(Context ctx) {
        Viewer v = Viewer.require(ctx);
        EventPlan source = events.get(v.accountId(), id(ctx));
        EventBody b = ctx.body().isBlank() ? new EventBody(null, null, null, null, null, null, null, null, null, null, null)
                : body(ctx, EventBody.class);
        Event e = source.event();
        List<EventInput.HostInput> hosts = b.hosts() != null ? hosts(b.hosts())
                : e.hosts().stream().map(h -> new EventInput.HostInput(h.name(), h.role(), h.organisation())).toList();
        EventInput in = new EventInput(
                or(b.title(), e.title()), or(b.purpose(), e.purpose()),
                EventInput.DateInput.iso(or(b.date(), e.date().toString())),
                or(b.startTime(), e.startTime().toString()), or(b.timeZone(), e.zone().getId()), hosts,
                or(b.recordingUrl(), ""), or(b.contactEmail(), e.contactEmail()),
                b.capacity() != null ? b.capacity() : e.capacity() == null ? "" : e.capacity().toString());
        EventPlan copy = events.duplicate(v.accountId(), e.id(), in);
        created(ctx, "/api/v1/events/" + copy.event().id(), full(copy));
    }

    private static String or(String given, String fallback) {
        return given != null ? given : fallback;
    }

    private static void created(Context ctx, String location, Object body) {
        ctx.status(201).header("Location", location).json(body);
    }

    private static <T> T body(Context ctx, Class<T> type) {
        try {
            T value = ctx.bodyAsClass(type);
            if (value == null) throw new BadRequestResponse("Send a JSON object in the request body.");
            return value;
        } catch (BadRequestResponse e) {
            throw e;
        } catch (Exception e) {
            // Jackson's parse errors are checked exceptions that Javalin throws unchecked.
            String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new BadRequestResponse("The request body is not the JSON this endpoint expects (see docs/api.md): "
                    + (detail.length() > 200 ? detail.substring(0, 200) : detail));
        }
    }

    private static long id(Context ctx) {
        return number(ctx.pathParam("id"), "There is no such conversation.");
    }

    private static long segmentId(Context ctx) {
        return number(ctx.pathParam("segment"), "There is no such segment in this agenda.");
    }

    private static long number(String raw, String message) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFound(message);
        }
    }

    private static List<EventInput.HostInput> hosts(List<HostBody> hosts) {
        List<EventInput.HostInput> in = new ArrayList<>();
        if (hosts != null) {
            for (HostBody h : hosts) in.add(h == null ? null : new EventInput.HostInput(h.name(), h.role(), h.organisation()));
        }
        return in;
    }

    static EventInput input(EventBody b) {
        return new EventInput(b.title(), b.purpose(), EventInput.DateInput.iso(b.date()), b.startTime(),
                b.timeZone() == null ? TimeZones.DEFAULT : b.timeZone(), hosts(b.hosts()), b.recordingUrl(), b.contactEmail(),
                b.capacity());
    }

    static SegmentInput segment(SegmentBody b) {
        if (b == null) return new SegmentInput(null, null, null, null, null, null, null);
        return new SegmentInput(b.id(), b.kind(), b.title(), b.minutes(), b.guidance(), b.prompts(),
                b.polls() == null ? List.of() : b.polls().stream()
                        .map(p -> new SegmentInput.PollInput(p.id(), p.question(), p.kind(), p.options()))
                        .toList());
    }

    private EventOut full(EventPlan plan) {
        return summary(communities.get(plan.event().communityId()), plan.event(), plan.totalMinutes(), agenda(plan));
    }

    private static EventOut summary(Community c, Event e, int totalMinutes, AgendaOut agenda) {
        ZonedDateTime start = e.start();
        return new EventOut(e.id(), c.slug(), e.slug(), e.title(), e.purpose(), e.date(),
                e.startTime().format(DateTimeFormatter.ofPattern("HH:mm")), e.zone().getId(), start.toInstant(),
                start.plusMinutes(totalMinutes).toInstant(), totalMinutes, e.hosts(), e.recordingUrl(), e.contactEmail(),
                e.capacity(), e.templateName(), e.cancelled(), e.cancelledAt(), e.version(),
                "/c/" + c.slug() + "/events/" + e.id(), agenda);
    }

    static AgendaOut agenda(EventPlan plan) {
        Schedule schedule = plan.schedule();
        List<SegmentOut> segments = new ArrayList<>();
        for (int i = 0; i < plan.segments().size(); i++) {
            Segment s = plan.segments().get(i);
            var slot = schedule.slots().get(i);
            segments.add(new SegmentOut(s.id(), i, s.kind().code(), s.title(), s.minutes(), slot.start().toInstant(),
                    slot.end().toInstant(), LOCAL.format(slot.start()), LOCAL.format(slot.end()), s.guidance(), s.prompts(),
                    polls(s.polls())));
        }
        return new AgendaOut(plan.event().id(), plan.event().version(), plan.event().zone().getId(),
                schedule.start().toInstant(), schedule.end().toInstant(), plan.totalMinutes(), segments);
    }

    private static List<PollOut> polls(List<Poll> polls) {
        return polls.stream().map(p -> new PollOut(p.id(), p.question(), p.kind().code(), p.options())).toList();
    }

    static TemplateOut template(Template t) {
        return new TemplateOut(t.id(), t.name(), t.description(), t.builtIn(), t.totalMinutes(), t.segments().stream()
                .map(s -> new TemplateSegmentOut(s.kind().code(), s.title(), s.minutes(), s.guidance(), s.prompts(),
                        polls(s.polls())))
                .toList());
    }
}
