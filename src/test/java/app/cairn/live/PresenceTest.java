package app.cairn.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who is present and from which sector, as people join (the count every stream update carries). */
class PresenceTest {
    private final LiveState state = new LiveState(1);
    private final LiveViews views = new LiveViews(id -> null, id -> "Host");
    private long seq;

    private void apply(Long participant, Contribution c) {
        state.apply(new Entry(1, ++seq, participant, participant == null ? 9L : null,
                Instant.parse("2026-11-27T10:00:00Z").plusSeconds(seq), c));
    }

    @Test
    void sectors_are_counted_once_per_person_and_follow_a_changed_answer() {
        apply(11L, new Contribution.Joined("health"));
        apply(12L, new Contribution.Joined("health"));
        apply(13L, new Contribution.Joined(""));
        apply(14L, new Contribution.Joined(null));
        // The same person on a second device, now saying social care: counted once, in their new sector.
        apply(12L, new Contribution.Joined("social_care"));

        LiveViews.Now now = views.now(state);
        assertThat(now.present()).isEqualTo(4);
        assertThat(now.sectors()).containsExactly(Map.entry("health", 1), Map.entry("social_care", 1),
                Map.entry("unknown", 2));
    }

    @Test
    void joins_move_only_presence_so_streams_can_wait_to_hear_of_them() {
        apply(null, new Contribution.Announcement("Welcome"));
        long announced = seq;
        apply(11L, new Contribution.Joined("health"));
        apply(12L, new Contribution.Joined("health"));
        assertThat(state.otherChangedSeq).isEqualTo(announced);
        assertThat(state.presenceChangedSeq).isEqualTo(seq);
        apply(null, new Contribution.Announcement("Starting now"));
        assertThat(state.otherChangedSeq).isEqualTo(seq);
    }
}
