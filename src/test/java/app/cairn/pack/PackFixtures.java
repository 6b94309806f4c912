package app.cairn.pack;

import app.cairn.community.Community;
import app.cairn.event.Event;
import app.cairn.event.Host;
import app.cairn.event.Segment;
import app.cairn.event.SegmentKind;
import app.cairn.event.TemplateService;
import app.cairn.feedback.FeedbackForm;
import app.cairn.feedback.FeedbackResponse;
import app.cairn.live.Contribution.PollKind;
import app.cairn.live.LiveViews;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pack inputs for tests: an empty event, and a full one with people, polls, chat, reflections and feedback (all fictional). */
final class PackFixtures {
    static final long PERSPECTIVE = 2;

    private PackFixtures() {}

    static Event event(String purpose, String contact) {
        return new Event(7, 1, "kindness-at-work", "Kindness at work", purpose, LocalDate.of(2026, 3, 9),
                LocalTime.of(12, 30), ZoneId.of("Europe/London"),
                List.of(new Host("Dr Morag Ferguson", "Lecturer", "University of the Isles")),
                purpose.isEmpty() ? "" : "https://video.example.org/kindness", contact, null, "Community conversation",
                null, 1, Instant.EPOCH, Instant.EPOCH);
    }

    static Community community() {
        return new Community(1, "lanterns", "Lanterns Network", "", "hello@lanterns.example", "", false, "#2b5d8a", "",
                Instant.EPOCH);
    }

    static PackSettings settings(boolean attribute) {
        return new PackSettings(7, PackSettings.Visibility.PUBLIC, "token", attribute, true, null);
    }

    static PackInputs empty() {
        return new PackInputs(event("", ""), new Community(1, "lanterns", "Lanterns Network", "", "", "", false, "", "",
                Instant.EPOCH), List.of(), settings(false), new PackInputs.People("had a place", List.of()), List.of(),
                null, null, List.of(), List.of(), List.of(), List.of(), null, List.of(),
                FeedbackForm.blank(7), List.of(), Map.of(), java.util.Set.of());
    }

    static FeedbackResponse response(long id, Boolean recommend, Integer score, String valued) {
        return new FeedbackResponse(id, 7, null, recommend, score, valued, "", Map.of(), Instant.EPOCH);
    }

    static LiveViews.MessageView message(long seq, String text, boolean question, String answer, String at, boolean removed,
            Long participant) {
        return new LiveViews.MessageView(seq, "Aoife", "Harbour Trust", text, question, 0, answer, at, Instant.EPOCH,
                removed, null, participant, question ? PERSPECTIVE : 1L);
    }

    /** A full event; {@code quote} is used as one reflection, to try long and many-script text. */
    static PackInputs full(String quote) {
        List<Segment> segments = List.of(
                new Segment(1, SegmentKind.WELCOME, "Welcome", 10, "", List.of(), List.of()),
                new Segment(PERSPECTIVE, SegmentKind.PERSPECTIVE, "Opening perspective", 20, "", List.of(), List.of()),
                new Segment(3, SegmentKind.BREAKOUT, "Breakouts", 30, "", List.of("What resonated?", "What will you try?"), List.of()));
        List<PackInputs.Person> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(new PackInputs.Person(i % 2 == 0 ? "Occupational therapist" : "Care home manager",
                    i < 6 ? "Harbour Health Board" : "Glen Care Partnership", i < 6 ? "health" : i < 9 ? "social_care" : ""));
        }
        var polls = List.of(new LiveViews.PollView("before", "Have you been to one of our events before?", PollKind.single_choice,
                List.of("Yes", "No"), false, true, new LiveViews.Results(9, List.of(4, 5), null, List.of(), List.of())));
        var messages = List.of(
                message(10, "How do we keep kindness when the rota is short?", true, "recording", "48:40", false, 1L),
                message(11, "Is kindness a skill we can teach?", true, "live", null, false, 2L),
                message(12, "A question that was hidden", true, "unanswered", null, true, 3L),
                message(13, "Chat about protected lunch breaks", false, "unanswered", null, false, 4L));
        var prompts = List.of(new LiveViews.PromptView("one", "What is your one key reflection?"));
        var reflections = List.of(
                new LiveViews.ReflectionView(20, "one", "Aoife", quote, false, 1L),
                new LiveViews.ReflectionView(21, "one", "Tomasz", "Withdrawn words", true, 2L));
        var themes = List.of(new PackTheme("chat", "chat and questions", "Protected time", "Breaks matter", 2,
                List.of("Chat about protected lunch breaks")));
        var responses = List.of(response(1, true, 5, "The rooms"), response(2, true, 4, ""), response(3, false, 3, "Quiet time"),
                response(4, null, null, ""));
        var diy = TemplateService.builtIns().stream().filter(t -> t.id().equals("diy-1-hour")).findFirst().orElseThrow();
        return new PackInputs(event("To open a conversation on kindness at work.", "team@lanterns.example"), community(),
                segments, settings(false), new PackInputs.People("joined the conversation", people),
                List.of("How do I stay kind under pressure?", " "), 7, 3, polls, messages, prompts, reflections, diy, themes,
                new FeedbackForm(7, true, FeedbackForm.State.open, Instant.EPOCH, null, null, List.of()), responses, Map.of(),
                java.util.Set.of());
    }
}
