package app.cairn.transfer;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.web.Routes;
import app.cairn.web.Viewer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API to bring files from other tools into an event (documented in docs/api.md, "Bringing in"). */
public final class TransferApi implements Routes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TransferService transfer;

    public TransferApi(TransferService transfer) {
        this.transfer = transfer;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/events/{id}/bring-in/preview", this::preview);
        routes.post("/api/v1/events/{id}/bring-in", this::importFiles);
    }

    private void preview(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        ImportPlan plan = transfer.preview(viewer.accountId(), id(ctx), files(ctx), choices(ctx));
        ctx.json(out(plan));
    }

    private void importFiles(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        var result = transfer.importFiles(viewer.accountId(), id(ctx), files(ctx), choices(ctx));
        ctx.status(201);
        ctx.json(result);
    }

    private static List<TransferService.Upload> files(Context ctx) {
        List<TransferService.Upload> files = TransferRoutes.files(ctx);
        if (files.isEmpty()) throw Invalid.field("files", "Send the files as multipart form data, each in a part named files");
        return files;
    }

    private static Map<String, String> choices(Context ctx) {
        String raw = ctx.formParam("choices");
        if (raw == null || raw.isBlank()) return Map.of();
        try {
            return JSON.readValue(raw, new TypeReference<Map<String, String>>() {});
        } catch (Exception e) {
            throw Invalid.field("choices", "choices must be a JSON object of sender key to \"reg:ID\", \"host\" or \"anonymous\"");
        }
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such conversation.");
        }
    }

    static Map<String, Object> out(ImportPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("canImport", !p.blocked());
        m.put("files", p.files().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("filename", f.filename());
            x.put("format", f.format() == null ? null : f.format().name().toLowerCase(java.util.Locale.ROOT));
            x.put("problem", f.problem());
            x.put("alreadyBroughtIn", f.alreadyOn());
            return x;
        }).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : List.of("message", "room note", "prompt", "reflection", "poll", "vote", "question", "upvote",
                "answered", "segment")) {
            counts.put(k.replace(' ', '_'), p.count(k));
        }
        m.put("adding", counts);
        m.put("people", p.people().stream().map(x -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", x.name());
            o.put("registrationId", x.registrationId());
            o.put("joined", x.joined());
            return o;
        }).toList());
        m.put("reactions", p.reactions());
        m.put("senders", p.senders().stream().filter(s -> !s.key().startsWith("voter:")).map(s -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("key", s.key());
            o.put("name", s.name());
            o.put("choice", s.choice());
            o.put("matchedTo", s.matchedTo());
            o.put("items", s.items());
            return o;
        }).toList());
        m.put("items", p.items().stream().filter(i -> !i.kind().equals("vote") && !i.kind().equals("upvote")).map(i -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("at", i.at().toString());
            o.put("segment", i.segment());
            o.put("kind", i.kind());
            o.put("text", i.text());
            o.put("file", i.file());
            o.put("where", i.where());
            return o;
        }).toList());
        Map<String, Object> fb = new LinkedHashMap<>();
        fb.put("responses", p.feedback().responses().size());
        fb.put("matched", p.feedback().matched());
        fb.put("questionsToAdd", p.feedback().questions().stream().map(q -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("label", q.label());
            o.put("kind", q.kind().code());
            o.put("choices", q.choices());
            o.put("file", q.file());
            return o;
        }).toList());
        fb.put("questionsReused", p.feedback().reused());
        fb.put("rows", p.feedback().responses().stream().map(r -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", r.file());
            o.put("where", r.where());
            o.put("registrationId", r.registrationId());
            o.put("matchedTo", r.matchedTo());
            o.put("recommend", r.recommend() == null ? null : r.recommend() ? "yes" : "no");
            o.put("score", r.score());
            return o;
        }).toList());
        m.put("feedback", fb);
        m.put("skipped", p.skipped());
        return m;
    }
}
