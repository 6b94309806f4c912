package app.cairn.registration;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** The organiser's page of the organisations their community's people came from, where spellings are merged. */
public final class OrganisationRoutes implements Routes {
    private final OrganisationService organisations;
    private final CommunityService communities;
    private final Templates templates;

    public OrganisationRoutes(OrganisationService organisations, CommunityService communities, Templates templates) {
        this.organisations = organisations;
        this.communities = communities;
        this.templates = templates;
    }

    /** The page's model. */
    public record View(Community community, List<OrganisationService.Used> used, List<Organisation> targets, Form form) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/c/{slug}/organisations", ctx -> page(ctx, new Form()));
        routes.post("/c/{slug}/organisations/merge", this::merge);
        routes.post("/c/{slug}/organisations/{org}/unmerge", this::unmerge);
    }

    private Community community(Context ctx, Viewer viewer) {
        return communities.access(viewer.accountId(), ctx.pathParam("slug"), Role.ORGANISER).community();
    }

    private void page(Context ctx, Form form) {
        Viewer viewer = Viewer.require(ctx);
        Community c = community(ctx, viewer);
        templates.page(ctx, "registration/organisations.jte", "Organisations – " + c.name(),
                new View(c, organisations.used(viewer.accountId(), c.id()), organisations.targets(viewer.accountId(), c.id()),
                        form));
    }

    private void merge(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community c = community(ctx, viewer);
        Form form = Form.of(ctx);
        List<Long> from = new ArrayList<>();
        for (String v : form.values("from")) {
            try {
                from.add(Long.parseLong(v));
            } catch (NumberFormatException e) {
                // Not one of the page's choices: left out, and the service says what is missing.
            }
        }
        Long into = null;
        try {
            into = form.value("into").isEmpty() ? null : Long.parseLong(form.value("into"));
        } catch (NumberFormatException e) {
            into = null;
        }
        try {
            Organisation target = organisations.merge(viewer.accountId(), c.id(), from, into);
            Flash.set(ctx, "Merged " + from.size() + (from.size() == 1 ? " spelling" : " spellings") + " into "
                    + target.name() + ", for every conversation in " + c.name() + ".");
            ctx.redirect("/c/" + c.slug() + "/organisations");
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            page(ctx, form);
        }
    }

    private void unmerge(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community c = community(ctx, viewer);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("org"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such organisation.");
        }
        organisations.unmerge(viewer.accountId(), c.id(), id);
        Flash.set(ctx, "That spelling counts as its own organisation again.");
        ctx.redirect("/c/" + c.slug() + "/organisations");
    }
}
