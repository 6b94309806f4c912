package app.cairn.themes;

import java.util.List;

/**
 * A theme the facilitator kept: its label and summary, the contributions in it (only those that
 * may still be read) and the quotes that represent it (starred ones first, else those the
 * suggestion chose).
 */
public record CuratedTheme(long id, String label, String summary, int people, List<Item> items, List<Item> quotes) {

    /** A contribution in a curated theme. */
    public record Item(String id, String text, boolean starred, boolean representative) {}

    public boolean hasStar() {
        return items.stream().anyMatch(Item::starred);
    }
}
