package app.cairn.web;

import io.javalin.http.Context;
import java.util.Optional;

/** What every page's layout needs: its title, who is signed in, the CSRF token, a one-time notice. */
public record Page(String title, Optional<Viewer> viewer, String csrfToken, Optional<String> notice, String path) {

    public static Page of(Context ctx, String title) {
        return new Page(title, Viewer.of(ctx), Csrf.token(ctx), Flash.take(ctx), ctx.path());
    }

    public boolean signedIn() {
        return viewer.isPresent();
    }

    public boolean admin() {
        return viewer.map(Viewer::admin).orElse(false);
    }

    /** True when the current page is at or under {@code prefix}, for marking the navigation. */
    public boolean under(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
