package app.cairn.web;

import io.javalin.config.RoutesConfig;

/** The start page: organisers go to their communities, everyone else sees what Cairn is. */
public final class HomeRoutes implements Routes {
    private final Templates templates;

    public HomeRoutes(Templates templates) {
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> {
            if (Viewer.of(ctx).isPresent()) {
                ctx.redirect("/communities");
            } else {
                templates.page(ctx, "web/home.jte", "Cairn", null);
            }
        });
        routes.get("/favicon.ico", ctx -> ctx.redirect("/assets/cairn-mark.svg"));
    }
}
