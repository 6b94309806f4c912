package app.cairn.live;

/** What an organiser may do in a live conversation. */
public enum LiveRole {
    /** Runs the agenda, polls, reflections, and can do what hosts and moderators do. */
    facilitator,
    /** Sees the question queue, marks questions answered, posts as the host. */
    host,
    /** Hides and restores contributions. */
    moderator;

    public boolean canRun() {
        return this == facilitator;
    }

    public boolean canAnswer() {
        return this == facilitator || this == host;
    }

    public boolean canModerate() {
        return this == facilitator || this == moderator;
    }
}
