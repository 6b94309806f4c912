package app.cairn.community;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person may do in a community, from most to least: each role can do all that those below it can. */
public enum Role {
    /** Edits the community and its team, and everything an organiser does. */
    OWNER("Owner", "Edits the community and its team, and plans conversations"),
    /** Plans, edits, clones and cancels events; sees registrations; publishes packs. */
    ORGANISER("Organiser", "Plans conversations, sees registrations and publishes packs"),
    /** Runs live sessions and curates themes, but does not change plans or see personal data in bulk. */
    FACILITATOR("Facilitator", "Runs conversations live and curates their themes");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this role may do what {@code needed} may. */
    public boolean atLeast(Role needed) {
        return ordinal() <= needed.ordinal();
    }

    public static Role parse(String code) {
        return Role.valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The role a person chose ("organiser"), or empty when the choice is missing or not a role. */
    public static Optional<Role> find(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(r -> r.code().equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
