package app.cairn.web;

import app.cairn.store.Database;
import app.cairn.common.Conflict;
import app.cairn.common.Forbidden;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.config.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The HTTP server: security headers, CSRF, static assets, friendly errors, and each feature's routes. */
public final class WebServer {
    static final String SECURE_COOKIES = "cairn.secureCookies";
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    /**
     * No inline script or style anywhere; htmx is told not to inject its indicator styles.
     * {@code frame-ancestors 'none'} keeps pages from being framed.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final Javalin app;
    private final Templates templates;
    private final Settings settings;
    private final List<Runnable> onStopping = new CopyOnWriteArrayList<>();

    public WebServer(
            Settings settings,
            Templates templates,
            Csrf csrf,
            Handler authenticate,
            ObjectMapper json,
            List<Routes> features,
            org.eclipse.jetty.server.Handler.Wrapper front) {
        this.templates = templates;
        this.settings = settings;
        this.app = Javalin.create(config -> {
            config.jetty.port = settings.port();
            // A long accept queue: when a thousand people open the join link in the same minute, the
            // operating system's default of 50 waiting connections would turn some away.
            config.jetty.addConnector((server, http) -> {
                // No per-connection header cache: Jetty builds one (about 15 KB) for every connection that
                // sends a second request, and an event stream keeps its connection open for hours, so with
                // thousands of people it was most of the heap a participant cost (docs/decisions/0023).
                http.setHeaderCacheSize(0);
                var connector = new org.eclipse.jetty.server.ServerConnector(server,
                        new org.eclipse.jetty.server.HttpConnectionFactory(http));
                connector.setPort(settings.port());
                connector.setAcceptQueueSize(1024);
                return connector;
            });
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
            if (settings.cluster().trustProxy()) {
                // Behind nginx or a load balancer: the client's address and scheme are in the forwarded headers.
                config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(
                        new org.eclipse.jetty.server.ForwardedRequestCustomizer()));
            }
            // A handler in front of the app (event streams on Jetty's non-blocking API); Javalin nests
            // its own servlet handler inside it and everything the front does not take passes through.
            if (front != null) config.jetty.modifyServer(server -> server.setHandler(front));
            config.http.maxRequestSize = 12L * 1024 * 1024;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.requestLogger.http(WebServer::logRequest);
            config.events.serverStopping(() -> onStopping.forEach(Runnable::run));

            var routes = config.routes;
            routes.before(ctx -> {
                ctx.attribute(SECURE_COOKIES, settings.secureCookies());
                MDC.put("request", shortId());
                securityHeaders(ctx, settings.secureCookies());
                authenticate.handle(ctx);
                csrf.handle(ctx);
            });
            features.forEach(f -> f.register(routes));

            routes.exception(Csrf.CsrfRejected.class, (e, ctx) -> csrfRejected(ctx));
            routes.exception(Viewer.SignInRequired.class, (e, ctx) -> signInRequired(ctx));
            routes.exception(Invalid.class, (e, ctx) -> problem(ctx, 422, "Check your answers", e.getMessage(), e.fields()));
            routes.exception(NotFound.class, (e, ctx) -> problem(ctx, 404, "Page not found", e.getMessage(), Map.of()));
            routes.exception(Forbidden.class, (e, ctx) -> problem(ctx, 403, "You cannot do that", e.getMessage(), Map.of()));
            routes.exception(Conflict.class, (e, ctx) -> problem(ctx, 409, "Something changed", e.getMessage(), Map.of()));
            routes.exception(RateLimiter.TooManyRequests.class,
                    (e, ctx) -> problem(ctx, 429, "Please slow down", e.getMessage(), Map.of()));
            routes.exception(HttpResponseException.class, (e, ctx) -> problem(
                    ctx, e.getStatus(), titleFor(e.getStatus()), messageFor(e.getStatus(), e.getMessage()), Map.of()));
            routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
            routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    problem(ctx, 404, "Page not found", messageFor(404, null), Map.of());
                }
            });
        });
    }

    public WebServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Runs before Jetty stops, e.g. to close open event streams so stopping does not wait on them. */
    public void onStopping(Runnable action) {
        onStopping.add(action);
    }

    public void stop() {
        app.stop();
    }

    static void securityHeaders(Context ctx, boolean https) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (https) ctx.header("Strict-Transport-Security", "max-age=31536000");
    }

    /** Whether the caller wants JSON: the API, or a client that asked for it. */
    public static boolean wantsJson(Context ctx) {
        if (ctx.path().startsWith("/api/")) return true;
        String accept = ctx.header("Accept");
        return accept != null && accept.startsWith("application/json");
    }

    private void problem(Context ctx, int status, String title, String message, Map<String, String> fields) {
        ctx.status(status);
        if (wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("message", message);
            if (!fields.isEmpty()) body.put("fields", fields);
            ctx.json(Map.of("error", body));
        } else {
            ctx.html(templates.render("web/error.jte", Page.of(ctx, title), new ErrorView(status, title, message)));
        }
    }

    private void signInRequired(Context ctx) {
        if (wantsJson(ctx)) {
            problem(ctx, 401, "Sign in", "Send a personal API token as 'Authorization: Bearer <token>'.", Map.of());
        } else if (ctx.method().name().equals("GET")) {
            ctx.redirect("/sign-in?next=" + java.net.URLEncoder.encode(ctx.fullUrl().substring(
                    ctx.fullUrl().indexOf(ctx.path())), java.nio.charset.StandardCharsets.UTF_8));
        } else {
            problem(ctx, 401, "Sign in", "Your session has ended. Sign in again, then go back and send the form again.",
                    Map.of());
        }
    }

    /** A stale or missing CSRF token: offer to send the same answers again with a fresh token. */
    private void csrfRejected(Context ctx) {
        ctx.status(403);
        String message = "This page was open for a long time or in another browser, so for your security "
                + "we did not save it. Your answers are below: check them and send them again.";
        if (wantsJson(ctx) || ctx.header("HX-Request") != null) {
            problem(ctx, 403, "Send it again", message, Map.of());
            return;
        }
        List<ResendView.Field> fields = new ArrayList<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (name.equals(Csrf.FIELD)) return;
            for (String v : values) fields.add(new ResendView.Field(name, v));
        });
        ctx.html(templates.render("web/resend.jte", Page.of(ctx, "Send it again"),
                new ResendView(ctx.path(), message, fields)));
    }

    private void unexpected(Context ctx, Exception e) {
        if (Database.unreachable(e)) {
            // Not a bug: the database is restarting or out of reach. Say so, and when to try again.
            log.warn("request refused while the database is unreachable method={} path={} reason={}", ctx.method(),
                    loggablePath(ctx), e.toString());
            ctx.header("Retry-After", "2");
            if (wantsJson(ctx)) {
                ctx.status(503).json(Map.of("error", Map.of("status", 503, "code", "reconnecting", "message",
                        "Cairn has lost touch with its database and is reconnecting. Nothing was changed: "
                                + "send it again in a moment.")));
            } else {
                problem(ctx, 503, "Reconnecting", "Cairn has lost touch with its database and is reconnecting. "
                        + "Nothing was changed. Go back and try again in a moment: what you typed is still there.", Map.of());
            }
            return;
        }
        String reference = shortId();
        log.error("request failed reference={} method={} path={}", reference, ctx.method(), loggablePath(ctx), e);
        problem(ctx, 500, "Sorry, something went wrong",
                "Something went wrong on our side and nothing was changed. Try again in a moment. "
                        + "If it keeps happening, tell the organiser this reference: " + reference + ".",
                Map.of());
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Check your request";
            case 401 -> "Sign in";
            case 403 -> "You cannot do that";
            case 404 -> "Page not found";
            case 405 -> "Not allowed";
            case 413 -> "Too large";
            default -> status >= 500 ? "Sorry, something went wrong" : "Something went wrong";
        };
    }

    private static String messageFor(int status, String message) {
        if (status == 404) {
            return "If you typed the web address, check it is correct. If you followed a link, it may be out of date.";
        }
        if (status == 413) return "The file or form was too large. Files can be up to 12 MB.";
        return message == null || message.isBlank() ? titleFor(status) : message;
    }

    private static void logRequest(Context ctx, Float ms) {
        int status = ctx.statusCode();
        if (status >= 500 || ms > 2000) {
            log.warn("http method={} path={} status={} ms={}", ctx.method(), loggablePath(ctx), status, Math.round(ms));
        } else if (log.isDebugEnabled()) {
            log.debug("http method={} path={} status={} ms={}", ctx.method(), loggablePath(ctx), status, Math.round(ms));
        }
        MDC.remove("request");
    }

    /**
     * The route's pattern ("/reset/{token}") rather than the path itself, so secrets carried in
     * links (reset, invitation, join) never reach the logs.
     */
    static String loggablePath(Context ctx) {
        try {
            var endpoint = ctx.endpoint();
            if (endpoint != null && endpoint.path != null && !endpoint.path.isEmpty()) return endpoint.path;
        } catch (RuntimeException e) {
            // No endpoint matched (a 404): fall through.
        }
        return "(unmatched)";
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The model of the error page. */
    public record ErrorView(int status, String title, String message) {}

    /** The model of the "send it again" page shown after a stale CSRF token. */
    public record ResendView(String action, String message, List<Field> fields) {
        public record Field(String name, String value) {
            public boolean secret() {
                return name.toLowerCase(java.util.Locale.ROOT).contains("password");
            }
        }
    }
}
