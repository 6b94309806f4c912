package app.cairn.web;

import io.javalin.http.Context;
import java.util.Optional;

/** The signed-in organiser making a request, as the web layer needs to know them. */
public record Viewer(long accountId, String name, String email, boolean admin, boolean viaApiToken) {

    private static final String KEY = "cairn.viewer";

    public static Optional<Viewer> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(KEY));
    }

    public static void set(Context ctx, Viewer viewer) {
        ctx.attribute(KEY, viewer);
    }

    /** The viewer, or a sign-in redirect (pages) or 401 (API) when nobody is signed in. */
    public static Viewer require(Context ctx) {
        return of(ctx).orElseThrow(() -> new SignInRequired());
    }

    /** Thrown when a page or endpoint needs a signed-in organiser and there is none. */
    public static final class SignInRequired extends RuntimeException {
        SignInRequired() {
            super("Sign in to continue.", null, false, false);
        }
    }
}
