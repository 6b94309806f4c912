package app.cairn.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rooms projection, replayed from entries as the sequencer applies them. */
class RoomsStateTest {
    private final LiveState state = new LiveState(1);
    private long seq;

    private Entry by(Long participant, Long account, Contribution c) {
        Entry e = new Entry(1, ++seq, participant, account, Instant.parse("2026-11-27T10:00:00Z").plusSeconds(seq), c);
        state.apply(e);
        return e;
    }

    private long open() {
        return by(null, 9L, new Contribution.RoomsOpened(5L, "mixed", 30, List.of(
                new Contribution.BreakoutRoom(1, "Room 1", "https://meet.example/1", List.of(11L, 12L)),
                new Contribution.BreakoutRoom(2, "Room 2", "Breakout Room 2", List.of(13L, 14L))))).seq();
    }

    @Test
    void a_moved_rapporteur_stops_reporting_for_the_room_they_left_and_their_notes_stay_there() {
        long round = open();
        by(11L, null, new Contribution.RapporteurVolunteered(round, 1));
        long note = by(11L, null, new Contribution.RoomNote(round, 1, "Time to think")).seq();
        by(null, 9L, new Contribution.RoomMoves(round, List.of(new Contribution.RoomMove(11L, 1, 2)), "moved"));
        RoomsState.Round r = state.rooms().round(round).orElseThrow();
        assertThat(r.room(1).orElseThrow().rapporteur()).isEmpty();
        assertThat(r.room(1).orElseThrow().members()).containsExactly(12L);
        assertThat(r.room(2).orElseThrow().members()).containsExactly(13L, 14L, 11L);
        assertThat(r.roomOf(11L).orElseThrow().number).isEqualTo(2);
        assertThat(state.rooms().roomOfNote(note).orElseThrow().number).isEqualTo(1);
    }

    @Test
    void an_edited_note_keeps_its_place_and_author_and_closing_keeps_everything() {
        long round = open();
        long note = by(13L, null, new Contribution.RoomNote(round, 2, "Carers as visitors")).seq();
        by(14L, null, new Contribution.RoomNote(round, 2, "Rotas"));
        by(14L, null, new Contribution.RoomNoteEdited(note, "Carers as partners"));
        by(null, 9L, new Contribution.RoomsExtended(round, 5));
        by(null, 9L, new Contribution.RoomsClosed(round));
        by(13L, null, new Contribution.RoomThemes(round, 2, List.of("Partners", "Time")));
        RoomsState.Round r = state.rooms().latest().orElseThrow();
        assertThat(r.closed()).isTrue();
        assertThat(r.minutes()).isEqualTo(35);
        assertThat(state.rooms().open()).isEmpty();
        var notes = r.room(2).orElseThrow().notes();
        assertThat(notes).extracting(RoomsState.Note::text).containsExactly("Carers as partners", "Rotas");
        assertThat(notes.get(0).participantId()).isEqualTo(13L);
        assertThat(notes.get(0).edited()).isTrue();
        assertThat(r.room(2).orElseThrow().themes()).containsExactly("Partners", "Time");
    }

    @Test
    void a_stream_hears_which_rooms_changed_or_that_all_did() {
        long round = open();
        long after = seq;
        by(13L, null, new Contribution.RoomNote(round, 2, "Rotas"));
        RoomsState.Change change = state.rooms().changesAfter(after);
        assertThat(change.everyone()).isFalse();
        assertThat(change.rooms()).containsExactly(2);
        long later = seq;
        by(null, 9L, new Contribution.RoomsBroadcast(round, "2 minutes left"));
        assertThat(state.rooms().changesAfter(later).everyone()).isTrue();
        assertThat(state.rooms().changesAfter(seq)).isNull();
        assertThat(state.rooms().changesAfter(0).everyone()).isTrue();
    }
}
