package app.cairn.community;

import app.cairn.account.Account;
import app.cairn.account.AccountService;
import app.cairn.account.Tokens;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.mail.Mail;
import app.cairn.mail.Mailer;
import app.cairn.web.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Emailed invitations that bring co-organisers into a community's team with a role. The link's
 * secret is only in the email; the database keeps its hash.
 */
public final class InvitationService {
    public static final Duration LIFETIME = Duration.ofDays(14);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");

    private final TeamStore store;
    private final CommunityService communities;
    private final AccountService accounts;
    private final Mailer mailer;
    private final UnaryOperator<String> link;
    private final Clock clock;
    // Invitations are emails sent on an owner's word: a cap keeps Cairn from becoming a spam relay.
    private final RateLimiter invitationsByAccount;

    /**
     * @param link makes an absolute link for emails from a path, e.g. {@code Settings::link}
     */
    public InvitationService(Jdbi jdbi, CommunityService communities, AccountService accounts, Mailer mailer,
            UnaryOperator<String> link, Clock clock) {
        this.store = new TeamStore(jdbi);
        this.communities = communities;
        this.accounts = accounts;
        this.mailer = mailer;
        this.link = link;
        this.clock = clock;
        this.invitationsByAccount = new RateLimiter(60, Duration.ofHours(1), clock);
    }

    /** Invitations not yet accepted or withdrawn, including expired ones an owner may send again. */
    public List<Invitation> open(long communityId) {
        return store.jdbi().withHandle(h -> store.openInvitations(h, communityId));
    }

    /** Invites someone by email to join with a role, and emails them a link valid for 14 days. */
    public Invitation invite(long byAccountId, long communityId, String email, String roleCode) {
        communities.requireRole(byAccountId, communityId, Role.OWNER);
        Map<String, String> errors = new LinkedHashMap<>();
        String address = email == null ? "" : email.strip();
        if (address.isEmpty()) errors.put("email", "Enter the email address of the person to invite");
        else if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
            errors.put("email", "Enter an email address in the correct format, like name@example.org");
        }
        Optional<Role> role = Role.find(roleCode);
        if (role.isEmpty()) errors.put("role", "Choose the role they will have");
        if (!errors.isEmpty()) throw new Invalid(errors);
        limit(byAccountId);

        String key = address.toLowerCase(Locale.ROOT);
        Optional<Account> existing = accounts.byEmail(address);
        Instant now = clock.instant();
        String token = Tokens.newSecret();
        long id = store.jdbi().inTransaction(h -> {
            store.lock(h, communityId);
            if (existing.isPresent() && store.role(h, communityId, existing.get().id()).isPresent()) {
                throw Invalid.field("email", address + " is already in this community's team");
            }
            if (store.pendingFor(h, communityId, key, now)) {
                throw Invalid.field("email", "You have already invited " + address
                        + ". Send that invitation again or withdraw it from the list of invitations");
            }
            return store.insertInvitation(h, communityId, address, key, role.get(), Tokens.hash(token), byAccountId,
                    now, now.plus(LIFETIME));
        });
        Invitation invitation = invitation(communityId, id);
        sendEmail(byAccountId, invitation, token);
        return invitation;
    }

    /** Sends the invitation again with a new link and a fresh 14 days; the old link stops working. */
    public Invitation resend(long byAccountId, long communityId, long invitationId) {
        communities.requireRole(byAccountId, communityId, Role.OWNER);
        limit(byAccountId);
        String token = Tokens.newSecret();
        Instant now = clock.instant();
        store.jdbi().useTransaction(h -> {
            Invitation inv = store.invitation(h, communityId, invitationId).orElseThrow(InvitationService::noSuchInvitation);
            requireOpen(inv);
            store.renew(h, invitationId, Tokens.hash(token), now, now.plus(LIFETIME));
        });
        Invitation invitation = invitation(communityId, invitationId);
        sendEmail(byAccountId, invitation, token);
        return invitation;
    }

    /** Withdraws an invitation so its link no longer works. */
    public Invitation revoke(long byAccountId, long communityId, long invitationId) {
        communities.requireRole(byAccountId, communityId, Role.OWNER);
        store.jdbi().useTransaction(h -> {
            Invitation inv = store.invitation(h, communityId, invitationId).orElseThrow(InvitationService::noSuchInvitation);
            if (inv.acceptedAt() != null) {
                throw Invalid.field("invitation", inv.email() + " has already accepted this invitation. "
                        + "Remove them from the team instead");
            }
            store.revoke(h, invitationId, clock.instant());
        });
        return invitation(communityId, invitationId);
    }

    /** An invitation as the person following its link sees it. */
    public record Invited(Invitation invitation, Community community, String invitedByName, Invitation.Status status) {}

    /** The invitation a link's secret belongs to, whatever its state. */
    public Optional<Invited> invitation(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        return store.jdbi().withHandle(h -> store.invitationByHash(h, Tokens.hash(token))).map(inv -> new Invited(
                inv,
                communities.get(inv.communityId()),
                inv.invitedBy() == null ? "An organiser" : accounts.get(inv.invitedBy()).name(),
                inv.status(clock.instant())));
    }

    /** What accepting an invitation did. {@code alreadyMember}: they were in the team already and kept their role. */
    public record Joined(Community community, Role role, boolean alreadyMember) {}

    /** Accepts an invitation for the signed-in account, whichever email it was sent to. */
    public Joined accept(String token, long accountId) {
        Invited invited = invitation(token).orElseThrow(InvitationService::noSuchLink);
        Invitation inv = invited.invitation();
        if (invited.status() == Invitation.Status.ACCEPTED && Long.valueOf(accountId).equals(inv.acceptedBy())) {
            Role role = communities.roleOf(accountId, inv.communityId()).orElse(inv.role());
            return new Joined(invited.community(), role, true);
        }
        requireUsable(invited);
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            store.lock(h, inv.communityId());
            if (!store.markAccepted(h, inv.id(), accountId, now)) {
                throw Invalid.field("invitation", "This invitation has just been used or withdrawn. "
                        + "Ask " + invited.invitedByName() + " to send a new one");
            }
            Optional<Role> existing = store.role(h, inv.communityId(), accountId);
            if (existing.isPresent()) return new Joined(invited.community(), existing.get(), true);
            store.addMember(h, inv.communityId(), accountId, inv.role(), now);
            return new Joined(invited.community(), inv.role(), false);
        });
    }

    /** Throws with the message to show when an invitation can no longer be accepted. */
    public static void requireUsable(Invited invited) {
        switch (invited.status()) {
            case PENDING -> { }
            case EXPIRED -> throw Invalid.field("invitation", "This invitation has expired. Ask "
                    + invited.invitedByName() + " to send it again");
            case REVOKED -> throw Invalid.field("invitation", "This invitation was withdrawn. If you think that is a "
                    + "mistake, ask " + invited.invitedByName() + " to invite you again");
            case ACCEPTED -> throw Invalid.field("invitation", "This invitation has already been used. "
                    + "Ask " + invited.invitedByName() + " to send a new one if you need it");
        }
    }

    private void requireOpen(Invitation inv) {
        if (inv.acceptedAt() != null) {
            throw Invalid.field("invitation", inv.email() + " has already accepted this invitation");
        }
        if (inv.revokedAt() != null) {
            throw Invalid.field("invitation", "This invitation was withdrawn. Invite " + inv.email() + " again instead");
        }
    }

    private void limit(long byAccountId) {
        invitationsByAccount.acquire(Long.toString(byAccountId),
                "You have sent a lot of invitations in the last hour. Wait a while, then try again.");
    }

    private void sendEmail(long byAccountId, Invitation invitation, String token) {
        Community community = communities.get(invitation.communityId());
        String inviter = accounts.get(byAccountId).name();
        Role role = invitation.role();
        String text = """
                Hello,

                %s has invited you to help run %s on Cairn, as %s %s.
                %s.

                Accept the invitation:
                %s

                The link works until %s. If you do not have a Cairn account yet, you can create one from the link.

                If you were not expecting this email, you can ignore it.
                """.formatted(inviter, community.name(), role == Role.ORGANISER || role == Role.OWNER ? "an" : "a",
                role.label().toLowerCase(Locale.ROOT), role.description(), link.apply("/invitations/" + token),
                invitation.expiresOn());
        mailer.send(new Mail(invitation.email(), "Join the team running " + community.name() + " on Cairn", text));
    }

    private Invitation invitation(long communityId, long id) {
        return store.jdbi().withHandle(h -> store.invitation(h, communityId, id)).orElseThrow(InvitationService::noSuchInvitation);
    }

    private static NotFound noSuchInvitation() {
        return new NotFound("There is no such invitation for this community.");
    }

    private static NotFound noSuchLink() {
        return new NotFound("We could not find this invitation. Check you copied the whole link from the email, "
                + "or ask the person who invited you to send it again.");
    }
}
