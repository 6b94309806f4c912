package app.cairn.registration;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.CommunityService;
import app.cairn.registration.RegistrationRoutes.Loaded;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Option;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The organiser's pages to import registrations from a spreadsheet: upload, check the columns and preview, confirm. */
public final class ImportRoutes implements Routes {
    private final RegistrationService registrations;
    private final CommunityService communities;
    private final Templates templates;
    private final ImportService imports;

    public ImportRoutes(RegistrationService registrations, CommunityService communities, Templates templates,
            ImportService imports) {
        this.registrations = registrations;
        this.communities = communities;
        this.templates = templates;
        this.imports = imports;
    }

    /** The upload page's model. */
    public record UploadView(Loaded l, Form form) {}

    /** The mapping and preview page's model. */
    public record PreviewView(Loaded l, ImportService.Preview preview, Form form, List<Option> fields) {
        public String action() {
            return l.base() + "/registrations/import/" + preview.id();
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        String base = "/c/{slug}/events/{id}/registrations/import";
        routes.get(base, ctx -> uploadPage(ctx, load(ctx), new Form()));
        routes.post(base, this::upload);
        routes.get(base + "/{import}", this::previewPage);
        routes.post(base + "/{import}", this::confirm);
    }

    private Loaded load(Context ctx) {
        return RegistrationRoutes.load(ctx, registrations, communities);
    }

    private void uploadPage(Context ctx, Loaded l, Form form) {
        templates.page(ctx, "registration/import.jte", "Import registrations", new UploadView(l, form));
    }

    private void upload(Context ctx) {
        Loaded l = load(ctx);
        Form form = new Form();
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        byte[] content = null;
        String filename = null;
        if (file != null) {
            filename = file.filename();
            try (InputStream in = file.content()) {
                content = in.readNBytes(SheetReader.MAX_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the uploaded file", e);
            }
        }
        try {
            long id = imports.upload(l.viewer().accountId(), l.eventId(), filename, content);
            ctx.redirect(l.base() + "/registrations/import/" + id);
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            uploadPage(ctx, l, form);
        }
    }

    private long importId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("import"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such import.");
        }
    }

    private void previewPage(Context ctx) {
        Loaded l = load(ctx);
        var preview = imports.preview(l.viewer().accountId(), l.eventId(), importId(ctx), null);
        show(ctx, l, preview, Form.filled(mappingFields(preview.mapping())));
    }

    private void show(Context ctx, Loaded l, ImportService.Preview preview, Form form) {
        templates.page(ctx, "registration/importPreview.jte", "Check the import",
                new PreviewView(l, preview, form, ImportService.fieldOptions(preview.questions())));
    }

    private static java.util.Map<String, String> mappingFields(List<String> mapping) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < mapping.size(); i++) values.put("column-" + i, mapping.get(i));
        return values;
    }

    private void confirm(Context ctx) {
        Loaded l = load(ctx);
        long id = importId(ctx);
        Form form = Form.of(ctx);
        List<String> mapping = new ArrayList<>();
        for (int i = 0; form.values("column-" + i).size() > 0 || !form.value("column-" + i).isEmpty(); i++) {
            mapping.add(form.value("column-" + i));
        }
        try {
            if (!"import".equals(form.value("action"))) {
                show(ctx, l, imports.preview(l.viewer().accountId(), l.eventId(), id, mapping), form);
                return;
            }
            var result = imports.commit(l.viewer().accountId(), l.eventId(), id, mapping, form.checked("sendEmails"));
            Flash.set(ctx, "Imported: " + result.added() + " added, " + result.updated() + " updated"
                    + (result.merged() > 0 ? ", " + result.merged() + " duplicate rows merged" : "")
                    + (result.skipped() > 0 ? ", " + result.skipped() + " cancelled rows skipped" : "")
                    + (result.bad().isEmpty() ? "." : ". " + result.bad().size() + " rows could not be imported."));
            ctx.redirect(l.base() + "/registrations");
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            var fallback = imports.preview(l.viewer().accountId(), l.eventId(), id, null);
            show(ctx, l, new ImportService.Preview(fallback.id(), fallback.filename(), fallback.sheet(), mapping,
                    fallback.questions(), fallback.plan()), form);
        }
    }
}
