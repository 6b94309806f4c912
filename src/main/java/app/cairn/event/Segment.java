package app.cairn.event;

import java.util.List;

/**
 * One timed part of a conversation's agenda, with the guidance its facilitator reads, the
 * prompts people discuss (in order) and the polls put to them. {@code id} is 0 until saved.
 */
public record Segment(
        long id,
        SegmentKind kind,
        String title,
        int minutes,
        String guidance,
        List<String> prompts,
        List<Poll> polls) {
    public Segment {
        prompts = List.copyOf(prompts);
        polls = List.copyOf(polls);
    }

    /** The same segment, unsaved, for copying into another event or a template. */
    Segment unsaved() {
        return new Segment(0, kind, title, minutes, guidance, prompts,
                polls.stream().map(p -> p.withId(0)).toList());
    }

    Segment withMinutes(int newMinutes) {
        return new Segment(id, kind, title, newMinutes, guidance, prompts, polls);
    }
}
