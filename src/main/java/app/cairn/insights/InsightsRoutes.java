package app.cairn.insights;

import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** The series insights page, its charts (each its own SVG image), its CSV export and its JSON. */
public final class InsightsRoutes implements Routes {
    /**
     * JFreeSVG writes presentation as inline style attributes. A chart is only ever loaded as an
     * image (where SVG runs no script), so its own response may allow inline styles and nothing else.
     */
    static final String CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final InsightsService insights;
    private final CommunityService communities;
    private final Templates templates;

    public InsightsRoutes(InsightsService insights, CommunityService communities, Templates templates) {
        this.insights = insights;
        this.communities = communities;
        this.templates = templates;
    }

    /** A chart on the page: where its image is, and its alternative text. */
    public record ChartView(Charts.Kind kind, String src, String alt) {}

    /** The page's model. */
    public record View(Community community, Series series, List<ChartView> charts) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/c/{slug}/insights", this::page);
        routes.get("/c/{slug}/insights.csv", this::csv);
        routes.get("/c/{slug}/insights/{file}", this::chart);
        routes.get("/api/v1/communities/{slug}/insights", this::api);
    }

    private record Loaded(Viewer viewer, Community community, Series series) {}

    private Loaded load(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community c = communities.access(viewer.accountId(), ctx.pathParam("slug"), Role.ORGANISER).community();
        return new Loaded(viewer, c, insights.series(viewer.accountId(), c.id()));
    }

    private void page(Context ctx) {
        Loaded l = load(ctx);
        // A version in each chart's address, so a browser never shows yesterday's chart beside today's table.
        String version = Integer.toHexString(l.series().hashCode());
        List<ChartView> charts = java.util.Arrays.stream(Charts.Kind.values())
                .map(k -> new ChartView(k, "/c/" + l.community().slug() + "/insights/" + k.file() + ".svg?v=" + version,
                        Charts.alt(k, l.series())))
                .toList();
        templates.page(ctx, "insights/insights.jte", "Insights – " + l.community().name(),
                new View(l.community(), l.series(), charts));
    }

    private void chart(Context ctx) {
        String file = ctx.pathParam("file");
        Charts.Kind kind = file.endsWith(".svg") ? Charts.Kind.ofFile(file.substring(0, file.length() - 4)).orElse(null) : null;
        if (kind == null) throw new NotFound("There is no such chart.");
        Loaded l = load(ctx);
        ctx.header("Content-Security-Policy", CHART_POLICY);
        ctx.header("Cache-Control", "private, max-age=60");
        ctx.contentType("image/svg+xml; charset=utf-8");
        ctx.result(Charts.svg(kind, l.series()));
    }

    private void csv(Context ctx) {
        Loaded l = load(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"insights-" + l.community().slug() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(InsightsCsv.of(l.series()));
    }

    private void api(Context ctx) {
        ctx.json(load(ctx).series());
    }
}
