package app.cairn.pack;

import java.util.List;

/**
 * A theme for the pack: which stream it came from ("chat", "questions", "rooms", "reflections"),
 * its label and summary, how many different people it draws on, and its quotes (already
 * filtered for privacy by whoever provides it: no hidden or withdrawn items, no names).
 */
public record PackTheme(String streamKey, String streamLabel, String label, String summary, int people,
        List<String> quotes) {
    public PackTheme {
        quotes = List.copyOf(quotes);
    }
}
