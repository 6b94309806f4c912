package app.cairn.community;

import app.cairn.account.Account;
import app.cairn.account.AccountService;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** A community's team: who is in it with which role. A community always keeps at least one owner. */
public final class TeamService {
    private final TeamStore store;
    private final CommunityService communities;
    private final AccountService accounts;

    public TeamService(Jdbi jdbi, CommunityService communities, AccountService accounts) {
        this.store = new TeamStore(jdbi);
        this.communities = communities;
        this.accounts = accounts;
    }

    /** The team, longest-standing first. */
    public List<Member> members(long communityId) {
        return store.jdbi().withHandle(h -> store.members(h, communityId)).stream()
                .map(row -> {
                    Account a = accounts.get(row.accountId());
                    return new Member(a.id(), a.name(), a.email(), row.role(), row.joinedAt());
                })
                .toList();
    }

    /** Gives a member another role. The last owner cannot stop being an owner. */
    public Member changeRole(long byAccountId, long communityId, long memberAccountId, String roleCode) {
        communities.requireRole(byAccountId, communityId, Role.OWNER);
        Role next = Role.find(roleCode).orElseThrow(() -> Invalid.field("role", "Choose the role they will have"));
        store.jdbi().useTransaction(h -> {
            store.lock(h, communityId);
            Role current = store.role(h, communityId, memberAccountId).orElseThrow(TeamService::noSuchMember);
            if (leavesNoOwner(store.owners(h, communityId), current, next)) {
                throw Invalid.field("role", "Make someone else an owner before you change "
                        + nameOf(memberAccountId, byAccountId, "your") + " role: a community always needs at least one owner");
            }
            store.setRole(h, communityId, memberAccountId, next);
        });
        return member(communityId, memberAccountId);
    }

    /**
     * Takes someone out of the team. Owners may remove anyone; any member may remove themselves
     * (leave). The last owner can do neither.
     */
    public void remove(long byAccountId, long communityId, long memberAccountId) {
        communities.requireRole(byAccountId, communityId, byAccountId == memberAccountId ? Role.FACILITATOR : Role.OWNER);
        store.jdbi().useTransaction(h -> {
            store.lock(h, communityId);
            Role current = store.role(h, communityId, memberAccountId).orElseThrow(TeamService::noSuchMember);
            if (leavesNoOwner(store.owners(h, communityId), current, null)) {
                throw Invalid.field("member", byAccountId == memberAccountId
                        ? "Make someone else an owner before you leave: a community always needs at least one owner"
                        : "Make someone else an owner before you remove " + nameOf(memberAccountId, byAccountId, "")
                                + ": a community always needs at least one owner");
            }
            store.removeMember(h, communityId, memberAccountId);
        });
    }

    /** True when moving a member from {@code current} to {@code next} (null: removing them) would leave no owner. */
    static boolean leavesNoOwner(int owners, Role current, Role next) {
        return current == Role.OWNER && next != Role.OWNER && owners <= 1;
    }

    private Member member(long communityId, long accountId) {
        return members(communityId).stream().filter(m -> m.accountId() == accountId).findFirst()
                .orElseThrow(TeamService::noSuchMember);
    }

    private String nameOf(long memberAccountId, long byAccountId, String self) {
        if (memberAccountId == byAccountId) return self;
        String name = accounts.get(memberAccountId).name();
        return self.isEmpty() ? name : name + "'s";
    }

    static NotFound noSuchMember() {
        return new NotFound("There is no such person in this community's team.");
    }
}
