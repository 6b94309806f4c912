package app.cairn.live;

import java.util.List;
import java.util.Optional;

/**
 * What the live session needs to know of an event's plan: its agenda with each segment's
 * guidance, prompts and polls. Built from the event feature's agenda by {@link Plans}.
 */
public record LivePlan(long eventId, String title, long communityId, String communitySlug, String zone,
        String recordingUrl, List<Segment> segments) {

    /** A timed part of the conversation. */
    public record Segment(long id, String kind, String title, int minutes, String guidance, List<String> prompts,
            List<PlannedPoll> polls) {}

    /** A poll written into the agenda, opened from the console when its moment comes. */
    public record PlannedPoll(String key, String question, Contribution.PollKind kind, List<String> options) {}

    public Optional<Segment> segment(long id) {
        return segments.stream().filter(s -> s.id() == id).findFirst();
    }

    /** The segment after {@code id}, or the first when {@code id} is null. */
    public Optional<Segment> next(Long id) {
        if (id == null) return segments.stream().findFirst();
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i).id() == id) return Optional.of(segments.get(i + 1));
        }
        return Optional.empty();
    }

    public Optional<PlannedPoll> poll(String key) {
        return segments.stream().flatMap(s -> s.polls().stream()).filter(p -> p.key().equals(key)).findFirst();
    }

    /** Where the plans come from (the event feature). */
    public interface Plans {
        Optional<LivePlan> plan(long eventId);
    }
}
