package app.cairn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cairn.live.Contribution.PollKind;
import app.cairn.live.Sequencer.Author;
import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SequencerIT {
    static final long EVENT = 7;
    static final LivePlan PLAN = new LivePlan(EVENT, "Test", 1, "c", "Europe/London", "https://example.org/rec", List.of(
            new LivePlan.Segment(1, "welcome", "Welcome", 5, "", List.of(),
                    List.of(new LivePlan.PlannedPoll("been-before", "Have you been before?", PollKind.single_choice,
                            List.of("Yes", "No")))),
            new LivePlan.Segment(2, "perspective", "Opening perspective", 10, "", List.of(), List.of())));

    static LiveService service(Database db, Sequencer sequencer) {
        return new LiveService(sequencer, new ParticipantStore(db.jdbi()), id -> Optional.of(PLAN), Clock.systemUTC(),
                mail -> {});
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void concurrent_votes_get_gapless_numbers_are_all_counted_and_survive_a_restart(Database.Vendor vendor)
            throws Exception {
        try (Database db = TestDatabases.open(vendor)) {
            List<Participant> people = new ArrayList<>();
            try (Sequencer sequencer = new Sequencer(new EventLogStore(db.jdbi()), Clock.systemUTC(), id -> {})) {
                LiveService live = service(db, sequencer);
                for (int i = 0; i < 200; i++) {
                    people.add(live.joinAsWalkin(EVENT, new LiveService.Walkin("Person " + i, "Nurse", "NHS Fife",
                            i % 2 == 0 ? "health" : "social_care")).participant());
                }
                live.openPoll(EVENT, 1, "been-before", null, true);
                ExecutorService pool = Executors.newFixedThreadPool(16);
                List<CompletableFuture<Entry>> votes = new ArrayList<>();
                for (Participant p : people) {
                    votes.add(CompletableFuture.supplyAsync(() -> live.vote(p, "been-before",
                            new LiveService.Ballot(List.of((int) (p.id() % 2)), null, null), null), pool));
                }
                for (var v : votes) v.join();
                pool.shutdown();

                LiveState s = live.state(EVENT);
                assertThat(s.appliedSeq).isEqualTo(200 + 1 + 200);
                assertThat(s.poll("been-before").votes).hasSize(200);
            }
            List<Long> seqs = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT seq FROM event_log WHERE event_id = :e ORDER BY seq")
                    .bind("e", EVENT).mapTo(Long.class).list());
            for (int i = 0; i < seqs.size(); i++) assertThat(seqs.get(i)).isEqualTo(i + 1L);

            try (Sequencer restarted = new Sequencer(new EventLogStore(db.jdbi()), Clock.systemUTC(), id -> {})) {
                LiveState replayed = service(db, restarted).state(EVENT);
                assertThat(replayed.appliedSeq).isEqualTo(401);
                assertThat(replayed.poll("been-before").votes).hasSize(200);
                assertThat(replayed.presentCount()).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_vote_on_a_closed_poll_or_a_missing_option_is_refused_and_nothing_is_saved(Database.Vendor vendor) {
        try (Database db = TestDatabases.open(vendor);
                Sequencer sequencer = new Sequencer(new EventLogStore(db.jdbi()), Clock.systemUTC(), id -> {})) {
            LiveService live = service(db, sequencer);
            Participant p = live.joinAsWalkin(EVENT, new LiveService.Walkin("Aileen", "", "", "")).participant();
            live.openPoll(EVENT, 1, "been-before", null, false);
            long before = live.state(EVENT).appliedSeq;

            assertThatThrownBy(() -> live.vote(p, "been-before", new LiveService.Ballot(List.of(5), null, null), null))
                    .hasMessage("That option is not in this poll.");
            live.closePoll(EVENT, 1, "been-before");
            assertThatThrownBy(() -> live.vote(p, "been-before", new LiveService.Ballot(List.of(0), null, null), null))
                    .hasMessageContaining("This poll has closed");
            assertThat(live.state(EVENT).appliedSeq).isEqualTo(before + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_stale_segment_action_from_a_second_facilitator_is_refused_with_where_things_are(Database.Vendor vendor) {
        try (Database db = TestDatabases.open(vendor);
                Sequencer sequencer = new Sequencer(new EventLogStore(db.jdbi()), Clock.systemUTC(), id -> {})) {
            LiveService live = service(db, sequencer);
            live.startSegment(EVENT, 1, 1, null, false);
            live.startSegment(EVENT, 1, 2, 1L, false);
            assertThatThrownBy(() -> live.startSegment(EVENT, 2, 2, 1L, false))
                    .hasMessageContaining("already moved the conversation on to \u201cOpening perspective\u201d");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_retried_request_with_the_same_client_key_is_stored_once(Database.Vendor vendor) {
        try (Database db = TestDatabases.open(vendor);
                Sequencer sequencer = new Sequencer(new EventLogStore(db.jdbi()), Clock.systemUTC(), id -> {})) {
            LiveService live = service(db, sequencer);
            Participant p = live.joinAsWalkin(EVENT, new LiveService.Walkin("Tom", "", "", "")).participant();
            Entry first = live.post(p, "Hello from Dundee", false, false, "key-1");
            Entry again = live.post(p, "Hello from Dundee", false, false, "key-1");
            assertThat(again.seq()).isEqualTo(first.seq());
            assertThat(live.state(EVENT).messages).hasSize(1);
        }
    }
}
