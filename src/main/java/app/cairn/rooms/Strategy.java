package app.cairn.rooms;

import java.util.Locale;

/** How people are put into breakout rooms. */
public enum Strategy {
    /** Shuffled, then dealt out. */
    random("Random"),
    /** Each room spreads organisations, sectors and roles as evenly as it can. */
    mixed("Mix organisations, sectors and roles"),
    /** Fewest pairs who already shared a room at the community's earlier conversations. */
    meet_new("Meet new people"),
    /** People who gave the same answer to a registration question sit together. */
    by_answer("By their answer to a registration question"),
    /** Random to start with; the facilitator moves people and sets who stays together or apart. */
    by_hand("By hand");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Strategy parse(String code) {
        try {
            return valueOf(code.strip().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw app.cairn.common.Invalid.field("strategy", "Choose how to put people into rooms");
        }
    }
}
