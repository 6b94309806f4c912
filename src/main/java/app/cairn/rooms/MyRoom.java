package app.cairn.rooms;

import app.cairn.common.Invalid;
import app.cairn.live.Contribution;
import app.cairn.live.Entry;
import app.cairn.live.LiveService;
import app.cairn.live.LiveState;
import app.cairn.live.Participant;
import app.cairn.live.RoomsState;
import app.cairn.live.Sequencer.Author;
import java.util.List;
import java.util.Optional;

/**
 * What a participant does in their own breakout room: finding it (a late joiner is placed in the
 * smallest), adding to and changing its notes, its chat, volunteering to report back, and its
 * themes. Each is checked, as it is numbered, against the room they are in then.
 */
final class MyRoom {
    private final LiveService live;

    MyRoom(LiveService live) {
        this.live = live;
    }

    /**
     * The room a participant is in while rooms are open. Someone who joined after the rooms opened
     * goes to the smallest room (the first of equals); someone returning finds their room again.
     */
    public Optional<RoomsState.Room> placeIfLate(Participant p) {
        LiveState state = live.state(p.eventId());
        record Where(Long round, Integer room, Integer smallest) {}
        Where w = state.read(s -> s.rooms().open().map(r -> new Where(r.seq,
                r.roomOf(p.id()).map(x -> x.number).orElse(null),
                RoomAssigner.smallest(r.rooms().stream().map(x -> x.members().size()).toList()) + 1))
                .orElse(new Where(null, null, null)));
        if (w.round() == null) return Optional.empty();
        if (w.room() == null) {
            try {
                live.contribute(p.eventId(), new Contribution.RoomMoves(w.round(),
                                List.of(new Contribution.RoomMove(p.id(), null, w.smallest())), "joined"),
                        Author.participant(p.id()), "room-join-" + w.round() + "-" + p.id(), s -> {
                            String problem = RoomsService.openRound(s, w.round());
                            if (problem != null) return problem;
                            return s.rooms().round(w.round()).orElseThrow().roomOf(p.id()).isPresent() ? "already placed" : null;
                        });
            } catch (app.cairn.live.Sequencer.Refused e) {
                // Another request placed them first, or the rooms just closed: either way, read what is there now.
            }
        }
        return state.read(s -> s.rooms().open().flatMap(r -> r.roomOf(p.id())));
    }

    // Participants in their room

    public Entry note(Participant p, String text, String clientKey) {
        String t = RoomsService.text(text, "note", "Write something for the room's notes", RoomsService.MAX_NOTE);
        Mine mine = mine(p);
        return live.contribute(p.eventId(), new Contribution.RoomNote(mine.round(), mine.room(), t), Author.participant(p.id()),
                clientKey, s -> stillIn(s, p, mine, "your note was not added"));
    }

    public Entry editNote(Participant p, long noteSeq, String text) {
        String t = RoomsService.text(text, "note", "Write something for the room's notes", RoomsService.MAX_NOTE);
        Mine mine = mine(p);
        return live.contribute(p.eventId(), new Contribution.RoomNoteEdited(noteSeq, t), Author.participant(p.id()), null, s -> {
            String problem = stillIn(s, p, mine, "your change was not saved");
            if (problem != null) return problem;
            return s.rooms().roomOfNote(noteSeq).map(r -> r.number == mine.room()).orElse(false)
                    ? null : "That note is not in your room.";
        });
    }

    public Entry chat(Participant p, String text, String clientKey) {
        String t = RoomsService.text(text, "message", "Enter a message for your room", RoomsService.MAX_CHAT);
        Mine mine = mine(p);
        return live.contribute(p.eventId(), new Contribution.RoomMessage(mine.round(), mine.room(), t),
                Author.participant(p.id()), clientKey, s -> stillIn(s, p, mine, "your message was not sent"));
    }

    public Entry volunteer(Participant p) {
        Mine mine = mine(p);
        return live.contribute(p.eventId(), new Contribution.RapporteurVolunteered(mine.round(), mine.room()),
                Author.participant(p.id()), null, s -> {
                    String problem = stillIn(s, p, mine, "you were not made the rapporteur");
                    if (problem != null) return problem;
                    RoomsState.Room room = s.rooms().round(mine.round()).orElseThrow().room(mine.room()).orElseThrow();
                    if (room.rapporteur().map(id -> id == p.id()).orElse(false)) return "You are already this room's rapporteur.";
                    return room.rapporteur().isPresent() ? "Someone in your room has already volunteered to report back." : null;
                });
    }

    /** A room's top three themes, from one of its members (usually the rapporteur), while open or after closing. */
    public Entry themes(Participant p, List<String> themes) {
        List<String> clean = RoomsService.themes(themes);
        Mine mine = latestRoom(p).orElseThrow(() -> Invalid.field("themes", "You are not in a breakout room"));
        return live.contribute(p.eventId(), new Contribution.RoomThemes(mine.round(), mine.room(), clean),
                Author.participant(p.id()), null, s -> {
                    var r = s.rooms().round(mine.round()).flatMap(x -> x.roomOf(p.id()));
                    return r.map(x -> x.number == mine.room()).orElse(false) ? null : "You are no longer in that room.";
                });
    }

    private record Mine(long round, int room) {}

    private Mine mine(Participant p) {
        return live.state(p.eventId()).read(s -> s.rooms().open()
                        .flatMap(r -> r.roomOf(p.id()).map(room -> new Mine(r.seq, room.number))))
                .orElseThrow(() -> new app.cairn.live.Sequencer.Refused("The breakout rooms are closed."));
    }

    private Optional<Mine> latestRoom(Participant p) {
        return live.state(p.eventId()).read(s -> s.rooms().latest()
                .flatMap(r -> r.roomOf(p.id()).map(room -> new Mine(r.seq, room.number))));
    }

    private static String stillIn(LiveState s, Participant p, Mine mine, String what) {
        Optional<RoomsState.Round> open = s.rooms().open();
        if (open.isEmpty() || open.get().seq != mine.round()) return "The breakout rooms have closed, so " + what + ".";
        Optional<RoomsState.Room> now = open.get().roomOf(p.id());
        if (now.isEmpty() || now.get().number != mine.room()) {
            return "You have been moved to " + now.map(r -> r.name).orElse("another room") + ", so " + what + ".";
        }
        return null;
    }
}
