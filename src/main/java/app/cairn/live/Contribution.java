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
    @JsonSubTypes.Type(value = Contribution.RoomsOpened.class, name = "rooms_opened"),
    @JsonSubTypes.Type(value = Contribution.RoomMoves.class, name = "room_moves"),
    @JsonSubTypes.Type(value = Contribution.RoomNote.class, name = "room_note"),
    @JsonSubTypes.Type(value = Contribution.RoomNoteEdited.class, name = "room_note_edited"),
    @JsonSubTypes.Type(value = Contribution.RapporteurVolunteered.class, name = "rapporteur_volunteered"),
    @JsonSubTypes.Type(value = Contribution.RoomMessage.class, name = "room_message"),
    @JsonSubTypes.Type(value = Contribution.RoomsBroadcast.class, name = "rooms_broadcast"),
    @JsonSubTypes.Type(value = Contribution.RoomsExtended.class, name = "rooms_extended"),
    @JsonSubTypes.Type(value = Contribution.RoomsClosed.class, name = "rooms_closed"),
    @JsonSubTypes.Type(value = Contribution.RoomThemes.class, name = "room_themes"),
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

    // Breakout rooms. A set of rooms is a "round", named by the sequence number of its RoomsOpened entry.

    /** Breakout rooms opened for a segment: who is in which room, and each room's video link or call-room name. */
    record RoomsOpened(Long segmentId, String strategy, int minutes, List<BreakoutRoom> rooms) implements Contribution {}

    /** One room as opened: its number (from 1), name, video link or breakout name in the call, and members. */
    record BreakoutRoom(int number, String name, String video, List<Long> members) {}

    /** People moved between rooms (by hand, a rebalance), or a late joiner placed ({@code fromRoom} null). */
    record RoomMoves(long round, List<RoomMove> moves, String reason) implements Contribution {}

    record RoomMove(long participantId, Integer fromRoom, int toRoom) {}

    /** A line added to a room's shared notes. */
    record RoomNote(long round, int room, String text) implements Contribution {}

    /** A room note rewritten; the earlier text stays in the log. */
    record RoomNoteEdited(long noteSeq, String text) implements Contribution {}

    /** A participant offers to report back for their room. */
    record RapporteurVolunteered(long round, int room) implements Contribution {}

    /** A chat message seen only in one room. */
    record RoomMessage(long round, int room, String text) implements Contribution {}

    /** A message from the facilitator to every room ("2 minutes left"). */
    record RoomsBroadcast(long round, String text) implements Contribution {}

    /** More time for the rooms. */
    record RoomsExtended(long round, int minutes) implements Contribution {}

    /** The rooms are closed; their notes, chat and themes are kept. */
    record RoomsClosed(long round) implements Contribution {}

    /** A room's top themes (up to three) for the whole-group report-back; a later set replaces it. */
    record RoomThemes(long round, int room, List<String> themes) implements Contribution {}

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
