package app.cairn.web;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 when this node can serve, 503 (for load balancers) when its database is
 * down. A node whose wake-ups are reconnecting still serves (it reads other nodes' contributions
 * from the log every two seconds meanwhile), so it says "degraded" with 200.
 */
public final class HealthRoutes implements Routes {
    private final Supplier<Optional<String>> databaseProblem;
    private final String vendor;
    private final String version;
    private final String transport;
    private final Supplier<Optional<String>> wakeupsProblem;

    public HealthRoutes(Supplier<Optional<String>> databaseProblem, String vendor, String version, String transport,
            Supplier<Optional<String>> wakeupsProblem) {
        this.databaseProblem = databaseProblem;
        this.vendor = vendor;
        this.version = version;
        this.transport = transport;
        this.wakeupsProblem = wakeupsProblem;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            Optional<String> problem = databaseProblem.get();
            Map<String, Object> database = new LinkedHashMap<>();
            database.put("status", problem.isEmpty() ? "up" : "down");
            database.put("vendor", vendor);
            problem.ifPresent(p -> database.put("problem", p));
            Optional<String> wakeProblem = wakeupsProblem.get();
            Map<String, Object> wakeups = new LinkedHashMap<>();
            wakeups.put("transport", transport);
            wakeups.put("status", wakeProblem.isEmpty() ? "up" : "reconnecting");
            wakeProblem.ifPresent(p -> wakeups.put("problem", p));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", problem.isPresent() ? "unavailable" : wakeProblem.isPresent() ? "degraded" : "ok");
            body.put("version", version);
            body.put("database", database);
            body.put("wakeups", wakeups);
            ctx.header("Cache-Control", "no-store");
            ctx.status(problem.isEmpty() ? 200 : 503).json(body);
        });
    }
}
