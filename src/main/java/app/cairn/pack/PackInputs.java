package app.cairn.pack;

import app.cairn.community.Community;
import app.cairn.event.Event;
import app.cairn.event.Segment;
import app.cairn.event.Template;
import app.cairn.feedback.FeedbackForm;
import app.cairn.feedback.FeedbackResponse;
import app.cairn.live.LiveViews;
import java.util.List;
import java.util.Map;

/**
 * Everything a pack is written from, read through other features' services. {@link PackBuilder}
 * turns it into a {@link Pack} with no further reads, so figures are unit-testable.
 */
public record PackInputs(
        Event event,
        Community community,
        List<Segment> segments,
        PackSettings settings,
        People people,
        List<String> oneQuestions,
        Integer fresh,
        Integer returning,
        List<LiveViews.PollView> polls,
        List<LiveViews.MessageView> messages,
        List<LiveViews.PromptView> prompts,
        List<LiveViews.ReflectionView> reflections,
        Template diy,
        List<PackTheme> themes,
        FeedbackForm form,
        List<FeedbackResponse> responses,
        Map<String, SectionEdit> edits,
        java.util.Set<String> leftOut) {

    /** Who the "who joined" figures are about, and what they are ("joined the conversation" or "had a place"). */
    public record People(String basis, List<Person> people) {
        public People {
            people = List.copyOf(people);
        }
    }

    /** What the pack may say of one person: never their name or email. */
    public record Person(String role, String organisation, String sector) {}

    /** An organiser's edit of a section: their own text (null keeps Cairn's), or the section left out. */
    public record SectionEdit(String text, boolean hidden) {}
}
