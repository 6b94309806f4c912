package app.cairn.live;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /stream/{code}?audience=participant|presenter|staff}: a conversation's live updates
 * as Server-Sent Events. It sits in front of the web app in Jetty's handler chain and writes with
 * Jetty's non-blocking core API; everything else passes through to the app. A reconnecting
 * browser sends {@code Last-Event-ID} (or {@code ?after=} on first connect) and gets exactly what
 * it missed.
 */
public final class StreamHandler extends Handler.Wrapper {
    static final String PREFIX = "/stream/";
    private final LiveService live;
    private final StreamHub hub;
    private volatile StaffGate staff = (cookies, eventId) -> false;

    StreamHandler(LiveService live, StreamHub hub) {
        this.live = live;
        this.hub = hub;
    }

    /** Who may watch the staff and presenter streams; set once the web app's accounts are wired. */
    public void staffGate(StaffGate gate) {
        this.staff = gate;
    }

    /** The participant cookie for a conversation; scoped by name so several conversations can be joined. */
    public static String cookieName(String code) {
        return "cairn_p_" + code;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX) || !"GET".equals(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        String code = JoinCodes.normalise(path.substring(PREFIX.length()));
        Optional<LiveSession> session = code == null ? Optional.empty() : live.sessionByCodeIfAny(code);
        if (session.isEmpty()) return refuse(response, callback, 404, "There is no conversation with that code.");
        long eventId = session.get().eventId();
        Fields query = Request.extractQueryParameters(request);
        Audience audience;
        try {
            audience = Audience.valueOf(Optional.ofNullable(query.getValue("audience")).orElse("participant"));
        } catch (IllegalArgumentException e) {
            return refuse(response, callback, 400, "audience must be participant, presenter or staff");
        }
        Map<String, String> cookies = new HashMap<>();
        for (HttpCookie c : Request.getCookies(request)) cookies.put(c.getName(), c.getValue());
        Long participantId = null;
        if (audience == Audience.participant) {
            String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            Optional<Participant> p = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? live.participant(auth.substring(7).strip())
                    : live.participant(cookies.get(cookieName(code)));
            p = p.filter(x -> x.eventId() == eventId);
            if (p.isEmpty()) return refuse(response, callback, 401, "Join the conversation first.");
            participantId = p.get().id();
        } else if (!staff.allowed(cookies, eventId)) {
            return refuse(response, callback, 403, "Only the conversation's organisers can watch this view.");
        }
        long after = after(request.getHeaders().get("Last-Event-ID"), query.getValue("after"));
        response.setStatus(200);
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache, no-transform");
        headers.put("X-Accel-Buffering", "no");
        headers.put("X-Content-Type-Options", "nosniff");
        Connection[] holder = new Connection[1];
        Connection c = new Connection(eventId, audience, participantId, after, response, callback,
                () -> hub.remove(holder[0]));
        holder[0] = c;
        c.offer("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8), 0);
        hub.add(c);
        return true;
    }

    private static boolean refuse(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, java.nio.ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    static long after(String lastEventId, String query) {
        String last = lastEventId == null || lastEventId.isBlank() ? query : lastEventId;
        if (last == null || last.isBlank()) return 0;
        try {
            return Math.max(0, Long.parseLong(last.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
