package app.cairn.community;

import app.cairn.store.Db;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for a community's team: its members and the invitations to join it. */
final class TeamStore {
    private static final String INVITATION_COLUMNS = """
            id, community_id, email, role, invited_by, created_at, expires_at, accepted_at, accepted_by, revoked_at""";
    private static final RowMapper<Invitation> INVITATION = (rs, ctx) -> new Invitation(
            rs.getLong("id"),
            rs.getLong("community_id"),
            rs.getString("email"),
            Role.parse(rs.getString("role")),
            rs.getObject("invited_by", Long.class),
            instant(rs.getObject("created_at", OffsetDateTime.class)),
            instant(rs.getObject("expires_at", OffsetDateTime.class)),
            instant(rs.getObject("accepted_at", OffsetDateTime.class)),
            rs.getObject("accepted_by", Long.class),
            instant(rs.getObject("revoked_at", OffsetDateTime.class)));

    /** A member's row; names and emails come from the account feature. */
    record MemberRow(long accountId, Role role, Instant joinedAt) {}

    private final Jdbi jdbi;

    TeamStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Serialises changes to one community's team, so two owners cannot both step down at once. */
    void lock(Handle h, long communityId) {
        h.createQuery("SELECT id FROM communities WHERE id = :id FOR UPDATE")
                .bind("id", communityId)
                .mapTo(Long.class)
                .findOne();
    }

    List<MemberRow> members(Handle h, long communityId) {
        return h.createQuery("""
                        SELECT account_id, role, joined_at FROM community_members
                        WHERE community_id = :community ORDER BY joined_at, account_id""")
                .bind("community", communityId)
                .map((rs, ctx) -> new MemberRow(rs.getLong("account_id"), Role.parse(rs.getString("role")),
                        instant(rs.getObject("joined_at", OffsetDateTime.class))))
                .list();
    }

    Optional<Role> role(Handle h, long communityId, long accountId) {
        return h.createQuery("SELECT role FROM community_members WHERE community_id = :community AND account_id = :account")
                .bind("community", communityId)
                .bind("account", accountId)
                .mapTo(String.class)
                .findOne()
                .map(Role::parse);
    }

    int owners(Handle h, long communityId) {
        return h.createQuery("SELECT COUNT(*) FROM community_members WHERE community_id = :community AND role = 'owner'")
                .bind("community", communityId)
                .mapTo(Integer.class)
                .one();
    }

    void addMember(Handle h, long communityId, long accountId, Role role, Instant now) {
        h.createUpdate("""
                        INSERT INTO community_members (community_id, account_id, role, joined_at)
                        VALUES (:community, :account, :role, :now) ON CONFLICT DO NOTHING""")
                .bind("community", communityId)
                .bind("account", accountId)
                .bind("role", role.code())
                .bind("now", Db.utc(now))
                .execute();
    }

    void setRole(Handle h, long communityId, long accountId, Role role) {
        h.createUpdate("UPDATE community_members SET role = :role WHERE community_id = :community AND account_id = :account")
                .bind("role", role.code())
                .bind("community", communityId)
                .bind("account", accountId)
                .execute();
    }

    void removeMember(Handle h, long communityId, long accountId) {
        h.createUpdate("DELETE FROM community_members WHERE community_id = :community AND account_id = :account")
                .bind("community", communityId)
                .bind("account", accountId)
                .execute();
    }

    long insertInvitation(Handle h, long communityId, String email, String emailKey, Role role, String tokenHash,
            long invitedBy, Instant now, Instant expires) {
        return h.createUpdate("""
                        INSERT INTO community_invitations
                            (community_id, email, email_key, role, token_hash, invited_by, created_at, expires_at)
                        VALUES (:community, :email, :key, :role, :hash, :by, :now, :expires)""")
                .bind("community", communityId)
                .bind("email", email)
                .bind("key", emailKey)
                .bind("role", role.code())
                .bind("hash", tokenHash)
                .bind("by", invitedBy)
                .bind("now", Db.utc(now))
                .bind("expires", Db.utc(expires))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Invitations neither accepted nor withdrawn, expired ones included so they can be sent again. */
    List<Invitation> openInvitations(Handle h, long communityId) {
        return h.createQuery("SELECT " + INVITATION_COLUMNS + " FROM community_invitations "
                        + "WHERE community_id = :community AND accepted_at IS NULL AND revoked_at IS NULL ORDER BY created_at, id")
                .bind("community", communityId)
                .map(INVITATION)
                .list();
    }

    boolean pendingFor(Handle h, long communityId, String emailKey, Instant now) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM community_invitations
                        WHERE community_id = :community AND email_key = :key
                          AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
                        .bind("community", communityId)
                        .bind("key", emailKey)
                        .bind("now", Db.utc(now))
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    Optional<Invitation> invitation(Handle h, long communityId, long id) {
        return h.createQuery("SELECT " + INVITATION_COLUMNS + " FROM community_invitations WHERE id = :id AND community_id = :community")
                .bind("id", id)
                .bind("community", communityId)
                .map(INVITATION)
                .findOne();
    }

    Optional<Invitation> invitationByHash(Handle h, String tokenHash) {
        return h.createQuery("SELECT " + INVITATION_COLUMNS + " FROM community_invitations WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map(INVITATION)
                .findOne();
    }

    /** A fresh link and a fresh 14 days; the old link stops working. */
    void renew(Handle h, long id, String tokenHash, Instant now, Instant expires) {
        h.createUpdate("UPDATE community_invitations SET token_hash = :hash, created_at = :now, expires_at = :expires WHERE id = :id")
                .bind("id", id)
                .bind("hash", tokenHash)
                .bind("now", Db.utc(now))
                .bind("expires", Db.utc(expires))
                .execute();
    }

    void revoke(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE community_invitations SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("id", id)
                .bind("now", Db.utc(now))
                .execute();
    }

    /** Marks the invitation used; false when someone else used it first or it stopped being valid. */
    boolean markAccepted(Handle h, long id, long accountId, Instant now) {
        return h.createUpdate("""
                        UPDATE community_invitations SET accepted_at = :now, accepted_by = :account
                        WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
                        .bind("id", id)
                        .bind("account", accountId)
                        .bind("now", Db.utc(now))
                        .execute()
                == 1;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
