package app.cairn.themes;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.live.LivePlan;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Page;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import app.cairn.web.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facilitator's themes workspace (a page per stream, whose suggestions refresh themselves)
 * and the same reads and curation actions as a JSON API.
 */
public final class ThemeRoutes implements Routes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ThemeService themes;
    private final Templates templates;

    public ThemeRoutes(ThemeService themes, Templates templates) {
        this.themes = themes;
        this.templates = templates;
    }

    /** The streams page's model. */
    public record StreamsPage(LivePlan plan, List<ThemeService.StreamSummary> streams) {}

    /** A stream's workspace page (and its suggestions fragment). */
    public record StreamPage(ThemeService.Workspace w, Form form) {
        public String base() {
            return "/c/" + w.plan().communitySlug() + "/events/" + w.plan().eventId() + "/themes";
        }

        public String action(String name) {
            return base() + "/" + w.stream().id() + "/" + name;
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        String base = "/c/{slug}/events/{id}/themes";
        routes.get(base, ctx -> {
            LivePlan plan = plan(ctx, true);
            long account = Viewer.require(ctx).accountId();
            ctx.header("Cache-Control", "no-store");
            templates.page(ctx, "themes/streams.jte", "Themes: " + plan.title(),
                    new StreamsPage(plan, themes.streams(account, plan.eventId())));
        });
        routes.get(base + "/{stream}", ctx -> streamPage(ctx, new Form(), 200));
        routes.get(base + "/{stream}/suggestions", ctx -> {
            LivePlan plan = plan(ctx, true);
            var w = themes.workspace(Viewer.require(ctx).accountId(), plan.eventId(), ctx.pathParam("stream"));
            ctx.header("Cache-Control", "no-store");
            ctx.html(templates.render("themes/suggestions.jte", Page.of(ctx, w.stream().title()), new StreamPage(w, new Form())))
                    .contentType("text/html; charset=utf-8");
        });
        routes.post(base + "/{stream}/{action}", this::action);

        routes.get("/api/v1/events/{id}/themes", ctx -> {
            LivePlan plan = plan(ctx, false);
            long account = Viewer.require(ctx).accountId();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventId", plan.eventId());
            body.put("streams", themes.streams(account, plan.eventId()));
            body.put("curated", themes.curatedForEvent(plan.eventId()));
            ctx.json(body);
        });
        routes.get("/api/v1/events/{id}/themes/{stream}", ctx -> {
            LivePlan plan = plan(ctx, false);
            ctx.json(ThemeService.describe(themes.workspace(Viewer.require(ctx).accountId(), plan.eventId(),
                    ctx.pathParam("stream"))));
        });
        routes.post("/api/v1/events/{id}/themes/{stream}/{action}", this::action);
    }

    private LivePlan plan(Context ctx, boolean page) {
        long accountId = Viewer.require(ctx).accountId();
        long eventId;
        try {
            eventId = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such conversation.");
        }
        LivePlan plan = themes.access(accountId, eventId);
        if (page && !plan.communitySlug().equals(ctx.pathParam("slug"))) throw new NotFound("There is no such conversation.");
        return plan;
    }

    private void streamPage(Context ctx, Form form, int status) {
        LivePlan plan = plan(ctx, true);
        var w = themes.workspace(Viewer.require(ctx).accountId(), plan.eventId(), ctx.pathParam("stream"));
        ctx.header("Cache-Control", "no-store");
        ctx.status(status);
        templates.page(ctx, "themes/stream.jte", w.stream().title() + ": themes", new StreamPage(w, form));
    }

    private void action(Context ctx) {
        boolean api = ctx.path().startsWith("/api/");
        LivePlan plan = plan(ctx, !api);
        long account = Viewer.require(ctx).accountId();
        String stream = ctx.pathParam("stream");
        Input in = api ? Input.json(ctx) : Input.form(ctx);
        String message;
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            message = perform(account, plan.eventId(), stream, ctx.pathParam("action"), in, result);
        } catch (Invalid e) {
            if (api || WebServer.wantsJson(ctx)) throw e;
            Form form = Form.of(ctx);
            e.fields().forEach((field, text) -> form.error(fieldId(ctx.pathParam("action"), field, in.one("theme")), text));
            streamPage(ctx, form, 422);
            return;
        }
        if (api || WebServer.wantsJson(ctx)) {
            result.put("message", message);
            ctx.json(result);
        } else {
            Flash.set(ctx, message);
            String back = "/c/" + plan.communitySlug() + "/events/" + plan.eventId() + "/themes/" + stream;
            ctx.redirect(in.one("theme").isEmpty() ? back : back + "#theme-" + in.one("theme"));
        }
    }

    /** The id of the field on the page that an error is about, so the error summary's link lands on it. */
    static String fieldId(String action, String field, String theme) {
        return switch (field) {
            case "label" -> action.equals("rename") ? "label-" + theme : action.equals("split") ? "split-label-" + theme
                    : "suggestions";
            case "summary" -> "summary-" + theme;
            case "into" -> "into-" + theme;
            case "seeds" -> "seeds";
            default -> theme.isEmpty() ? "suggestions" : "theme-" + theme;
        };
    }

    private String perform(long account, long eventId, String stream, String action, Input in, Map<String, Object> result) {
        switch (action) {
            case "accept" -> {
                long id = themes.accept(account, eventId, stream, in.one("label"), in.many("items"), in.many("quotes"));
                result.put("themeId", id);
                return "Theme kept: " + in.one("label");
            }
            case "add" -> {
                int n = themes.add(account, eventId, stream, in.id("theme"), in.many("items"));
                return n == 1 ? "1 contribution added to the theme" : n + " contributions added to the theme";
            }
            case "rename" -> {
                themes.rename(account, eventId, stream, in.id("theme"), in.one("label"));
                return "Theme renamed";
            }
            case "summary" -> {
                themes.summarise(account, eventId, stream, in.id("theme"), in.one("summary"));
                return "Summary saved";
            }
            case "merge" -> {
                themes.merge(account, eventId, stream, in.id("theme"), in.id("into"));
                return "Themes merged";
            }
            case "split" -> {
                long id = themes.split(account, eventId, stream, in.id("theme"), in.many("items"), in.one("label"));
                result.put("themeId", id);
                return "New theme made: " + in.one("label");
            }
            case "delete" -> {
                themes.delete(account, eventId, stream, in.id("theme"));
                return "Theme deleted. Its contributions are suggested again.";
            }
            case "move" -> {
                String to = in.one("to");
                Long target = to.isEmpty() || to.equals("none") ? null : in.id("to");
                themes.move(account, eventId, stream, in.one("item"), target);
                return target == null ? "Contribution taken out of its theme" : "Contribution moved";
            }
            case "star" -> {
                boolean starred = !in.one("starred").equals("false");
                themes.star(account, eventId, stream, in.one("item"), starred);
                return starred ? "Quote starred" : "Star removed";
            }
            case "set-aside" -> {
                themes.setAside(account, eventId, stream, in.many("items"));
                return "Set aside. These contributions will not be suggested again.";
            }
            case "restore" -> {
                int n = themes.restoreSetAside(account, eventId, stream);
                return n == 1 ? "1 contribution is suggested again" : n + " contributions are suggested again";
            }
            case "granularity" -> {
                themes.granularity(account, eventId, stream, in.one("granularity"));
                return switch (in.one("granularity")) {
                    case "fewer" -> "Showing fewer, broader themes";
                    case "more" -> "Showing more, narrower themes";
                    default -> "Showing themes as suggested";
                };
            }
            case "seeds" -> {
                var seeds = themes.seeds(account, eventId, stream, in.one("seeds"));
                return seeds.isEmpty() ? "No themes in mind" : "Themes in mind saved: " + seeds.size();
            }
            default -> throw new NotFound("There is no such action.");
        }
    }

    /** Fields of a form post or a JSON body; lists may be repeated fields, JSON arrays or comma-separated. */
    record Input(Map<String, List<String>> values) {
        static Input form(Context ctx) {
            Map<String, List<String>> v = new LinkedHashMap<>();
            ctx.formParamMap().forEach((k, list) -> v.put(k, list));
            return new Input(v);
        }

        static Input json(Context ctx) {
            Map<String, List<String>> v = new LinkedHashMap<>();
            if (ctx.body().isBlank()) return new Input(v);
            JsonNode root;
            try {
                root = JSON.readTree(ctx.body());
            } catch (java.io.IOException e) {
                throw Invalid.field("body", "Send a JSON object");
            }
            if (root == null || !root.isObject()) throw Invalid.field("body", "Send a JSON object");
            root.fields().forEachRemaining(e -> {
                List<String> list = new ArrayList<>();
                if (e.getValue().isArray()) e.getValue().forEach(x -> list.add(x.asText()));
                else if (!e.getValue().isNull()) list.add(e.getValue().asText());
                v.put(e.getKey(), list);
            });
            return new Input(v);
        }

        String one(String key) {
            List<String> l = values.getOrDefault(key, List.of());
            return l.isEmpty() || l.get(0) == null ? "" : l.get(0).strip();
        }

        List<String> many(String key) {
            List<String> out = new ArrayList<>();
            for (String v : values.getOrDefault(key, List.of())) {
                for (String part : v.split(",")) if (!part.isBlank()) out.add(part.strip());
            }
            return out;
        }

        long id(String key) {
            try {
                return Long.parseLong(one(key));
            } catch (NumberFormatException e) {
                throw Invalid.field(key, "Choose a theme");
            }
        }
    }
}
