package app.cairn.rooms;

import static app.cairn.rooms.RoomsRoutes.listOf;
import static app.cairn.rooms.RoomsRoutes.longOf;
import static app.cairn.rooms.RoomsRoutes.values;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.live.Entry;
import app.cairn.live.LivePlan;
import app.cairn.live.LiveService;
import app.cairn.live.LiveSession;
import app.cairn.live.Participant;
import app.cairn.live.Sequencer;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.RateLimiter;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.WebServer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A participant's breakout room over HTTP: the room page and its panel, notes, chat,
 * volunteering to report back and themes, as forms and as JSON. Participants use their cookie or
 * their {@code cp_} token, like the rest of the live participant API.
 */
public final class ParticipantRoomRoutes implements Routes {
    private final RoomsService rooms;
    private final MyRoom myRoom;
    private final RoomsPages pages;
    private final LiveService live;
    private final Templates templates;
    private final RateLimiter writes;

    public ParticipantRoomRoutes(RoomsService rooms, Templates templates, LongFunction<String> organisers, Clock clock) {
        this.rooms = rooms;
        this.myRoom = rooms.myRoom();
        this.live = rooms.live();
        this.templates = templates;
        this.pages = new RoomsPages(rooms, organisers);
        this.writes = new RateLimiter(30, Duration.ofSeconds(20), clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/live/{code}/room", ctx -> participantPage(ctx, "rooms/room.jte"));
        routes.get("/live/{code}/room/panel", ctx -> participantPage(ctx, "rooms/roomPanel.jte"));
        routes.post("/live/{code}/room/{action}", this::participantForm);
        routes.get("/api/v1/live/{code}/room", ctx -> {
            Participant p = participant(ctx, true);
            ctx.json(pages.mine(p, live.plan(p.eventId())));
        });
        routes.post("/api/v1/live/{code}/room/{action}", ctx -> {
            Participant p = participant(ctx, true);
            Map<String, Object> body = ctx.body().isBlank() ? Map.of() : ctx.bodyAsClass(Map.class);
            Entry e = participantAction(p, ctx.pathParam("action"), values(body), listOf(body.get("themes")));
            ctx.status(201).json(Map.of("seq", e.seq()));
        });
    }

    private void participantPage(Context ctx, String template) {
        LiveSession session = session(ctx);
        Optional<Participant> p = cookieParticipant(ctx, session);
        if (p.isEmpty()) {
            ctx.redirect("/live/" + session.joinCode());
            return;
        }
        ctx.header("Cache-Control", "no-store");
        LivePlan plan = live.plan(session.eventId());
        templates.page(ctx, template, "Your breakout room", pages.mine(p.get(), plan, session, new Form()));
    }

    private void participantForm(Context ctx) {
        LiveSession session = session(ctx);
        Participant p = cookieParticipant(ctx, session).orElseThrow(() -> new UnauthorizedResponse("Join the conversation first."));
        Form form = Form.of(ctx);
        Map<String, String> in = new LinkedHashMap<>();
        for (String k : ctx.formParamMap().keySet()) in.put(k, form.value(k));
        String action = ctx.pathParam("action");
        try {
            Entry e = participantAction(p, action, in, form.values("themes"));
            String done = switch (action) {
                case "notes", "note" -> "Added to your room's notes";
                case "edit" -> "Note updated";
                case "chat" -> "Sent to your room";
                case "volunteer" -> "Thank you: you will report back for your room";
                case "themes" -> "Your room's themes are saved";
                default -> "Saved";
            };
            if (WebServer.wantsJson(ctx)) {
                ctx.json(Map.of("seq", e.seq(), "message", done));
            } else {
                Flash.set(ctx, done);
                ctx.redirect("/live/" + session.joinCode() + "/room");
            }
        } catch (Invalid | Sequencer.Refused e) {
            if (WebServer.wantsJson(ctx)) throw e;
            if (e instanceof Invalid invalid) invalid.fields().forEach(form::error);
            else form.error("room", e.getMessage());
            ctx.status(e instanceof Invalid ? 422 : 409);
            templates.page(ctx, "rooms/room.jte", "Your breakout room", pages.mine(p, live.plan(p.eventId()), session, form));
        }
    }

    private Entry participantAction(Participant p, String action, Map<String, String> in, List<String> themes) {
        writes.acquire("p" + p.id(), "You are sending a lot quickly. Wait a few seconds, then send again; what you typed is kept.");
        String key = in.get("clientKey") == null || in.get("clientKey").length() > 64 ? null : in.get("clientKey");
        return switch (action) {
            case "notes", "note" -> myRoom.note(p, in.get("text"), key);
            case "edit" -> myRoom.editNote(p, longOf(in.get("seq"), "seq"), in.get("text"));
            case "chat" -> myRoom.chat(p, in.get("text"), key);
            case "volunteer" -> myRoom.volunteer(p);
            case "themes" -> myRoom.themes(p, themes);
            default -> throw new NotFound("There is no such action in a breakout room.");
        };
    }

    private LiveSession session(Context ctx) {
        return live.sessionForCode(ctx.pathParam("code"))
                .orElseThrow(() -> new NotFound("There is no conversation with that code."));
    }

    private Optional<Participant> cookieParticipant(Context ctx, LiveSession session) {
        return live.participant(ctx.cookie(LiveService.participantCookie(session.joinCode())))
                .filter(p -> p.eventId() == session.eventId());
    }

    private Participant participant(Context ctx, boolean api) {
        LiveSession session = session(ctx);
        String auth = ctx.header("Authorization");
        Optional<Participant> p = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? live.participant(auth.substring(7).strip())
                : cookieParticipant(ctx, session);
        return p.filter(x -> x.eventId() == session.eventId()).orElseThrow(() -> new UnauthorizedResponse(
                "Send the participant token from joining as 'Authorization: Bearer cp_…'."));
    }
}
