package app.cairn.community;

/** A person's role in a community, as seen from their list of communities. */
public record Membership(Community community, Role role) {}
