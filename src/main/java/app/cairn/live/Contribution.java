package app.cairn.live;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Everything that happens live is one of these, appended to the event's log. The set is closed:
 * the projection, the stream and the pack handle every kind. Stored as JSON with a "kind" field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Contribution.SegmentStarted.class, name = "segment_started"),
    @JsonSubTypes.Type(value = Contribution.SegmentExtended.class, name = "segment_extended"),
    @JsonSubTypes.Type(value = Contribution.SessionEnded.class, name = "session_ended"),
    @JsonSubTypes.Type(value = Contribution.SilenceStarted.class, name = "silence_started"),
    @JsonSubTypes.Type(value = Contribution.Announcement.class, name = "announcement"),
    @JsonSubTypes.Type(value = Contribution.PollOpened.class, name = "poll_opened"),
    @JsonSubTypes.Type(value = Contribution.PollClosed.class, name = "poll_closed"),
    @JsonSubTypes.Type(value = Contribution.PollResultsShown.class, name = "poll_results_shown"),
    @JsonSubTypes.Type(value = Contribution.Vote.class, name = "vote"),
    @JsonSubTypes.Type(value = Contribution.Message.class, name = "message"),
    @JsonSubTypes.Type(value = Contribution.Upvote.class, name = "upvote"),
    @JsonSubTypes.Type(value = Contribution.AnswerStatus.class, name = "answer_status"),
    @JsonSubTypes.Type(value = Contribution.Reflection.class, name = "reflection"),
    @JsonSubTypes.Type(value = Contribution.ReflectionOpened.class, name = "reflection_opened"),
    @JsonSubTypes.Type(value = Contribution.Moderation.class, name = "moderation"),
    @JsonSubTypes.Type(value = Contribution.Joined.class, name = "joined"),
})
public sealed interface Contribution {

    /** Which part of the agenda is running now; {@code previousSegmentId} guards against a stale second console. */
    record SegmentStarted(long segmentId, int plannedMinutes, boolean skippedPrevious) implements Contribution {}

    /** Adds minutes to the running segment. */
    record SegmentExtended(long segmentId, int minutes) implements Contribution {}

    /** The conversation has finished. */
    record SessionEnded() implements Contribution {}

    /** A shared moment of quiet before reflections, 30 seconds by default. */
    record SilenceStarted(int seconds) implements Contribution {}

    /** A message from the facilitator to everyone ("2 minutes left"). */
    record Announcement(String text) implements Contribution {}

    /**
     * A poll opened for votes. It carries its own definition so the log alone is enough to
     * rebuild the results and the pack, even if the agenda is edited later.
     */
    record PollOpened(String pollKey, String question, PollKind pollKind, List<String> options, boolean showResults)
            implements Contribution {}

    record PollClosed(String pollKey) implements Contribution {}

    /** Shows or hides a poll's results on participants' screens and the presenter view. */
    record PollResultsShown(String pollKey, boolean shown) implements Contribution {}

    /**
     * One person's answer to a poll: option indexes for choices, a rating, or words/text. A later
     * vote from the same person replaces the earlier one while the poll is open.
     */
    record Vote(String pollKey, List<Integer> choices, Integer rating, String text) implements Contribution {}

    /** A chat message to everyone, or a question for the host when {@code question} is true. */
    record Message(String text, boolean question, boolean anonymous) implements Contribution {}

    /** One person's support for a question (at most one counts per person). */
    record Upvote(long questionSeq) implements Contribution {}

    /** How a question was answered: live, later, or in the recording at a time stamp like 48:40. */
    record AnswerStatus(long questionSeq, Answer answer, String recordingAt) implements Contribution {}

    /** A prompt for reflections opened on everyone's screen. */
    record ReflectionOpened(String promptKey, String prompt) implements Contribution {}

    /** A person's answer to a reflection prompt. */
    record Reflection(String promptKey, String text, boolean anonymous) implements Contribution {}

    /** Hides an entry (with a reason) or, by its author, withdraws it; it stays in the log but is never shown. */
    record Moderation(long targetSeq, ModerationAction action, String reason) implements Contribution {}

    /** A participant arrived (for "who is here"). */
    record Joined(String sector) implements Contribution {}

    /** The kinds of poll. */
    enum PollKind {
        single_choice,
        multiple_choice,
        rating,
        word_cloud,
        open_text
    }

    /** How a question was dealt with. */
    enum Answer {
        live,
        later,
        recording,
        unanswered
    }

    enum ModerationAction {
        hide,
        unhide,
        withdraw
    }
}
