package app.cairn.registration;

import app.cairn.account.AccountService;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.event.EventInput;
import app.cairn.event.EventPlan;
import app.cairn.store.Database;
import app.cairn.testing.MutableClock;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Set-up shared by the registration tests: a server on a clock the test moves, an organiser, a community. */
final class RegistrationTesting {
    static final String PASSWORD = "correct horse battery";

    record World(TestServer server, MutableClock clock, long organiser, Community community) implements AutoCloseable {
        RegistrationService registrations() {
            return server.services().registrations();
        }

        /** Plans a one-hour conversation {@code daysAhead} days from the clock's today, at 10:00 in {@code zone}. */
        EventPlan event(String title, int daysAhead, String zone, Integer capacity) {
            LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneId.of(zone)).plusDays(daysAhead);
            return server.services().events().create(organiser, community.id(), "diy-1-hour", new EventInput(title,
                    "To talk about " + title.toLowerCase(java.util.Locale.ROOT) + ".", EventInput.DateInput.iso(day.toString()),
                    "10:00", zone, List.of(new EventInput.HostInput("Dr Eilidh Morrison", "Director of Nursing", "NHS Tayside")),
                    "", "hello@care-leaders.example", capacity == null ? "" : capacity.toString()));
        }

        RegistrationService.Outcome register(EventPlan plan, RegistrationInput input) {
            return registrations().register(community.slug(), plan.event().slug(), input, "form");
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private RegistrationTesting() {}

    static World world(Database.Vendor vendor) {
        MutableClock clock = MutableClock.startingNow();
        TestServer server = TestServer.start(TestDatabases.open(vendor), clock, Map.of());
        long organiser = server.services().accounts()
                .signUp(new AccountService.SignUp("Aileen Grant", "aileen@care-leaders.example", PASSWORD), true).id();
        Community c = server.services().communities().create(organiser,
                new CommunityService.Details("Care Leaders", "", "hello@care-leaders.example", "CL"));
        return new World(server, clock, organiser, c);
    }

    static RegistrationInput person(String name, String email, String organisation) {
        return new RegistrationInput(name, email, "Charge Nurse", organisation, "", "", "", Map.of(), true);
    }

    static RegistrationInput person(String name, String email, String organisation, String sector) {
        return new RegistrationInput(name, email, "Social Worker", organisation, sector, "", "", Map.of(), true);
    }
}
