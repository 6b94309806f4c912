package app.cairn.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cairn.account.AccountService;
import app.cairn.common.Conflict;
import app.cairn.common.Forbidden;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.config.InstanceSettings;
import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The event service and its store on a real database, without a web server. */
class EventServiceIT {
    static final Clock NOW = Clock.fixed(Instant.parse("2027-03-01T09:00:00Z"), ZoneOffset.UTC);

    record World(Database db, AccountService accounts, CommunityService communities, EventService events,
            AgendaService agendas, long aileen, Community community) implements AutoCloseable {
        long account(String name, String email) {
            return accounts.signUp(new AccountService.SignUp(name, email, "correct horse battery"), true).id();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    static World world(Database.Vendor vendor) {
        Database db = TestDatabases.open(vendor);
        var accounts = new AccountService(db.jdbi(), new InstanceSettings(db.jdbi()), NOW);
        var communities = new CommunityService(db.jdbi(), NOW);
        var events = new EventService(db.jdbi(), communities, new TemplateService(db.jdbi(), communities, NOW), NOW);
        long aileen = accounts.signUp(new AccountService.SignUp("Aileen Grant", "aileen@example.org", "correct horse battery"), false).id();
        Community c = communities.create(aileen, new CommunityService.Details("Care Leaders", "", "", ""));
        return new World(db, accounts, communities, events, new AgendaService(db.jdbi(), events, communities, NOW), aileen, c);
    }

    static EventInput input(String title, String date, String time, String zone) {
        return new EventInput(title, "", EventInput.DateInput.iso(date), time, zone, List.of(), "", "", "");
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void an_event_reads_back_exactly_as_saved(Database.Vendor vendor) {
        try (World w = world(vendor)) {
            EventPlan p = w.events().create(w.aileen(), w.community().id(), "community-conversation-2-hours", new EventInput(
                    "Late night shift conversation", "Hear from the night teams.", EventInput.DateInput.iso("2027-03-27"),
                    "23:30", "Europe/London",
                    List.of(new EventInput.HostInput("Dr Jane Smith", "Director of Nursing", "NHS Tayside"),
                            new EventInput.HostInput("Tom Reid", "", "")),
                    "https://video.example.org/r", "", ""));
            Event e = w.events().get(w.aileen(), p.event().id()).event();
            assertThat(e.startTime()).isEqualTo(LocalTime.of(23, 30));
            assertThat(e.capacity()).isNull();
            assertThat(e.hosts()).extracting(Host::line).containsExactly("Dr Jane Smith, Director of Nursing, NHS Tayside", "Tom Reid");
            assertThat(e.version()).isEqualTo(1);
            EventPlan plan = w.events().get(w.aileen(), e.id());
            Schedule s = plan.schedule();
            // 23:30 GMT on the 27th plus two hours crosses midnight and the clocks going forward.
            assertThat(s.label(s.end())).isEqualTo("02:30 BST Sun 28 Mar");
            assertThat(plan.segments().get(0).polls().get(0).options()).containsExactly("Yes", "No");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void segments_and_polls_keep_their_ids_through_edits(Database.Vendor vendor) {
        try (World w = world(vendor)) {
            long id = w.events().create(w.aileen(), w.community().id(), "community-conversation-2-hours",
                    input("Ids", "2027-04-06", "10:00", "Europe/London")).event().id();
            List<Segment> before = w.events().get(w.aileen(), id).segments();
            Segment evaluation = before.get(5);
            long recommend = evaluation.polls().get(0).id();

            w.agendas().moveSegment(w.aileen(), id, evaluation.id(), AgendaService.Direction.UP);
            w.agendas().retime(w.aileen(), id, java.util.Map.of(evaluation.id(), "12"));
            SegmentInput edit = SegmentInput.of(w.events().get(w.aileen(), id).segments().get(4));
            var polls = new java.util.ArrayList<>(edit.polls());
            polls.remove(2);
            polls.add(new SegmentInput.PollInput(null, "One word for today?", "word_cloud", List.of()));
            w.agendas().updateSegment(w.aileen(), id, evaluation.id(), new SegmentInput(edit.id(), edit.kind(), edit.title(),
                    edit.minutes(), edit.guidance(), edit.prompts(), polls));

            List<Segment> after = w.events().get(w.aileen(), id).segments();
            assertThat(after).extracting(Segment::id).containsExactly(before.get(0).id(), before.get(1).id(), before.get(2).id(),
                    before.get(3).id(), evaluation.id(), before.get(4).id());
            assertThat(after.get(4).minutes()).isEqualTo(12);
            assertThat(after.get(4).polls()).extracting(Poll::question).containsExactly(
                    "Would you recommend an event like this to a colleague?", "Overall, how would you score this event out of 5?",
                    "One word for today?");
            assertThat(after.get(4).polls().get(0).id()).isEqualTo(recommend);
            assertThat(w.events().get(w.aileen(), id).event().version()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_change_made_from_a_stale_version_is_refused(Database.Vendor vendor) {
        try (World w = world(vendor)) {
            EventPlan p = w.events().create(w.aileen(), w.community().id(), "diy-1-hour", input("Stale", "2027-04-06", "10:00", "UTC"));
            long id = p.event().id();
            w.events().update(w.aileen(), id, input("Fresh", "2027-04-06", "10:00", "UTC"), 1);
            assertThatThrownBy(() -> w.events().update(w.aileen(), id, input("Stale again", "2027-04-06", "10:00", "UTC"), 1))
                    .isInstanceOf(Conflict.class);
            var segments = p.segments().stream().map(SegmentInput::of).toList();
            assertThatThrownBy(() -> w.agendas().replaceAgenda(w.aileen(), id, segments, 1)).isInstanceOf(Conflict.class);
            assertThat(w.agendas().replaceAgenda(w.aileen(), id, segments.subList(0, 2), 2).segments()).hasSize(2);
            assertThat(w.events().get(w.aileen(), id).event().title()).isEqualTo("Fresh");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void cancelling_keeps_the_event_and_restoring_undoes_it(Database.Vendor vendor) {
        try (World w = world(vendor)) {
            long id = w.events().create(w.aileen(), w.community().id(), "diy-1-hour",
                    input("Maybe", "2027-04-06", "10:00", "UTC")).event().id();
            assertThat(w.events().cancel(w.aileen(), id).event().cancelledAt()).isEqualTo(NOW.instant());
            assertThat(w.events().list(w.aileen(), w.community().id())).hasSize(1);
            assertThat(w.events().restore(w.aileen(), id).event().cancelled()).isFalse();
            assertThat(w.events().get(w.aileen(), id).segments()).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void upcoming_lists_only_conversations_yet_to_end_in_the_persons_communities(Database.Vendor vendor) {
        try (World w = world(vendor)) {
            w.events().create(w.aileen(), w.community().id(), "diy-1-hour", input("Last month", "2027-02-02", "10:00", "UTC"));
            // Started an hour ago and runs for two: still upcoming.
            w.events().create(w.aileen(), w.community().id(), "community-conversation-2-hours",
                    input("Happening now", "2027-03-01", "08:00", "UTC"));
            w.events().create(w.aileen(), w.community().id(), "diy-1-hour", input("Next week", "2027-03-08", "10:00", "UTC"));
            long tom = w.account("Tom Reid", "tom@example.org");
            Community other = w.communities().create(tom, new CommunityService.Details("Elsewhere", "", "", ""));
            w.events().create(tom, other.id(), "diy-1-hour", input("Not Aileen's", "2027-03-08", "10:00", "UTC"));

            assertThat(w.events().upcomingFor(w.aileen())).extracting(s -> s.event().title())
                    .containsExactly("Happening now", "Next week");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void strangers_cannot_see_and_facilitators_cannot_change(Database.Vendor vendor) {
        try (World w = world(vendor)) {
            long id = w.events().create(w.aileen(), w.community().id(), "diy-1-hour",
                    input("Ours", "2027-04-06", "10:00", "UTC")).event().id();
            long tom = w.account("Tom Reid", "tom@example.org");
            assertThatThrownBy(() -> w.events().get(tom, id)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> w.events().cancel(tom, id)).isInstanceOf(NotFound.class);
            w.db().jdbi().useHandle(h -> h.execute("INSERT INTO community_members (community_id, account_id, role, joined_at) "
                    + "VALUES (?, ?, 'facilitator', CURRENT_TIMESTAMP)", w.community().id(), tom));
            assertThat(w.events().get(tom, id).event().title()).isEqualTo("Ours");
            assertThatThrownBy(() -> w.events().cancel(tom, id)).isInstanceOf(Forbidden.class);
            assertThatThrownBy(() -> w.events().saveAsTemplate(tom, id, "Mine", "")).isInstanceOf(Forbidden.class);
            assertThatThrownBy(() -> w.events().create(tom, w.community().id(), "diy-1-hour", input("X", "2027-04-06", "10:00", "UTC")))
                    .isInstanceOf(Forbidden.class);
        }
    }
}
