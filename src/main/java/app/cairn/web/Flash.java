package app.cairn.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A one-time notice shown on the next page ("Community saved"), carried in a short-lived cookie. */
public final class Flash {
    private static final String COOKIE = "cairn_notice";
    private static final int MAX_LENGTH = 300;

    private Flash() {}

    public static void set(Context ctx, String message) {
        String text = message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) : message;
        ctx.cookie(new Cookie(
                COOKIE, URLEncoder.encode(text, StandardCharsets.UTF_8), "/", 60, secure(ctx), true, null, SameSite.LAX));
    }

    /** Reads and clears the notice. The text is shown escaped, like all user-visible text. */
    static Optional<String> take(Context ctx) {
        String raw = ctx.cookie(COOKIE);
        if (raw == null || raw.isEmpty()) return Optional.empty();
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secure(ctx), true, null, SameSite.LAX));
        try {
            String text = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            return text.length() > MAX_LENGTH ? Optional.empty() : Optional.of(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean secure(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(WebServer.SECURE_COOKIES));
    }
}
