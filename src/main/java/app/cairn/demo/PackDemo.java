package app.cairn.demo;

import app.cairn.feedback.FeedbackService;
import app.cairn.live.Participant;
import app.cairn.pack.PackService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The pack of the past conversation: its feedback form answered by most of the people who
 * joined, its themes (those curated in the themes workspace, or else the chat grouped into three
 * themes by hand), and the pack published for anyone with the link (without emailing the demo's fictional people).
 */
final class PackDemo implements DemoStep {
    private static final List<String> BETTER = List.of("Longer in the breakout rooms, we had only just got going.",
            "A short break halfway through.", "Send the slides before the event so I can follow on my phone.",
            "More time for the questions that were asked in the chat.", "");

    /** Each theme: its label, summary, and the words that put a chat message in it. */
    private static final List<String[]> THEMES = List.of(
            new String[] {"Feeling safe to speak", "Psychological safety, hierarchy and who gets heard.", "safe", "hierarch", "say them", "struggling"},
            new String[] {"Time and pressure", "Compassion squeezed by rotas, targets and visit after visit.", "time", "rota", "target", "squeezed", "resilient", "visit"},
            new String[] {"Kindness in practice", "Small, practical habits that changed how teams felt.", "huddle", "gratitude", "curiosity", "induction", "kindness"});

    private final Random random = new Random(16);

    @Override
    public String name() {
        return "pack";
    }

    @Override
    public void load(DemoContext demo) {
        long eventId = demo.recallId("past-event").orElseThrow();
        long organiser = demo.organiserId();
        FeedbackService feedback = demo.services().feedback();
        PackService packs = demo.services().packs();

        feedback.open(organiser, eventId);
        List<Participant> people = demo.services().live().participants(eventId);
        for (int i = 0; i < people.size(); i++) {
            if (random.nextInt(10) < 3) continue; // Not everyone gives feedback.
            Participant p = people.get(i);
            String recommend = random.nextInt(12) == 0 ? "" : random.nextInt(15) == 0 ? "no" : "yes";
            String score = random.nextInt(10) == 0 ? "" : Integer.toString(random.nextInt(10) < 6 ? 5 : random.nextInt(10) < 7 ? 4 : 3);
            String valued = random.nextInt(3) == 0 ? "" : VALUED.get(random.nextInt(VALUED.size()));
            String better = random.nextInt(3) == 0 ? BETTER.get(random.nextInt(BETTER.size())) : "";
            feedback.respond(FeedbackService.respondent(p), new FeedbackService.Answers(recommend, score, valued, better, Map.of()));
        }
        feedback.close(organiser, eventId);

        // The themes workspace's curated themes come first; group by hand only what it has not curated.
        boolean curated = !demo.services().themes().curatedForEvent(eventId).isEmpty();
        var contributions = curated ? List.<app.cairn.pack.PackService.Contribution>of() : packs.contributions(organiser, eventId);
        for (String[] theme : THEMES) {
            List<Long> seqs = new ArrayList<>();
            for (var c : contributions) {
                String text = c.text().toLowerCase(Locale.ROOT);
                for (int k = 2; k < theme.length; k++) {
                    if (text.contains(theme[k])) {
                        seqs.add(c.seq());
                        break;
                    }
                }
            }
            if (!seqs.isEmpty()) packs.addTheme(organiser, eventId, theme[0], theme[1], seqs);
        }
        packs.updateSettings(organiser, eventId, "public", false, true);
        var published = packs.publish(organiser, eventId, false);
        demo.remember("pack-link", published.link());
    }

    private static final List<String> VALUED = List.of("Meeting people from social care as well as health.",
            "The stories in the opening perspective.", "Having time to think, which I rarely get.",
            "Small breakout rooms where everyone spoke.", "Practical ideas I can take back to my team.",
            "The quiet before the reflections.");
}
