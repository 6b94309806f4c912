package app.cairn.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection for every state-changing request. Each browser gets a
 * random visitor cookie; the form token is an HMAC of it under the instance's secret, so tokens
 * need no server-side state and work on any node. Requests with an API token (no cookies
 * involved) are exempt.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String VISITOR_COOKIE = "cairn_visitor";
    private static final String TOKEN_ATTRIBUTE = "cairn.csrf";
    private static final String FAILED_ATTRIBUTE = "cairn.csrf.failed";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final boolean secureCookies;
    private final java.util.List<java.util.regex.Pattern> exempt = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Csrf(byte[] secret, boolean secureCookies) {
        this.secret = secret.clone();
        this.secureCookies = secureCookies;
    }

    /**
     * Exempts JSON API paths that act on no one's behalf (no session or participant cookie is used),
     * such as joining a conversation from another client. Browser forms are never exempt.
     */
    public Csrf exemptJsonApi(String pathRegex) {
        exempt.add(java.util.regex.Pattern.compile(pathRegex));
        return this;
    }

    /** The token to put in forms and the htmx header on this request's page. */
    public static String token(Context ctx) {
        String token = ctx.attribute(TOKEN_ATTRIBUTE);
        return token == null ? "" : token;
    }

    /** Whether this request failed the check (the error handler then offers to send it again). */
    static boolean failed(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(FAILED_ATTRIBUTE));
    }

    /** Before every request: make sure the browser has a visitor id, then check unsafe methods. */
    void handle(Context ctx) {
        // A change sent with an API token, or a join through the JSON API, needs no visitor cookie: nothing to sign.
        if (!SAFE.contains(ctx.method()) && (usesApiToken(ctx) || exemptJson(ctx))) return;
        String visitor = ctx.cookie(VISITOR_COOKIE);
        if (visitor == null || visitor.length() != 32) {
            visitor = newVisitorId();
            ctx.cookie(new Cookie(VISITOR_COOKIE, visitor, "/", 60 * 60 * 24 * 365, secureCookies, true, null, SameSite.LAX));
        }
        String expected = sign(visitor);
        ctx.attribute(TOKEN_ATTRIBUTE, expected);
        if (SAFE.contains(ctx.method())) return;
        String sent = ctx.header(HEADER);
        if (sent == null && isForm(ctx)) sent = ctx.formParam(FIELD);
        if (sent == null || !MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
            ctx.attribute(FAILED_ATTRIBUTE, true);
            throw new CsrfRejected();
        }
    }

    private boolean exemptJson(Context ctx) {
        String type = ctx.contentType();
        // Only JSON: a cross-site page cannot send it without a CORS preflight, which Cairn never grants.
        if (type == null || !type.startsWith("application/json")) return false;
        for (var p : exempt) if (p.matcher(ctx.path()).matches()) return true;
        return false;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    static boolean usesApiToken(Context ctx) {
        String auth = ctx.header("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    String sign(String visitor) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(visitor.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    private static String newVisitorId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A state-changing request whose CSRF token is missing or stale. */
    public static final class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("The form's security token was missing or out of date.", null, false, false);
        }
    }
}
