package app.cairn.web;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code GET /health}: 200 when this node can serve, 503 (for load balancers) when its database is down. */
public final class HealthRoutes implements Routes {
    private final Supplier<Optional<String>> databaseProblem;
    private final String vendor;
    private final String version;

    public HealthRoutes(Supplier<Optional<String>> databaseProblem, String vendor, String version) {
        this.databaseProblem = databaseProblem;
        this.vendor = vendor;
        this.version = version;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            Optional<String> problem = databaseProblem.get();
            Map<String, Object> database = new LinkedHashMap<>();
            database.put("status", problem.isEmpty() ? "up" : "down");
            database.put("vendor", vendor);
            problem.ifPresent(p -> database.put("problem", p));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", problem.isEmpty() ? "ok" : "unavailable");
            body.put("version", version);
            body.put("database", database);
            ctx.header("Cache-Control", "no-store");
            ctx.status(problem.isEmpty() ? 200 : 503).json(body);
        });
    }
}
