package app.cairn.transfer;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.event.EventPlan;
import app.cairn.registration.ImportService;
import app.cairn.registration.Registration;
import app.cairn.registration.RegistrationService;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Option;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The organiser's pages to bring in an event from other tools: upload files, check the preview, match senders, confirm. */
public final class TransferRoutes implements Routes {
    private final TransferService transfer;
    private final RegistrationService registrations;
    private final ImportService sheets;
    private final CommunityService communities;
    private final Templates templates;

    public TransferRoutes(TransferService transfer, RegistrationService registrations, ImportService sheets,
            CommunityService communities, Templates templates) {
        this.transfer = transfer;
        this.registrations = registrations;
        this.sheets = sheets;
        this.communities = communities;
        this.templates = templates;
    }

    /** The event being brought in to, for the pages. */
    public record Loaded(Viewer viewer, Community community, EventPlan plan) {
        public String base() {
            return "/c/" + community.slug() + "/events/" + plan.event().id();
        }
    }

    public record UploadView(Loaded l, Form form) {}

    public record PreviewView(Loaded l, String batch, ImportPlan plan, List<Option> people, Form form) {
        public String action() {
            return l.base() + "/bring-in/" + batch;
        }

        public String field(ImportPlan.Sender s) {
            return "sender-" + Integer.toHexString(s.key().hashCode());
        }

        public String time(ImportPlan.Item i) {
            return i.at().atZone(l.plan().event().zone()).toLocalTime().toString();
        }

        public String shortText(String t) {
            return t.length() > 160 ? t.substring(0, 160) + "…" : t;
        }

        /** The feedback responses worth showing one by one (the first 300). */
        public List<ImportPlan.Response> responses() {
            return plan.feedback().responses().stream().limit(300).toList();
        }

        public String recommend(ImportPlan.Response r) {
            return r.recommend() == null ? "Blank" : r.recommend() ? "Yes" : "No";
        }

        /** Who a response is from, as the preview says it. */
        public String from(ImportPlan.Response r) {
            if (r.matchedTo() != null) return r.matchedTo();
            return r.name() != null ? r.name() + " (not registered)" : "Anonymous";
        }

        /** What kind of question a column becomes, in words. */
        public String kind(ImportPlan.NewQuestion q) {
            return q.kind().label() + (q.choices().isEmpty() ? "" : ": " + String.join(", ", q.choices()));
        }

        /** The items worth showing one by one: not every vote and upvote. */
        public List<ImportPlan.Item> shown() {
            return plan.items().stream().filter(i -> !i.kind().equals("vote") && !i.kind().equals("upvote")
                    && !i.kind().equals("segment") && !i.kind().equals("poll closed") && !i.kind().equals("rooms closed")).limit(300).toList();
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        String base = "/c/{slug}/events/{id}/bring-in";
        routes.get(base, ctx -> uploadPage(ctx, load(ctx), new Form()));
        routes.post(base, this::upload);
        routes.get(base + "/{batch}", this::previewPage);
        routes.post(base + "/{batch}", this::confirm);
    }

    private Loaded load(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community community = communities.get(ctx.pathParam("slug"));
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such conversation.");
        }
        var m = registrations.manage(viewer.accountId(), id);
        if (m.community().id() != community.id()) throw new NotFound("There is no such conversation.");
        return new Loaded(viewer, community, m.plan());
    }

    private void uploadPage(Context ctx, Loaded l, Form form) {
        templates.page(ctx, "transfer/upload.jte", "Bring in from other tools", new UploadView(l, form));
    }

    static List<TransferService.Upload> files(Context ctx) {
        List<TransferService.Upload> out = new ArrayList<>();
        if (!ctx.isMultipartFormData()) return out;
        for (UploadedFile f : ctx.uploadedFiles("files")) {
            try (InputStream in = f.content()) {
                out.add(new TransferService.Upload(f.filename(), in.readNBytes(TextFile.MAX_BYTES + 1)));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read an uploaded file", e);
            }
        }
        return out;
    }

    private void upload(Context ctx) {
        Loaded l = load(ctx);
        List<TransferService.Upload> files = files(ctx);
        try {
            // A sheet of people alone goes to the registration import, which checks its columns.
            if (files.size() == 1 && TransferService.load(files.get(0)).parsed() instanceof Parsed.People) {
                long id = sheets.upload(l.viewer().accountId(), l.plan().event().id(), files.get(0).filename(),
                        files.get(0).content());
                ctx.redirect(l.base() + "/registrations/import/" + id);
                return;
            }
            String batch = transfer.hold(l.viewer().accountId(), l.plan().event().id(), files);
            ctx.redirect(l.base() + "/bring-in/" + batch);
        } catch (Invalid e) {
            Form form = new Form();
            e.fields().forEach((k, v) -> form.error("files", v));
            ctx.status(422);
            uploadPage(ctx, l, form);
        }
    }

    private void previewPage(Context ctx) {
        Loaded l = load(ctx);
        String batch = ctx.pathParam("batch");
        var files = transfer.held(l.viewer().accountId(), l.plan().event().id(), batch);
        ImportPlan plan = transfer.preview(l.viewer().accountId(), l.plan().event().id(), files, Map.of());
        show(ctx, l, batch, plan, new Form());
    }

    private void show(Context ctx, Loaded l, String batch, ImportPlan plan, Form form) {
        List<Option> people = new ArrayList<>();
        people.add(new Option("anonymous", "Leave anonymous"));
        people.add(new Option("host", "A host or facilitator (their words are the organiser's)"));
        for (Registration r : registrations.registrations(l.viewer().accountId(), l.plan().event().id())) {
            if (r.status() == Registration.Status.CANCELLED) continue;
            people.add(new Option("reg:" + r.id(), r.name() + " (" + r.email() + ")"));
        }
        PreviewView view = new PreviewView(l, batch, plan, people, form);
        for (ImportPlan.Sender s : plan.senders()) {
            if (form.value(view.field(s)).isEmpty()) form.set(view.field(s), s.choice());
        }
        templates.page(ctx, "transfer/preview.jte", "Check what will be brought in", view);
    }

    private void confirm(Context ctx) {
        Loaded l = load(ctx);
        long eventId = l.plan().event().id();
        String batch = ctx.pathParam("batch");
        Form form = Form.of(ctx);
        var files = transfer.held(l.viewer().accountId(), eventId, batch);
        ImportPlan first = transfer.preview(l.viewer().accountId(), eventId, files, Map.of());
        Map<String, String> choices = new HashMap<>();
        PreviewView probe = new PreviewView(l, batch, first, List.of(), form);
        for (ImportPlan.Sender s : first.senders()) {
            String v = form.value(probe.field(s));
            if (!v.isEmpty()) choices.put(s.key(), v);
        }
        if (!"import".equals(form.value("action"))) {
            show(ctx, l, batch, transfer.preview(l.viewer().accountId(), eventId, files, choices), form);
            return;
        }
        try {
            var result = transfer.importFiles(l.viewer().accountId(), eventId, files, choices);
            transfer.forget(batch);
            Flash.set(ctx, "Brought in " + result.added() + " items, " + result.participants() + " people and "
                    + result.feedbackResponses() + " feedback responses"
                    + (result.skipped() > 0 ? "; " + result.skipped() + " skipped, as the preview said." : "."));
            ctx.redirect(l.base());
        } catch (Invalid e) {
            e.fields().forEach((k, v) -> form.error("files", v));
            ctx.status(422);
            show(ctx, l, batch, transfer.preview(l.viewer().accountId(), eventId, files, choices), form);
        }
    }
}
