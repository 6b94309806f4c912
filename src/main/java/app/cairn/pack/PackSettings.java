package app.cairn.pack;

import java.time.Instant;

/**
 * Who may read an event's pack and how it names people: {@code attributeQuotes} puts the names
 * of people who posted under their name beside their quotes; {@code includeHosts} names the hosts.
 */
public record PackSettings(long eventId, Visibility visibility, String shareToken, boolean attributeQuotes,
        boolean includeHosts, Instant publishedAt) {

    /** Who may open the web pack by its share link. */
    public enum Visibility {
        PUBLIC("Anyone with the link"),
        PARTICIPANTS("People who took part (signed in by their personal link)"),
        ORGANISERS("The community's team only");

        private final String label;

        Visibility(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean published() {
        return publishedAt != null;
    }
}
