package app.cairn.rooms;

import app.cairn.live.LivePlan;
import app.cairn.live.Participant;
import app.cairn.live.RoomsState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * What pages and the API show of breakout rooms: a snapshot of one round, taken under the live
 * state's read lock, with people's names filled in. Quotes in notes are unattributed in the pack;
 * here the room sees who wrote what, as in any shared document.
 */
public record RoomsView(long round, Long segmentId, String strategy, Instant openedAt, int minutes, Instant endsAt,
        boolean closed, Instant closedAt, String broadcast, Long broadcastSeq, int people, List<RoomView> rooms) {

    public record RoomView(int number, String name, String video, boolean videoIsLink, List<MemberView> members,
            List<NoteView> notes, List<ChatView> chat, MemberView rapporteur, List<String> themes, long changedSeq) {
        public String memberNames() {
            return Names.list(members.stream().map(MemberView::name).toList());
        }
    }

    public record MemberView(long id, String name, String organisation) {}

    public record NoteView(long seq, String author, String text, Instant at, boolean edited, boolean byHost) {}

    public record ChatView(long seq, String author, String text, Instant at, boolean byHost) {}

    /** Builds the view of a round; call under the state's read lock. */
    static RoomsView of(RoomsState.Round r, Map<Long, Participant> people, LongFunction<String> organisers) {
        List<RoomView> rooms = new ArrayList<>();
        for (RoomsState.Room room : r.rooms()) rooms.add(room(room, people, organisers));
        return new RoomsView(r.seq, r.segmentId, r.strategy, r.openedAt, r.minutes(), r.openedAt.plusSeconds(60L * r.minutes()),
                r.closed(), r.closedAt(), r.broadcast().map(RoomsState.Broadcast::text).orElse(null),
                r.broadcast().map(RoomsState.Broadcast::seq).orElse(null), r.people(), rooms);
    }

    static RoomView room(RoomsState.Room room, Map<Long, Participant> people, LongFunction<String> organisers) {
        List<MemberView> members = room.members().stream().map(id -> member(id, people)).toList();
        List<NoteView> notes = room.notes().stream().map(n -> new NoteView(n.seq(), author(n.participantId(), n.accountId(),
                people, organisers), n.text(), n.at(), n.edited(), n.accountId() != null)).toList();
        List<ChatView> chat = room.chat().stream().map(c -> new ChatView(c.seq(), author(c.participantId(), c.accountId(),
                people, organisers), c.text(), c.at(), c.accountId() != null)).toList();
        String video = room.video == null ? "" : room.video;
        return new RoomView(room.number, room.name, video, VideoLinks.isWebLink(video), members, notes, chat,
                room.rapporteur().map(id -> member(id, people)).orElse(null), room.themes(), room.changedSeq());
    }

    private static MemberView member(long id, Map<Long, Participant> people) {
        Participant p = people.get(id);
        return p == null ? new MemberView(id, "Someone", "") : new MemberView(id, p.name(), p.organisation());
    }

    private static String author(Long participantId, Long accountId, Map<Long, Participant> people, LongFunction<String> organisers) {
        if (accountId != null) return organisers.apply(accountId) + " (host)";
        Participant p = participantId == null ? null : people.get(participantId);
        return p == null ? "Someone" : p.name();
    }

    /** The prompts of the segment the rooms are for, numbered in the page. */
    static List<String> prompts(LivePlan plan, Long segmentId) {
        if (segmentId == null) return List.of();
        return plan.segment(segmentId).map(LivePlan.Segment::prompts).orElse(List.of());
    }

    /** "Aileen, Tom and Priya". */
    static final class Names {
        private Names() {}

        static String list(List<String> names) {
            if (names.isEmpty()) return "";
            if (names.size() == 1) return names.get(0);
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }
    }
}
