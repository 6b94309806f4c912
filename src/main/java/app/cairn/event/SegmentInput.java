package app.cairn.event;

import java.util.List;

/**
 * A segment as typed (a page or the API), before it is checked. {@code id} names a saved segment
 * to change, or is null for a new one; numbers are text so "ten" gets a message, not a crash.
 */
public record SegmentInput(
        Long id, String kind, String title, String minutes, String guidance, List<String> prompts, List<PollInput> polls) {

    public SegmentInput {
        prompts = prompts == null ? List.of() : prompts;
        polls = polls == null ? List.of() : polls;
    }

    /** A poll as typed; {@code id} names a saved poll, or is null for a new one. */
    public record PollInput(Long id, String question, String kind, List<String> options) {
        public PollInput {
            options = options == null ? List.of() : options;
        }
    }

    /** A saved segment as input, to change one field and check the whole again. */
    static SegmentInput of(Segment s) {
        return new SegmentInput(s.id(), s.kind().code(), s.title(), Integer.toString(s.minutes()), s.guidance(),
                s.prompts(), s.polls().stream()
                        .map(p -> new PollInput(p.id(), p.question(), p.kind().code(), p.options()))
                        .toList());
    }
}
