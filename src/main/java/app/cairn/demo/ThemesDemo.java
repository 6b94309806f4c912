package app.cairn.demo;

import app.cairn.synthesis.Suggestions;
import app.cairn.themes.ThemeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Curates the past conversation's themes as a facilitator would: in each stream the strongest
 * suggestions are kept (with their labels tidied), the first gets a short summary and a starred
 * quote, and two close themes in the chat are merged, so the workspace and the pack show curated work.
 */
final class ThemesDemo implements DemoStep {
    /** Themes kept per stream, at most. */
    static final int KEEP = 4;

    /** Names the demo's facilitator gave the suggestions whose own labels said too little. */
    static final Map<String, String> RENAMED = Map.of(
            "Rather", "Curiosity rather than judgement",
            "True that kindness", "Kindness to staff is kindness to patients",
            "Team", "Starting with the team",
            "Leader", "Permission to pause, at every level",
            "Leadership", "Taking it to colleagues and managers",
            "Biggest difference", "Small things that make the biggest difference",
            "Part of the working day rather than something", "Reflection as part of the working day");

    @Override
    public String name() {
        return "themes";
    }

    @Override
    public void load(DemoContext demo) {
        long eventId = demo.recallId("past-event").orElseThrow();
        long account = demo.organiserId();
        ThemeService themes = demo.services().themes();
        // Introductions are not themed: they say who came, which the pack shows from registrations.
        String welcome = demo.services().live().plan(eventId).segments().stream().filter(s -> s.kind().equals("welcome"))
                .findFirst().map(s -> "chat-" + s.id()).orElse("");
        for (ThemeService.StreamSummary stream : themes.streams(account, eventId)) {
            if (stream.contributions() < 3 || stream.id().equals(welcome)) continue;
            ThemeService.Workspace w = themes.workspace(account, eventId, stream.id());
            List<Long> kept = new ArrayList<>();
            List<Suggestions.Theme> suggested = w.themes();
            for (int i = 0; i < Math.min(KEEP, suggested.size()); i++) {
                Suggestions.Theme t = suggested.get(i);
                if (t.people() < 2) continue;
                List<String> items = new ArrayList<>();
                t.members().forEach(m -> {
                    items.add(m.itemId());
                    items.addAll(m.duplicateIds());
                });
                kept.add(themes.accept(account, eventId, stream.id(), RENAMED.getOrDefault(sentenceCase(t.label()), sentenceCase(t.label())), items,
                        t.quotes().stream().map(Suggestions.Quote::itemId).toList()));
                if (kept.size() == 1) {
                    themes.summarise(account, eventId, stream.id(), kept.get(0), summary(t));
                    if (!t.quotes().isEmpty()) themes.star(account, eventId, stream.id(), t.quotes().get(0).itemId(), true);
                }
            }
            // In the busiest chat, the facilitator judged the two smallest kept themes to be one.
            if (stream.kind().equals("chat") && kept.size() >= 4 && stream.contributions() >= 20) {
                themes.merge(account, eventId, stream.id(), kept.get(kept.size() - 1), kept.get(kept.size() - 2));
            }
        }
    }

    static String sentenceCase(String label) {
        if (label == null || label.isBlank()) return "Theme";
        return label.substring(0, 1).toUpperCase(Locale.UK) + label.substring(1);
    }

    /** The note a facilitator writes first: who raised it and in what words. */
    static String summary(Suggestions.Theme t) {
        String phrase = t.phrases().isEmpty() ? t.label() : t.phrases().get(0);
        return t.people() + " people came back to this, often in the words \u201c" + phrase + "\u201d.";
    }
}
