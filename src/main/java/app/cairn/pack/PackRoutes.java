package app.cairn.pack;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pack editor, the shared web pack, downloads in every format, and the pack API. */
public final class PackRoutes implements Routes {
    /** Charts are only ever loaded as images (no script runs in them), so they may carry inline styles. */
    static final String CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
    static final String READER_COOKIE = "cairn_pack_reader";
    /** How many chat messages the hand-grouping lists; more is the themes workspace's job. */
    public static final int LISTED = 1_000;

    private final PackService packs;
    private final PackRender render;
    private final Templates templates;
    private final boolean secureCookies;

    public PackRoutes(PackService packs, PackRender render, Templates templates, boolean secureCookies) {
        this.packs = packs;
        this.render = render;
        this.templates = templates;
        this.secureCookies = secureCookies;
    }

    /** The editor's model. */
    public record EditorView(PackService.Managed m, Pack pack, String base, String shareLink,
            Map<String, PackInputs.SectionEdit> edits, List<PackService.Contribution> contributions,
            List<PackService.ThemeView> themes, Form form, int leftOut) {
        public String chartSrc(Pack.Chart c) {
            return base + "/pack/charts/" + c.key() + ".svg";
        }

        /**
         * The contributions a theme's form lists: the first {@link #LISTED}, and every one already
         * ticked into it (saving a theme replaces its contributions, so none may go unlisted).
         */
        public List<PackService.Contribution> listFor(List<Long> ticked) {
            if (contributions.size() <= LISTED) return contributions;
            java.util.Set<Long> want = new java.util.HashSet<>(ticked);
            List<PackService.Contribution> out = new ArrayList<>();
            for (int i = 0; i < contributions.size(); i++) {
                var c = contributions.get(i);
                if (i < LISTED || want.contains(c.seq())) out.add(c);
            }
            return out;
        }

        public boolean truncated() {
            return contributions.size() > LISTED;
        }

        /** A section's heading in the pack, or its key when it is left out. */
        public String heading(String key) {
            return pack.section(key).map(Pack.Section::heading).orElse(HEADINGS.getOrDefault(key, key));
        }
    }

    static final Map<String, String> HEADINGS = Map.ofEntries(Map.entry("cover", "Cover"),
            Map.entry("purpose", "What we set out to do"), Map.entry("joined", "Who joined us"),
            Map.entry("questions", "The questions people brought"), Map.entry("polls", "What the polls said"),
            Map.entry("perspective", "Opening perspective"), Map.entry("themes", "Themes from the conversation"),
            Map.entry("breakouts", "Breakout discussions"), Map.entry("reflections", "Closing reflections"),
            Map.entry("diy", "Host this conversation in your own team"), Map.entry("evaluation", "What our participants thought"),
            Map.entry("contact", "Contact us"));

    /** The shared web pack's model. */
    public record SharedView(Pack pack, String token) {
        public String chartSrc(Pack.Chart c) {
            return "/p/" + token + "/charts/" + c.key() + ".svg";
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        String e = "/c/{slug}/events/{id}/pack";
        routes.get(e, ctx -> editor(ctx, new Form()));
        routes.post(e + "/sections/{key}", ctx -> {
            Loaded l = load(ctx);
            packs.editSection(l.accountId, l.eventId, ctx.pathParam("key"), ctx.formParam("text"), "yes".equals(ctx.formParam("hidden")));
            back(ctx, l, "Section saved");
        });
        routes.post(e + "/settings", ctx -> {
            Loaded l = load(ctx);
            packs.updateSettings(l.accountId, l.eventId, ctx.formParam("visibility"), "yes".equals(ctx.formParam("attribute")),
                    "yes".equals(ctx.formParam("hosts")));
            back(ctx, l, "Settings saved");
        });
        routes.post(e + "/publish", ctx -> {
            Loaded l = load(ctx);
            Form form = Form.of(ctx);
            try {
                var p = packs.publish(l.accountId, l.eventId, form.checked("email"));
                back(ctx, l, p.emailed() == 0 ? "Published" : "Published and emailed to " + p.emailed()
                        + (p.emailed() == 1 ? " person" : " people"));
            } catch (Invalid ex) {
                ex.fields().forEach(form::error);
                ctx.status(422);
                editor(ctx, form);
            }
        });
        routes.post(e + "/leave-out", ctx -> {
            Loaded l = load(ctx);
            packs.leaveOut(l.accountId, l.eventId, ctx.formParam("ref"));
            back(ctx, l, "The quote is left out");
        });
        routes.post(e + "/put-back", ctx -> {
            Loaded l = load(ctx);
            packs.putBackAll(l.accountId, l.eventId);
            back(ctx, l, "Every quote is back in");
        });
        routes.post(e + "/themes", ctx -> {
            Loaded l = load(ctx);
            Form form = Form.of(ctx);
            try {
                packs.addTheme(l.accountId, l.eventId, form.value("label"), form.value("summary"), seqs(form));
            } catch (Invalid ex) {
                ex.fields().forEach(form::error);
                ctx.status(422);
                editor(ctx, form);
                return;
            }
            back(ctx, l, "Theme added");
        });
        routes.post(e + "/themes/{tid}", ctx -> {
            Loaded l = load(ctx);
            Form form = Form.of(ctx);
            packs.updateTheme(l.accountId, l.eventId, parse(ctx.pathParam("tid")), form.value("label"), form.value("summary"), seqs(form));
            back(ctx, l, "Theme saved");
        });
        routes.post(e + "/themes/{tid}/delete", ctx -> {
            Loaded l = load(ctx);
            packs.deleteTheme(l.accountId, l.eventId, parse(ctx.pathParam("tid")));
            back(ctx, l, "Theme removed");
        });
        routes.get(e + "/charts/{file}", ctx -> {
            Loaded l = load(ctx);
            chart(ctx, packs.draft(l.accountId, l.eventId), ctx.pathParam("file"));
        });
        routes.get(e + "/download/{format}", ctx -> {
            Loaded l = load(ctx);
            download(ctx, packs.draft(l.accountId, l.eventId), ctx.pathParam("format"));
        });

        routes.get("/p/{token}", ctx -> {
            var s = shared(ctx);
            templates.page(ctx, "pack/shared.jte", s.pack().title(), new SharedView(s.pack(), ctx.pathParam("token")));
        });
        routes.get("/p/{token}/r/{reader}", ctx -> {
            // A personal reader link: remember it for this pack's pages, then show the pack without the secret in the address.
            String token = ctx.pathParam("token");
            var s = packs.shared(token).orElseThrow(() -> new NotFound("There is no published pack at this link."));
            if (!packs.isReader(s.pack().eventId(), ctx.pathParam("reader"))) {
                throw new NotFound("This link to the pack is not known. Check you copied all of it.");
            }
            var cookie = new io.javalin.http.Cookie(READER_COOKIE, ctx.pathParam("reader"), "/p/" + token, 60 * 60 * 24 * 365,
                    secureCookies, true, null, io.javalin.http.SameSite.LAX);
            ctx.cookie(cookie);
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.redirect("/p/" + token, HttpStatus.SEE_OTHER);
        });
        routes.get("/p/{token}/charts/{file}", ctx -> chart(ctx, shared(ctx).pack(), ctx.pathParam("file")));
        routes.get("/p/{token}/download/{format}", ctx -> download(ctx, shared(ctx).pack(), ctx.pathParam("format")));

        String api = "/api/v1/events/{id}/pack";
        routes.get(api, ctx -> {
            Viewer v = Viewer.require(ctx);
            long id = parse(ctx.pathParam("id"));
            var m = packs.manage(v.accountId(), id);
            ctx.json(Map.of("pack", packs.draft(v.accountId(), id), "settings", m.settings(),
                    "published", m.settings().published()));
        });
        routes.put(api + "/sections/{key}", ctx -> {
            Viewer v = Viewer.require(ctx);
            long id = parse(ctx.pathParam("id"));
            SectionInput in = ctx.bodyAsClass(SectionInput.class);
            packs.editSection(v.accountId(), id, ctx.pathParam("key"), in.text(), Boolean.TRUE.equals(in.hidden()));
            ctx.json(packs.draft(v.accountId(), id).section(ctx.pathParam("key")).map(Object.class::cast)
                    .orElse(Map.of("key", ctx.pathParam("key"), "hidden", true)));
        });
        routes.post(api + "/left-out", ctx -> {
            Viewer v = Viewer.require(ctx);
            LeaveOutInput in = ctx.bodyAsClass(LeaveOutInput.class);
            packs.leaveOut(v.accountId(), parse(ctx.pathParam("id")), in.ref());
            ctx.status(204);
        });
        routes.delete(api + "/left-out", ctx -> {
            Viewer v = Viewer.require(ctx);
            packs.putBackAll(v.accountId(), parse(ctx.pathParam("id")));
            ctx.status(204);
        });
        routes.post(api + "/publish", ctx -> {
            Viewer v = Viewer.require(ctx);
            PublishInput in = ctx.body().isBlank() ? new PublishInput(false) : ctx.bodyAsClass(PublishInput.class);
            ctx.json(packs.publish(v.accountId(), parse(ctx.pathParam("id")), Boolean.TRUE.equals(in.email())));
        });
        routes.get(api + "/download/{format}", ctx -> {
            Viewer v = Viewer.require(ctx);
            download(ctx, packs.draft(v.accountId(), parse(ctx.pathParam("id"))), ctx.pathParam("format"));
        });
    }

    /** A section's new text (blank goes back to Cairn's) and whether to leave it out. */
    public record SectionInput(String text, Boolean hidden) {}

    public record PublishInput(Boolean email) {}

    /** A quote to leave out, by the {@code ref} the pack's JSON gives it. */
    public record LeaveOutInput(String ref) {}

    private record Loaded(long accountId, long eventId, String slug) {}

    private Loaded load(Context ctx) {
        Viewer v = Viewer.require(ctx);
        long id = parse(ctx.pathParam("id"));
        var m = packs.manage(v.accountId(), id);
        if (!m.community().slug().equals(ctx.pathParam("slug"))) throw new NotFound("There is no such conversation.");
        return new Loaded(v.accountId(), id, m.community().slug());
    }

    private static void back(Context ctx, Loaded l, String notice) {
        Flash.set(ctx, notice);
        ctx.redirect("/c/" + l.slug() + "/events/" + l.eventId() + "/pack", HttpStatus.SEE_OTHER);
    }

    private void editor(Context ctx, Form form) {
        Loaded l = load(ctx);
        var m = packs.manage(l.accountId, l.eventId);
        String base = "/c/" + l.slug() + "/events/" + l.eventId();
        var inputs = packs.inputs(l.accountId, l.eventId);
        templates.page(ctx, "pack/editor.jte", "Pack – " + m.plan().event().title(), new EditorView(m,
                PackBuilder.build(inputs), base, "/p/" + m.settings().shareToken(), inputs.edits(),
                packs.contributions(l.accountId, l.eventId), packs.handThemes(l.accountId, l.eventId), form,
                inputs.leftOut().size()));
    }

    /** The published pack behind a share link, if the reader may see it. */
    private PackService.Shared shared(Context ctx) {
        var s = packs.shared(ctx.pathParam("token")).orElseThrow(() -> new NotFound("There is no published pack at this link."));
        switch (s.settings().visibility()) {
            case PUBLIC -> { }
            case PARTICIPANTS -> {
                long eventId = s.pack().eventId();
                boolean team = Viewer.of(ctx).map(v -> packs.onTeam(v.accountId(), s.community().id())).orElse(false);
                boolean reader = packs.isReader(eventId, ctx.cookie(READER_COOKIE))
                        || packs.tookPart(eventId, code -> ctx.cookie(app.cairn.live.StreamHandler.cookieName(code)));
                if (!team && !reader) {
                    throw new app.cairn.common.Forbidden("This pack is for the people who took part. Open it from the link "
                            + "in the email you were sent, or on the device you joined the conversation with.");
                }
                ctx.header("X-Robots-Tag", "noindex");
            }
            case ORGANISERS -> {
                Viewer v = Viewer.require(ctx);
                if (!packs.onTeam(v.accountId(), s.community().id())) throw new NotFound("There is no published pack at this link.");
                ctx.header("X-Robots-Tag", "noindex");
            }
            default -> throw new IllegalStateException("unknown visibility " + s.settings().visibility());
        }
        ctx.header("Referrer-Policy", "no-referrer");
        return s;
    }

    private static void chart(Context ctx, Pack pack, String file) {
        if (!file.endsWith(".svg")) throw new NotFound("There is no such chart.");
        String key = file.substring(0, file.length() - 4);
        Pack.Chart chart = pack.sections().stream().flatMap(s -> s.charts().stream()).filter(c -> c.key().equals(key))
                .findFirst().orElseThrow(() -> new NotFound("There is no such chart."));
        ctx.header("Content-Security-Policy", CHART_POLICY);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.contentType("image/svg+xml; charset=utf-8");
        ctx.result(PackCharts.svg(chart, PackRender.colour(pack)));
    }

    private void download(Context ctx, Pack pack, String format) {
        String name = "pack-" + pack.eventId();
        ctx.header("Cache-Control", "private, no-store");
        switch (format) {
            case "pdf" -> send(ctx, render.pdf(pack), "application/pdf", name + ".pdf");
            case "html" -> send(ctx, render.html(pack).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html; charset=utf-8", name + ".html");
            case "docx" -> send(ctx, PackDocx.write(pack),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
            case "csv", "zip" -> send(ctx, PackData.zip(pack), "application/zip", name + "-data.zip");
            default -> throw new NotFound("Packs come as pdf, html, docx or csv (a zip of CSV and XLSX files).");
        }
    }

    private static void send(Context ctx, byte[] bytes, String type, String filename) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        // A downloaded HTML pack is opened from disk; served here, it must not run as a page on this site.
        if (type.startsWith("text/html")) ctx.header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox");
        ctx.contentType(type);
        ctx.result(bytes);
    }

    private static List<Long> seqs(Form form) {
        List<Long> out = new ArrayList<>();
        for (String s : form.values("seq")) {
            try {
                out.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw Invalid.field("seq", "Tick contributions from the list");
            }
        }
        return out;
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such conversation.");
        }
    }
}
