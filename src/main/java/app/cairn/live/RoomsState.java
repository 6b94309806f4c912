package app.cairn.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The breakout rooms part of an event's live state, a projection of the same log: every round
 * of rooms, who is in which room, each room's notes, chat, rapporteur and themes. Closing a round
 * keeps all of it. Lives beside {@link LiveState} so the sequencer's checks see it; the rooms
 * feature reads it under the state's read lock.
 */
public final class RoomsState {
    private final Map<Long, Round> rounds = new LinkedHashMap<>();
    private final Map<Long, Room> noteRooms = new HashMap<>();
    long changedSeq;

    /** One set of rooms, opened together. */
    public static final class Round {
        public final long seq;
        public final Long segmentId;
        public final String strategy;
        public final Instant openedAt;
        int minutes;
        boolean closed;
        /** The last change that concerns every room: opening, a broadcast, more time, closing. */
        long changedSeq;
        Instant closedAt;
        Broadcast broadcast;
        final List<Room> rooms = new ArrayList<>();
        final Map<Long, Room> roomOf = new HashMap<>();

        Round(long seq, Contribution.RoomsOpened o, Instant at) {
            this.seq = seq;
            this.segmentId = o.segmentId();
            this.strategy = o.strategy();
            this.openedAt = at;
            this.minutes = o.minutes();
            this.changedSeq = seq;
        }

        public int minutes() {
            return minutes;
        }

        public boolean closed() {
            return closed;
        }

        public Instant closedAt() {
            return closedAt;
        }

        public Optional<Broadcast> broadcast() {
            return Optional.ofNullable(broadcast);
        }

        public List<Room> rooms() {
            return Collections.unmodifiableList(rooms);
        }

        public Optional<Room> room(int number) {
            return number >= 1 && number <= rooms.size() ? Optional.of(rooms.get(number - 1)) : Optional.empty();
        }

        /** The room a participant is in, if any. */
        public Optional<Room> roomOf(long participantId) {
            return Optional.ofNullable(roomOf.get(participantId));
        }

        public int people() {
            return roomOf.size();
        }
    }

    /** One room: members in the order they arrived, notes, chat, rapporteur, themes. */
    public static final class Room {
        public final int number;
        public final String name;
        public final String video;
        final Set<Long> members = new LinkedHashSet<>();
        final Map<Long, Note> notes = new LinkedHashMap<>();
        final List<ChatLine> chat = new ArrayList<>();
        Long rapporteur;
        List<String> themes = List.of();
        long changedSeq;

        Room(Contribution.BreakoutRoom r, long seq) {
            this.number = r.number();
            this.name = r.name();
            this.video = r.video();
            this.members.addAll(r.members());
            this.changedSeq = seq;
        }

        public List<Long> members() {
            return List.copyOf(members);
        }

        public List<Note> notes() {
            return List.copyOf(notes.values());
        }

        public List<ChatLine> chat() {
            return List.copyOf(chat);
        }

        public Optional<Long> rapporteur() {
            return Optional.ofNullable(rapporteur);
        }

        public List<String> themes() {
            return themes;
        }

        public long changedSeq() {
            return changedSeq;
        }
    }

    /** A line of a room's notes, as last edited. */
    public record Note(long seq, Long participantId, Long accountId, String text, Instant at, boolean edited) {}

    public record ChatLine(long seq, Long participantId, Long accountId, String text, Instant at) {}

    public record Broadcast(long seq, String text, Instant at) {}

    /** Every round, oldest first. */
    public List<Round> rounds() {
        return List.copyOf(rounds.values());
    }

    public Optional<Round> round(long seq) {
        return Optional.ofNullable(rounds.get(seq));
    }

    /** The latest round, open or closed. */
    public Optional<Round> latest() {
        Round last = null;
        for (Round r : rounds.values()) last = r;
        return Optional.ofNullable(last);
    }

    /** The round that is open now, if any. */
    public Optional<Round> open() {
        return latest().filter(r -> !r.closed);
    }

    /** The room a note was written in. */
    public Optional<Room> roomOfNote(long noteSeq) {
        return Optional.ofNullable(noteRooms.get(noteSeq));
    }

    /**
     * What changed about rooms after {@code after}: null if nothing; otherwise whether it concerns
     * everyone (a round opened, a broadcast, more time, closing, or a first look) or only some rooms
     * of the latest round, by number. A page fetches its room only when its own room changed.
     */
    public Change changesAfter(long after) {
        if (changedSeq <= after) return null;
        Round latest = latest().orElse(null);
        if (latest == null) return null;
        boolean everyone = after == 0 || latest.changedSeq > after;
        List<Integer> changed = new ArrayList<>();
        if (!everyone) for (Room r : latest.rooms) if (r.changedSeq > after) changed.add(r.number);
        if (!everyone && changed.isEmpty()) return null;
        return new Change(changedSeq, latest.seq, everyone, changed);
    }

    /** What a stream update says about rooms. */
    public record Change(long seq, long round, boolean everyone, List<Integer> rooms) {}

    /** The last sequence number that changed anything about rooms. */
    public long changedSeq() {
        return changedSeq;
    }

    /** Applies a rooms entry; false if the entry is not about rooms. */
    boolean apply(Entry e) {
        Contribution c = e.contribution();
        if (c instanceof Contribution.RoomsOpened o) {
            Round round = new Round(e.seq(), o, e.at());
            for (Contribution.BreakoutRoom r : o.rooms()) {
                Room room = new Room(r, e.seq());
                round.rooms.add(room);
                for (long id : r.members()) round.roomOf.put(id, room);
            }
            rounds.put(e.seq(), round);
        } else if (c instanceof Contribution.RoomMoves m) {
            Round round = rounds.get(m.round());
            if (round == null) return true;
            for (Contribution.RoomMove move : m.moves()) {
                Room from = round.roomOf.remove(move.participantId());
                if (from != null) {
                    from.members.remove(move.participantId());
                    if (java.util.Objects.equals(from.rapporteur, move.participantId())) from.rapporteur = null;
                    from.changedSeq = e.seq();
                }
                round.room(move.toRoom()).ifPresent(to -> {
                    to.members.add(move.participantId());
                    round.roomOf.put(move.participantId(), to);
                    to.changedSeq = e.seq();
                });
            }
        } else if (c instanceof Contribution.RoomNote n) {
            room(n.round(), n.room()).ifPresent(room -> {
                room.notes.put(e.seq(), new Note(e.seq(), e.participantId(), e.accountId(), n.text(), e.at(), false));
                noteRooms.put(e.seq(), room);
                room.changedSeq = e.seq();
            });
        } else if (c instanceof Contribution.RoomNoteEdited n) {
            Room room = noteRooms.get(n.noteSeq());
            if (room == null) return true;
            Note before = room.notes.get(n.noteSeq());
            room.notes.put(n.noteSeq(), new Note(before.seq(), before.participantId(), before.accountId(), n.text(),
                    before.at(), true));
            room.changedSeq = e.seq();
        } else if (c instanceof Contribution.RapporteurVolunteered v) {
            room(v.round(), v.room()).ifPresent(room -> {
                room.rapporteur = e.participantId();
                room.changedSeq = e.seq();
            });
        } else if (c instanceof Contribution.RoomMessage m) {
            room(m.round(), m.room()).ifPresent(room -> {
                room.chat.add(new ChatLine(e.seq(), e.participantId(), e.accountId(), m.text(), e.at()));
                room.changedSeq = e.seq();
            });
        } else if (c instanceof Contribution.RoomsBroadcast b) {
            Round round = rounds.get(b.round());
            if (round != null) {
                round.broadcast = new Broadcast(e.seq(), b.text(), e.at());
                round.changedSeq = e.seq();
            }
        } else if (c instanceof Contribution.RoomsExtended x) {
            Round round = rounds.get(x.round());
            if (round != null) {
                round.minutes += x.minutes();
                round.changedSeq = e.seq();
            }
        } else if (c instanceof Contribution.RoomsClosed x) {
            Round round = rounds.get(x.round());
            if (round != null) {
                round.closed = true;
                round.closedAt = e.at();
                round.changedSeq = e.seq();
            }
        } else if (c instanceof Contribution.RoomThemes t) {
            room(t.round(), t.room()).ifPresent(room -> {
                room.themes = List.copyOf(t.themes());
                room.changedSeq = e.seq();
            });
        } else {
            return false;
        }
        changedSeq = e.seq();
        return true;
    }

    private Optional<Room> room(long round, int number) {
        Round r = rounds.get(round);
        return r == null ? Optional.empty() : r.room(number);
    }
}
