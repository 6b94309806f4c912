package app.cairn.community;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.web.Routes;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON API for communities, their teams and invitations: the same operations and messages as the pages. */
public final class CommunityApi implements Routes {
    private static final String BASE = "/api/v1/communities";
    private final CommunityService communities;
    private final TeamService team;
    private final InvitationService invitations;
    private final Clock clock;

    public CommunityApi(CommunityService communities, TeamService team, InvitationService invitations, Clock clock) {
        this.communities = communities;
        this.team = team;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.post(BASE, this::create);
        routes.get(BASE + "/{slug}", ctx -> {
            var access = access(ctx, Role.FACILITATOR);
            ctx.json(CommunityJson.of(access.community(), access.role()));
        });
        routes.put(BASE + "/{slug}", this::update);
        routes.put(BASE + "/{slug}/logo", this::putLogo);
        routes.delete(BASE + "/{slug}/logo", ctx -> {
            communities.removeLogo(viewer(ctx), access(ctx, Role.OWNER).community().id());
            ctx.status(204);
        });
        routes.get(BASE + "/{slug}/members", ctx -> ctx.json(Map.of("members",
                team.members(access(ctx, Role.FACILITATOR).community().id()).stream().map(MemberJson::of).toList())));
        routes.put(BASE + "/{slug}/members/{accountId}", this::changeRole);
        routes.delete(BASE + "/{slug}/members/{accountId}", ctx -> {
            team.remove(viewer(ctx), access(ctx, Role.FACILITATOR).community().id(), id(ctx, "accountId"));
            ctx.status(204);
        });
        routes.get(BASE + "/{slug}/invitations", ctx -> {
            Instant now = clock.instant();
            ctx.json(Map.of("invitations", invitations.open(access(ctx, Role.ORGANISER).community().id()).stream()
                    .map(i -> InvitationJson.of(i, now)).toList()));
        });
        routes.post(BASE + "/{slug}/invitations", this::invite);
        routes.post(BASE + "/{slug}/invitations/{id}/resend", ctx -> ctx.json(InvitationJson.of(
                invitations.resend(viewer(ctx), access(ctx, Role.OWNER).community().id(), id(ctx, "id")), clock.instant())));
        routes.delete(BASE + "/{slug}/invitations/{id}", ctx -> {
            invitations.revoke(viewer(ctx), access(ctx, Role.OWNER).community().id(), id(ctx, "id"));
            ctx.status(204);
        });
    }

    /** A community as the API shows it, with the caller's role in it. */
    public record CommunityJson(long id, String slug, String name, String description, String contactEmail,
            String logoText, String logoUrl, String brandColour, String privacyNotice, Instant createdAt, String role) {
        static CommunityJson of(Community c, Role role) {
            return new CommunityJson(c.id(), c.slug(), c.name(), c.description(), c.contactEmail(), c.logoText(),
                    c.hasLogoImage() ? "/c/" + c.slug() + "/logo" : null, c.brandColour(), c.privacyNotice(),
                    c.createdAt(), role.code());
        }
    }

    /** What POST takes to create a community. */
    public record NewCommunity(String name, String description, String contactEmail, String logoText) {}

    /** What PUT takes; fields left out keep their current values. */
    public record CommunityChanges(String name, String description, String contactEmail, String logoText,
            String brandColour, String privacyNotice) {}

    /** A team member as the API shows them. */
    public record MemberJson(long accountId, String name, String email, String role, Instant joinedAt) {
        static MemberJson of(Member m) {
            return new MemberJson(m.accountId(), m.name(), m.email(), m.role().code(), m.joinedAt());
        }
    }

    /** An invitation as the API shows it; the link itself is only ever in the email. */
    public record InvitationJson(long id, String email, String role, String status, Instant createdAt,
            Instant expiresAt) {
        static InvitationJson of(Invitation i, Instant now) {
            return new InvitationJson(i.id(), i.email(), i.role().code(), i.status(now).name().toLowerCase(Locale.ROOT),
                    i.createdAt(), i.expiresAt());
        }
    }

    /** What POST /invitations takes. */
    public record NewInvitation(String email, String role) {}

    /** What PUT /members/{accountId} takes. */
    public record RoleChange(String role) {}

    private void list(Context ctx) {
        List<CommunityJson> list = communities.membershipsOf(viewer(ctx)).stream()
                .map(m -> CommunityJson.of(m.community(), m.role()))
                .toList();
        ctx.json(Map.of("communities", list));
    }

    private void create(Context ctx) {
        NewCommunity in = body(ctx, NewCommunity.class);
        Community c = communities.create(viewer(ctx),
                new CommunityService.Details(in.name(), in.description(), in.contactEmail(), in.logoText()));
        ctx.status(201).header("Location", BASE + "/" + c.slug()).json(CommunityJson.of(c, Role.OWNER));
    }

    private void update(Context ctx) {
        var access = access(ctx, Role.OWNER);
        CommunityChanges in = body(ctx, CommunityChanges.class);
        var now = CommunityService.Profile.of(access.community());
        var changed = new CommunityService.Profile(
                or(in.name(), now.name()), or(in.description(), now.description()),
                or(in.contactEmail(), now.contactEmail()), or(in.logoText(), now.logoText()),
                or(in.brandColour(), now.brandColour()), or(in.privacyNotice(), now.privacyNotice()));
        Community c = communities.update(viewer(ctx), access.community().id(), changed, null);
        ctx.json(CommunityJson.of(c, access.role()));
    }

    /** The body is the image itself (PNG or JPEG); its type is judged from its content, not the header. */
    private void putLogo(Context ctx) {
        var access = access(ctx, Role.OWNER);
        byte[] image = ctx.bodyAsBytes();
        if (image.length == 0) throw Invalid.field("logo", "Send the logo image as the request body");
        var now = CommunityService.Profile.of(access.community());
        Community c = communities.update(viewer(ctx), access.community().id(), now,
                new CommunityService.Upload("", image));
        ctx.json(CommunityJson.of(c, access.role()));
    }

    private void changeRole(Context ctx) {
        var access = access(ctx, Role.OWNER);
        RoleChange in = body(ctx, RoleChange.class);
        ctx.json(MemberJson.of(team.changeRole(viewer(ctx), access.community().id(), id(ctx, "accountId"), in.role())));
    }

    private void invite(Context ctx) {
        var access = access(ctx, Role.OWNER);
        NewInvitation in = body(ctx, NewInvitation.class);
        Invitation inv = invitations.invite(viewer(ctx), access.community().id(), in.email(), in.role());
        ctx.status(201).json(InvitationJson.of(inv, clock.instant()));
    }

    private CommunityService.Access access(Context ctx, Role needed) {
        return communities.access(viewer(ctx), ctx.pathParam("slug"), needed);
    }

    private static long viewer(Context ctx) {
        return Viewer.require(ctx).accountId();
    }

    private static <T> T body(Context ctx, Class<T> type) {
        if (ctx.body().isBlank()) throw new BadRequestResponse("Send a JSON object as the request body.");
        try {
            T value = ctx.bodyAsClass(type);
            if (value == null) throw new BadRequestResponse("Send a JSON object as the request body.");
            return value;
        } catch (BadRequestResponse e) {
            throw e;
        } catch (Exception e) {
            // Jackson's parse errors are checked exceptions that Javalin rethrows unchecked.
            throw new BadRequestResponse("The request body is not JSON this endpoint understands: "
                    + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "check its syntax and field names.";
        String line = message.lines().findFirst().orElse("");
        int source = line.indexOf(" (");
        return (source > 0 ? line.substring(0, source) : line).strip();
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }

    private static long id(Context ctx, String param) {
        try {
            return Long.parseLong(ctx.pathParam(param));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such " + (param.equals("id") ? "invitation." : "member."));
        }
    }
}
