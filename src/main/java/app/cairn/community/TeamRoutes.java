package app.cairn.community;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Option;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The team page, where owners invite co-organisers, change roles, remove people and manage invitations. */
public final class TeamRoutes implements Routes {
    private final CommunityService communities;
    private final TeamService team;
    private final InvitationService invitations;
    private final Templates templates;
    private final Clock clock;

    public TeamRoutes(CommunityService communities, TeamService team, InvitationService invitations,
            Templates templates, Clock clock) {
        this.communities = communities;
        this.team = team;
        this.invitations = invitations;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/c/{slug}/team", ctx -> teamPage(ctx, owner(ctx), new Form()));
        routes.post("/c/{slug}/team/invite", this::invite);
        routes.post("/c/{slug}/team/invitations/{id}/resend", ctx -> invitationAction(ctx, true));
        routes.post("/c/{slug}/team/invitations/{id}/withdraw", ctx -> invitationAction(ctx, false));
        routes.post("/c/{slug}/team/members/{accountId}/role", this::changeRole);
        routes.post("/c/{slug}/team/members/{accountId}/remove", this::remove);
    }

    /** Role choices with what each may do, most powerful first. */
    public static List<Option> roleOptions() {
        return Arrays.stream(Role.values()).map(r -> new Option(r.code(), r.label(), r.description())).toList();
    }

    /** The team page's model: the form holds the invitation as typed and any error about a member. */
    public record TeamView(Community community, long viewerId, List<Member> members, List<Invitation> invitations,
            Instant now, Form form) {
        public List<Option> roles() {
            return roleOptions();
        }

        public Invitation.Status status(Invitation invitation) {
            return invitation.status(now);
        }

        /** The only owner can neither leave nor be removed, so the page offers neither. */
        public boolean onlyOwner(Member member) {
            return member.role() == Role.OWNER && members.stream().filter(x -> x.role() == Role.OWNER).count() == 1;
        }
    }

    private CommunityService.Access owner(Context ctx) {
        return communities.access(Viewer.require(ctx).accountId(), ctx.pathParam("slug"), Role.OWNER);
    }

    private void teamPage(Context ctx, CommunityService.Access access, Form form) {
        Community c = access.community();
        templates.page(ctx, "community/team.jte", "Team for " + c.name(), new TeamView(
                c, Viewer.require(ctx).accountId(), team.members(c.id()), invitations.open(c.id()), clock.instant(), form));
    }

    private void invite(Context ctx) {
        var access = owner(ctx);
        Form form = Form.of(ctx);
        try {
            Invitation inv = invitations.invite(Viewer.require(ctx).accountId(), access.community().id(), form.value("email"),
                    form.value("role"));
            Flash.set(ctx, "Invitation sent to " + inv.email() + ".");
            ctx.redirect(teamPath(access));
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            teamPage(ctx, access, form);
        }
    }

    private void invitationAction(Context ctx, boolean resend) {
        var access = owner(ctx);
        long id = id(ctx, "id");
        long viewer = Viewer.require(ctx).accountId();
        try {
            if (resend) {
                Invitation inv = invitations.resend(viewer, access.community().id(), id);
                Flash.set(ctx, "Invitation sent again to " + inv.email() + ". The link in the earlier email no longer works.");
            } else {
                Invitation inv = invitations.revoke(viewer, access.community().id(), id);
                Flash.set(ctx, "Invitation to " + inv.email() + " withdrawn.");
            }
            ctx.redirect(teamPath(access));
        } catch (Invalid e) {
            failed(ctx, access, "invitation-" + id, e);
        }
    }

    private void changeRole(Context ctx) {
        var access = owner(ctx);
        long member = id(ctx, "accountId");
        try {
            Member m = team.changeRole(Viewer.require(ctx).accountId(), access.community().id(), member,
                    ctx.formParam("role"));
            Flash.set(ctx, m.name() + " is now " + m.role().label().toLowerCase(Locale.ROOT) + ".");
            ctx.redirect(teamPath(access));
        } catch (Invalid e) {
            failed(ctx, access, "member-role-" + member, e);
        }
    }

    private void remove(Context ctx) {
        var access = owner(ctx);
        long member = id(ctx, "accountId");
        long viewer = Viewer.require(ctx).accountId();
        try {
            String name = team.members(access.community().id()).stream().filter(m -> m.accountId() == member)
                    .map(Member::name).findFirst().orElse("They");
            team.remove(viewer, access.community().id(), member);
            if (member == viewer) {
                Flash.set(ctx, "You have left " + access.community().name() + ".");
                ctx.redirect("/communities");
            } else {
                Flash.set(ctx, name + " has been removed from the team.");
                ctx.redirect(teamPath(access));
            }
        } catch (Invalid e) {
            failed(ctx, access, "member-remove-" + member, e);
        }
    }

    /** Shows the team page again with the refusal in its error summary, pointing at the control concerned. */
    private void failed(Context ctx, CommunityService.Access access, String field, Invalid e) {
        Form form = new Form();
        e.fields().values().forEach(message -> form.error(field, message));
        ctx.status(422);
        teamPage(ctx, access, form);
    }

    private static String teamPath(CommunityService.Access access) {
        return "/c/" + access.community().slug() + "/team";
    }

    private static long id(Context ctx, String param) {
        try {
            return Long.parseLong(ctx.pathParam(param));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such page.");
        }
    }
}
