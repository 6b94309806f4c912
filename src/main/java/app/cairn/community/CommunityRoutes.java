package app.cairn.community;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Pages to list, create, show and edit communities, and the logo and brand colour they are shown with. */
public final class CommunityRoutes implements Routes {
    private final CommunityService communities;
    private final TeamService team;
    private final InvitationService invitations;
    private final Templates templates;
    private final Clock clock;
    private final Conversations conversations;

    public CommunityRoutes(CommunityService communities, TeamService team, InvitationService invitations,
            Templates templates, Clock clock, Conversations conversations) {
        this.conversations = conversations;
        this.communities = communities;
        this.team = team;
        this.invitations = invitations;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/communities", this::list);
        routes.get("/communities/new", ctx -> {
            Viewer.require(ctx);
            newPage(ctx, new Form());
        });
        routes.post("/communities/new", this::create);
        routes.get("/c/{slug}", this::show);
        routes.get("/c/{slug}/edit", ctx -> {
            var access = communities.access(Viewer.require(ctx).accountId(), ctx.pathParam("slug"), Role.OWNER);
            editPage(ctx, access.community(), Form.filled(fields(access.community())));
        });
        routes.post("/c/{slug}/edit", this::save);
        routes.post("/c/{slug}/logo/remove", this::removeLogo);
        routes.get("/c/{slug}/logo", this::logo);
        routes.get("/c/{slug}/brand.css", this::brandCss);
        routes.post("/c/{slug}/leave", this::leave);
    }

    /** The list of the organiser's communities. */
    public record ListView(List<Membership> memberships) {}

    /** A community's own page, as one of its members sees it. */
    public record ShowView(Community community, Role role, List<Member> members, List<Invitation> invitations,
            Instant now, Form form, List<Conversations.Link> conversations) {
        public boolean owner() {
            return role == Role.OWNER;
        }

        /** The only owner cannot leave until someone else is an owner. */
        public boolean onlyOwner() {
            return role == Role.OWNER && members.stream().filter(m -> m.role() == Role.OWNER).count() == 1;
        }

        /** Organisers and owners plan conversations and may see who has been invited. */
        public boolean organiser() {
            return role.atLeast(Role.ORGANISER);
        }
    }

    /** The edit page: the saved community (for its logo) and the form as typed. */
    public record EditView(Community community, Form form) {
        /** The typed colour as {@code #rrggbb}, or empty when it is not a colour. */
        public String swatch() {
            return BrandColour.normalise(form.value("brandColour")).orElse("");
        }

        public String contrast() {
            return BrandColour.normalise(form.value("brandColour")).map(BrandColour::ratio).orElse("");
        }
    }

    private void list(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        templates.page(ctx, "community/list.jte", "Your communities",
                new ListView(communities.membershipsOf(viewer.accountId())));
    }

    private void newPage(Context ctx, Form form) {
        templates.page(ctx, "community/new.jte", "Create a community", form);
    }

    private void create(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Form form = Form.of(ctx);
        try {
            Community c = communities.create(viewer.accountId(), new CommunityService.Details(
                    form.value("name"), form.value("description"), form.value("contactEmail"), form.value("logoText")));
            Flash.set(ctx, "Community created. You are its owner.");
            ctx.redirect("/c/" + c.slug());
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            newPage(ctx, form);
        }
    }

    private void show(Context ctx) {
        showPage(ctx, communities.access(Viewer.require(ctx).accountId(), ctx.pathParam("slug"), Role.FACILITATOR),
                new Form());
    }

    private void showPage(Context ctx, CommunityService.Access access, Form form) {
        Community c = access.community();
        List<Invitation> open = access.role().atLeast(Role.ORGANISER) ? invitations.open(c.id()) : List.of();
        templates.page(ctx, "community/show.jte", c.name(),
                new ShowView(c, access.role(), team.members(c.id()), open, clock.instant(), form,
                        conversations.of(Viewer.require(ctx).accountId(), c.id())));
    }

    /** Any member may leave, except the last owner. */
    private void leave(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        var access = communities.access(viewer.accountId(), ctx.pathParam("slug"), Role.FACILITATOR);
        try {
            team.remove(viewer.accountId(), access.community().id(), viewer.accountId());
            Flash.set(ctx, "You have left " + access.community().name() + ".");
            ctx.redirect("/communities");
        } catch (Invalid e) {
            Form form = new Form();
            e.fields().values().forEach(message -> form.error("leave", message));
            ctx.status(422);
            showPage(ctx, access, form);
        }
    }

    private void editPage(Context ctx, Community community, Form form) {
        templates.page(ctx, "community/edit.jte", "Edit " + community.name(), new EditView(community, form));
    }

    private static Map<String, String> fields(Community c) {
        return Map.of("name", c.name(), "description", c.description(), "contactEmail", c.contactEmail(),
                "logoText", c.logoText(), "brandColour", c.brandColour(), "privacyNotice", c.privacyNotice());
    }

    private void save(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        var access = communities.access(viewer.accountId(), ctx.pathParam("slug"), Role.OWNER);
        Form form = Form.of(ctx);
        try {
            communities.update(viewer.accountId(), access.community().id(), new CommunityService.Profile(
                    form.value("name"), form.value("description"), form.value("contactEmail"), form.value("logoText"),
                    form.value("brandColour"), form.value("privacyNotice")), upload(ctx));
            Flash.set(ctx, "Community details saved.");
            ctx.redirect("/c/" + access.community().slug());
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            editPage(ctx, access.community(), form);
        }
    }

    /** The logo file from the edit form, or null when none was chosen. Reads at most 1 byte past the limit. */
    static CommunityService.Upload upload(Context ctx) {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile(LogoImage.FIELD) : null;
        if (file == null || (file.size() == 0 && (file.filename() == null || file.filename().isEmpty()))) return null;
        try (InputStream in = file.content()) {
            return new CommunityService.Upload(file.filename(), in.readNBytes(LogoImage.MAX_BYTES + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded logo", e);
        }
    }

    private void removeLogo(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        var access = communities.access(viewer.accountId(), ctx.pathParam("slug"), Role.OWNER);
        communities.removeLogo(viewer.accountId(), access.community().id());
        Flash.set(ctx, "Logo image removed. The logo text is shown instead.");
        ctx.redirect("/c/" + access.community().slug() + "/edit");
    }

    /**
     * Serves the logo image with its own type and no sniffing, so an image can never run as a
     * page. Public: pages for people registering show it too.
     */
    private void logo(Context ctx) {
        LogoImage logo = communities.logo(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFound("This community has no logo image."));
        String etag = logo.etag();
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "inline; filename=\"logo." + logo.extension() + "\"");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(logo.contentType());
        ctx.result(logo.content());
    }

    /** The community's brand colour as a class, since the Content-Security-Policy allows no inline styles. */
    private void brandCss(Context ctx) {
        Community c = communities.get(ctx.pathParam("slug"));
        String colour = BrandColour.normalise(c.brandColour()).orElse(BrandColour.DEFAULT);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("text/css; charset=utf-8");
        ctx.result(".cairn-brand { background-color: " + colour + "; color: #fff; }\n");
    }
}
