package app.cairn.transfer;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.registration.RegistrationService;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Downloading an event as an archive, and bringing an archive in as a new event: pages and JSON API. */
public final class ArchiveRoutes implements Routes {
    private final ArchiveService archives;
    private final RegistrationService registrations;
    private final CommunityService communities;
    private final Templates templates;

    public ArchiveRoutes(ArchiveService archives, RegistrationService registrations, CommunityService communities,
            Templates templates) {
        this.archives = archives;
        this.registrations = registrations;
        this.communities = communities;
        this.templates = templates;
    }

    public record UploadView(Community community, Form form) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/c/{slug}/events/{id}/archive", ctx -> download(ctx, true));
        routes.get("/api/v1/events/{id}/archive", ctx -> download(ctx, false));
        routes.get("/c/{slug}/archives/new", ctx -> uploadPage(ctx, community(ctx), new Form()));
        routes.post("/c/{slug}/archives", this::upload);
        routes.post("/api/v1/communities/{slug}/archives", this::uploadApi);
    }

    private void download(Context ctx, boolean page) {
        Viewer viewer = Viewer.require(ctx);
        long id = id(ctx);
        var m = registrations.manage(viewer.accountId(), id);
        if (page && !m.community().slug().equals(ctx.pathParam("slug"))) throw new NotFound("There is no such conversation.");
        byte[] zip = archives.export(viewer.accountId(), id);
        ctx.header("Content-Disposition", "attachment; filename=\"" + ArchiveService.filename(m.plan()) + "\"");
        ctx.contentType("application/zip");
        ctx.result(zip);
    }

    private Community community(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        return communities.access(viewer.accountId(), ctx.pathParam("slug"), Role.ORGANISER).community();
    }

    private void uploadPage(Context ctx, Community community, Form form) {
        templates.page(ctx, "transfer/archive.jte", "Bring in an event archive", new UploadView(community, form));
    }

    private static byte[] file(Context ctx) {
        var f = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (f == null) throw Invalid.field("file", "Choose a Cairn event archive (.zip) to bring in");
        try (InputStream in = f.content()) {
            byte[] b = in.readNBytes(ArchiveService.MAX_ARCHIVE + 1);
            if (b.length == 0) throw Invalid.field("file", "The file is empty");
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded archive", e);
        }
    }

    private ArchiveService.Imported bringIn(Context ctx, Community community) {
        Viewer viewer = Viewer.require(ctx);
        try {
            return archives.importArchive(viewer.accountId(), community.id(), file(ctx));
        } catch (TransferProblem p) {
            throw Invalid.field("file", p.getMessage() + " Nothing was brought in.");
        }
    }

    private void upload(Context ctx) {
        Community community = community(ctx);
        try {
            var done = bringIn(ctx, community);
            Flash.set(ctx, "Brought in: " + done.segments() + " segments, " + done.registrations() + " registrations, "
                    + done.entries() + " live log entries.");
            ctx.redirect("/c/" + community.slug() + "/events/" + done.eventId());
        } catch (Invalid e) {
            Form form = new Form();
            e.fields().forEach(form::error);
            ctx.status(422);
            uploadPage(ctx, community, form);
        }
    }

    private void uploadApi(Context ctx) {
        Community community = community(ctx);
        ctx.status(201);
        ctx.json(bringIn(ctx, community));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such conversation.");
        }
    }
}
