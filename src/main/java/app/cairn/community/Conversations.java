package app.cairn.community;

import java.util.List;

/**
 * The community's conversations as its page lists them. The event feature provides them, so the
 * community package needs to know nothing of events.
 */
@FunctionalInterface
public interface Conversations {
    List<Link> of(long accountId, long communityId);

    /** One conversation: its title, when it is (in its own zone), where to see it, and its state. */
    record Link(String title, String when, String href, String status) {}

    Conversations NONE = (account, community) -> List.of();
}
