package app.cairn.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text cut into pieces, with the web links marked, so a template can make the links
 * clickable while escaping everything else (an emailed reset link then works from the outbox).
 */
public final class LinkedText {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence rather than a link: "see https://example.org/a." */
    private static final String TRAILING = ".,;:!?)]}";

    private LinkedText() {}

    /** A run of text, which is a link or not. */
    public record Piece(String text, boolean link) {}

    public static List<Piece> of(String text) {
        List<Piece> pieces = new ArrayList<>();
        if (text == null || text.isEmpty()) return pieces;
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            String link = m.group();
            int end = link.length();
            while (end > 0 && TRAILING.indexOf(link.charAt(end - 1)) >= 0) end--;
            link = link.substring(0, end);
            if (link.length() <= "https://".length()) continue;
            if (m.start() > at) pieces.add(new Piece(text.substring(at, m.start()), false));
            pieces.add(new Piece(link, true));
            at = m.start() + link.length();
        }
        if (at < text.length()) pieces.add(new Piece(text.substring(at), false));
        return pieces;
    }
}
