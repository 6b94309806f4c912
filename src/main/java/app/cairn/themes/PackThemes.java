package app.cairn.themes;

import java.util.List;

/**
 * The curated themes of one stream, as the pack shows them: no names, no ids of people, only
 * what was said and how many distinct people said it.
 */
public record PackThemes(String stream, String title, String kind, List<Theme> themes) {

    /** One curated theme: label, the facilitator's summary, quotes (text only) and counts. */
    public record Theme(String label, String summary, int contributions, int people, List<String> quotes) {}
}
