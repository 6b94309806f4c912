package app.cairn.registration;

import static app.cairn.registration.RegistrationTesting.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cairn.insights.Series;

import app.cairn.common.Conflict;
import app.cairn.common.Invalid;
import app.cairn.registration.Registration.Status;
import app.cairn.store.Database;
import app.cairn.testing.Mails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Registration's service and store on both databases. */
class RegistrationServiceIT {

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_same_email_in_any_case_updates_the_registration_and_stays_one_person(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Leading with compassion", 14, "Europe/London", null);
            var first = w.register(event, person("Priya Sharma", "priya@nhs.example", "Nhs tayside"));
            var again = w.register(event, person("Priya Sharma-Reid", "PRIYA@NHS.example", "NHS Tayside - Ninewells"));

            assertThat(first.updated()).isFalse();
            assertThat(again.updated()).isTrue();
            assertThat(again.registration().id()).isEqualTo(first.registration().id());
            assertThat(again.registration().name()).isEqualTo("Priya Sharma-Reid");
            var roster = w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none());
            assertThat(roster.total()).isEqualTo(1);
            // Both spellings matched the directory, so the sector came from it.
            assertThat(roster.rows().get(0).organisation()).isEqualTo("NHS Tayside");
            assertThat(roster.rows().get(0).registration().sector()).isEqualTo("health");
            assertThat(Mails.subjectsTo(w.server(), "priya@nhs.example"))
                    .containsExactly("You have a place: Leading with compassion");
            assertThat(Mails.subjectsTo(w.server(), "PRIYA@NHS.example"))
                    .containsExactly("Your registration is updated: Leading with compassion");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_full_event_has_a_waiting_list_that_moves_up_in_order_when_someone_cancels(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Small team conversation", 10, "Europe/London", 2);
            var aileen = w.register(event, person("Aileen", "aileen@x.example", "NHS Fife"));
            w.register(event, person("Tom", "tom@x.example", "NHS Fife"));
            var callum = w.register(event, person("Callum", "callum@x.example", "NHS Fife"));
            var morag = w.register(event, person("Morag", "morag@x.example", "NHS Fife"));

            assertThat(callum.waiting()).isTrue();
            assertThat(callum.waitingPosition()).isEqualTo(1);
            assertThat(morag.waitingPosition()).isEqualTo(2);
            assertThat(Mails.subjectsTo(w.server(), "callum@x.example")).containsExactly("You are on the waiting list: Small team conversation");
            assertThat(w.registrations().publicEvent(w.community().slug(), event.event().slug()).state())
                    .isEqualTo(RegistrationService.State.FULL);
            // Nobody on the waiting list has a personal link to join yet.
            assertThat(w.registrations().ticket(callum.token())).isEmpty();

            w.registrations().cancel(aileen.token());

            var roster = w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none());
            assertThat(roster.counts()).containsEntry(Status.CONFIRMED, 2).containsEntry(Status.WAITING, 1)
                    .containsEntry(Status.CANCELLED, 1);
            assertThat(statusOf(roster, "callum@x.example")).isEqualTo(Status.CONFIRMED);
            assertThat(statusOf(roster, "morag@x.example")).isEqualTo(Status.WAITING);
            assertThat(Mails.subjectsTo(w.server(), "callum@x.example")).last().isEqualTo("A place has come up for you: Small team conversation");
            assertThat(Mails.subjectsTo(w.server(), "aileen@x.example")).last().isEqualTo("Your place is cancelled: Small team conversation");
            assertThat(w.registrations().ticket(callum.token())).get().satisfies(t -> {
                assertThat(t.name()).isEqualTo("Callum");
                assertThat(t.eventId()).isEqualTo(event.event().id());
                assertThat(t.organisation()).isEqualTo("NHS Fife");
                assertThat(t.sector()).isEqualTo("health");
            });
            assertThat(w.registrations().ticket(aileen.token())).isEmpty();
            // Cancelling twice changes nothing.
            w.registrations().cancel(aileen.token());
            assertThat(statusOf(w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none()),
                    "morag@x.example")).isEqualTo(Status.WAITING);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void two_people_racing_for_the_last_place_get_one_place_and_one_waiting(Database.Vendor vendor) throws Exception {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("One place left", 5, "UTC", 1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RegistrationService.Outcome>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    return w.register(event, person("Racer " + n, "racer" + n + "@x.example", "NHS Fife"));
                }));
            }
            go.countDown();
            int confirmed = 0;
            for (var f : results) if (!f.get().waiting()) confirmed++;
            pool.shutdown();
            assertThat(confirmed).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void closed_cancelled_and_past_events_take_no_registrations_and_say_why(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Closing soon", 3, "Europe/London", null);
            w.registrations().updateSettings(w.organiser(), event.event().id(), false, true, true);
            assertThatThrownBy(() -> w.register(event, person("Tom", "tom@x.example", "NHS Fife")))
                    .isInstanceOf(Conflict.class).hasMessage("Registration for this conversation is closed.");

            var cancelled = w.event("Called off", 3, "Europe/London", null);
            w.server().services().events().cancel(w.organiser(), cancelled.event().id());
            assertThatThrownBy(() -> w.register(cancelled, person("Tom", "tom@x.example", "NHS Fife")))
                    .isInstanceOf(Conflict.class).hasMessageContaining("cancelled");

            var past = w.event("Last week", -7, "Europe/London", null);
            assertThatThrownBy(() -> w.register(past, person("Tom", "tom@x.example", "NHS Fife")))
                    .isInstanceOf(Conflict.class).hasMessageContaining("already taken place");
            assertThat(w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none()).total()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void bad_input_is_refused_field_by_field_and_nothing_is_saved(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Questions", 3, "Europe/London", null);
            var q = w.registrations().addQuestion(w.organiser(), event.event().id(),
                    new RegistrationService.QuestionInput("single_choice", "Which breakout would you like?", "", true,
                            List.of("Self-compassion", "Team reflection")));
            var input = new RegistrationInput("", "not-an-email", "x".repeat(201), "Glenview Road Medical Practice", "",
                    "q".repeat(1001), "", Map.of(q.id(), List.of("Something else")), false);
            assertThatThrownBy(() -> w.register(event, input)).isInstanceOfSatisfying(Invalid.class, e ->
                    assertThat(e.fields()).containsEntry("name", "Enter your name")
                            .containsEntry("email", "Enter an email address in the correct format, like name@example.org")
                            .containsEntry("role", "Role must be 200 characters or fewer")
                            .containsEntry("sector", "Choose the sector you work in")
                            .containsEntry("oneQuestion", "Your question must be 1000 characters or fewer")
                            .containsEntry(q.field(), "Choose one answer to ‘Which breakout would you like?’ from the list")
                            .containsEntry("consent", "Tick the box to say you agree to how Care Leaders will use your details"));
            var missing = new RegistrationInput("Tom", "tom@x.example", "Nurse", "NHS Fife", "", "", "", Map.of(), true);
            assertThatThrownBy(() -> w.register(event, missing)).isInstanceOfSatisfying(Invalid.class, e ->
                    assertThat(e.fields()).containsOnlyKeys(q.field()));
            assertThat(w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none()).total()).isZero();
            assertThat(Mails.to(w.server(), "tom@x.example")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void people_back_from_an_earlier_event_are_returning_and_merges_count_everywhere(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var first = w.event("First", 5, "Europe/London", null);
            var second = w.event("Second", 12, "Europe/London", null);
            w.register(first, person("Aileen", "aileen@x.example", "Strathmore Care Homes Ltd", "social_care"));
            w.register(first, person("Tom", "tom@x.example", "NHS Fife"));
            w.register(second, person("Aileen", "Aileen@X.example", "Strathmore Care Homes", "social_care"));
            w.register(second, person("Zainab", "zainab@x.example", "NHS Borders"));

            var roster = w.registrations().roster(w.organiser(), second.event().id(), Roster.Filter.none());
            assertThat(roster.returning()).isEqualTo(1);
            assertThat(roster.fresh()).isEqualTo(1);
            var returning = w.registrations().roster(w.organiser(), second.event().id(),
                    new Roster.Filter("", "", "", "returning", ""));
            assertThat(returning.rows()).extracting(r -> r.registration().name()).containsExactly("Aileen");

            var insights = w.server().services().insights().series(w.organiser(), w.community().id());
            assertThat(insights.events()).extracting(Series.EventReach::newOrganisations).containsExactly(2, 2);

            var orgs = w.server().services().organisations();
            long full = idOf(orgs.used(w.organiser(), w.community().id()), "Strathmore Care Homes Ltd");
            long variant = idOf(orgs.used(w.organiser(), w.community().id()), "Strathmore Care Homes");
            orgs.merge(w.organiser(), w.community().id(), List.of(variant), full);

            insights = w.server().services().insights().series(w.organiser(), w.community().id());
            assertThat(insights.events()).extracting(Series.EventReach::newOrganisations).containsExactly(2, 1);
            assertThat(insights.organisations()).isEqualTo(3);
            roster = w.registrations().roster(w.organiser(), second.event().id(), Roster.Filter.none());
            assertThat(roster.rows()).extracting(Roster.Row::organisation).contains("Strathmore Care Homes Ltd");
            // The merge is remembered: the next person typing that spelling is counted as the same organisation.
            var third = w.register(second, person("Hamish", "hamish@x.example", "strathmore care homes", "social_care"));
            assertThat(third.registration().organisationId()).isEqualTo(full);
            // Directory organisations can be merged into, but not away.
            long tayside = orgs.match(w.community().id(), "NHS Fife").orElseThrow().id();
            assertThatThrownBy(() -> orgs.merge(w.organiser(), w.community().id(), List.of(tayside), full))
                    .isInstanceOf(Invalid.class).hasMessageContaining("directory");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void reminders_go_once_each_even_with_two_nodes_and_only_when_switched_on(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Reminded", 3, "UTC", null);
            var quiet = w.event("Quiet", 3, "UTC", null);
            w.registrations().updateSettings(w.organiser(), quiet.event().id(), true, false, false);
            w.register(event, person("Aileen", "aileen@x.example", "NHS Fife"));
            w.register(quiet, person("Tom", "tom@x.example", "NHS Fife"));
            var nodeA = new Reminders(w.registrations(), w.clock(), Duration.ofHours(1));
            var nodeB = new Reminders(w.registrations(), w.clock(), Duration.ofHours(1));

            assertThat(nodeA.sendDue() + nodeB.sendDue()).isZero();
            // A day before: the day-before reminder, once.
            w.clock().advance(Duration.between(w.clock().instant(), event.event().start().toInstant().minus(Duration.ofHours(23))));
            w.register(event, person("Late Larry", "larry@x.example", "NHS Fife"));
            assertThat(nodeA.sendDue() + nodeB.sendDue()).isEqualTo(1);
            assertThat(nodeA.sendDue() + nodeB.sendDue()).isZero();
            assertThat(Mails.subjectsTo(w.server(), "aileen@x.example")).last().isEqualTo("Tomorrow: Reminded");
            // An hour before: both Aileen and Larry (who registered after the day-before one) hear once more.
            w.clock().advance(Duration.ofHours(22).plusMinutes(30));
            assertThat(nodeA.sendDue() + nodeB.sendDue()).isEqualTo(2);
            assertThat(Mails.subjectsTo(w.server(), "larry@x.example")).last().isEqualTo("Starting in an hour: Reminded");
            assertThat(Mails.latestTo(w.server(), "larry@x.example")).contains("/j/").contains("/cancel");
            assertThat(Mails.subjectsTo(w.server(), "tom@x.example")).hasSize(1);
            // After it starts nothing more is sent.
            w.clock().advance(Duration.ofHours(2));
            assertThat(nodeA.sendDue()).isZero();
        }
    }

    private static long idOf(List<OrganisationService.Used> used, String name) {
        return used.stream().filter(u -> u.organisation().name().equals(name)).findFirst().orElseThrow().organisation().id();
    }

    private static Status statusOf(Roster roster, String email) {
        return roster.rows().stream().filter(r -> r.registration().email().equals(email)).findFirst().orElseThrow()
                .registration().status();
    }
}
