package app.cairn.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /stream/{code}?audience=participant|presenter|staff}: a conversation's live updates
 * as Server-Sent Events. A reconnecting browser sends {@code Last-Event-ID} and gets exactly
 * what it missed. Served by a plain async servlet so writes never block a thread.
 */
final class StreamServlet extends HttpServlet {
    private final LiveService live;
    private final StreamHub hub;
    private final StaffGate staff;

    StreamServlet(LiveService live, StreamHub hub, StaffGate staff) {
        this.live = live;
        this.hub = hub;
        this.staff = staff;
    }

    /** The participant cookie for a conversation; scoped by name so several conversations can be joined. */
    static String cookieName(String code) {
        return "cairn_p_" + code;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo();
        String code = path == null ? null : JoinCodes.normalise(path.substring(1));
        Optional<LiveSession> session = code == null ? Optional.empty() : live.sessionByCodeIfAny(code);
        if (session.isEmpty()) {
            res.sendError(404, "There is no conversation with that code.");
            return;
        }
        long eventId = session.get().eventId();
        Audience audience;
        try {
            audience = Audience.valueOf(Optional.ofNullable(req.getParameter("audience")).orElse("participant"));
        } catch (IllegalArgumentException e) {
            res.sendError(400, "audience must be participant, presenter or staff");
            return;
        }
        Long participantId = null;
        if (audience == Audience.participant) {
            Optional<Participant> p = participant(req, code).filter(x -> x.eventId() == eventId);
            if (p.isEmpty()) {
                res.sendError(401, "Join the conversation first.");
                return;
            }
            participantId = p.get().id();
        } else if (!staff.allowed(req, eventId)) {
            res.sendError(403, "Only the conversation's organisers can watch this view.");
            return;
        }
        long after = after(req);
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache, no-transform");
        res.setHeader("X-Accel-Buffering", "no");
        res.setHeader("X-Content-Type-Options", "nosniff");
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        Connection[] holder = new Connection[1];
        Connection c = new Connection(eventId, audience, participantId, after, async, () -> hub.remove(holder[0]));
        holder[0] = c;
        c.start();
        c.offer("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8), 0);
        hub.add(c);
    }

    private Optional<Participant> participant(HttpServletRequest req, String code) {
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) return live.participant(auth.substring(7).strip());
        if (req.getCookies() != null) {
            for (Cookie cookie : req.getCookies()) {
                if (cookie.getName().equals(cookieName(code))) return live.participant(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static long after(HttpServletRequest req) {
        String last = req.getHeader("Last-Event-ID");
        if (last == null || last.isBlank()) last = req.getParameter("after");
        if (last == null || last.isBlank()) return 0;
        try {
            return Math.max(0, Long.parseLong(last.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
