package app.cairn.web;

import io.javalin.config.RoutesConfig;

/** A feature's HTTP wiring: each feature package registers its pages and API endpoints here. */
public interface Routes {
    void register(RoutesConfig routes);
}
