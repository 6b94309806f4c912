package app.cairn.insights;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.account.AccountService;
import app.cairn.community.CommunityService;
import app.cairn.event.EventInput;
import app.cairn.registration.RegistrationInput;
import app.cairn.store.Database;
import app.cairn.testing.TestServer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Insights count as attended the people who joined live with their registration, and nobody else. */
class InsightsIT {
    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void people_who_joined_live_with_their_personal_link_count_as_attended(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var s = server.services();
            long organiser = s.accounts().signUp(new AccountService.SignUp("Aileen Grant", "aileen@x.example",
                    "correct horse battery"), true).id();
            var community = s.communities().create(organiser, new CommunityService.Details("Care Leaders", "", "", ""));
            var event = s.events().create(organiser, community.id(), "diy-1-hour", new EventInput("Live today", "",
                    EventInput.DateInput.iso(LocalDate.now().plusDays(1).toString()), "10:00", "UTC", List.of(), "", "", ""));
            var priya = s.registrations().register(community.slug(), event.event().slug(), new RegistrationInput("Priya",
                    "priya@x.example", "Nurse", "NHS Fife", "", "", "", Map.of(), true), "form");
            s.registrations().register(community.slug(), event.event().slug(), new RegistrationInput("Tom",
                    "tom@x.example", "Nurse", "NHS Fife", "", "", "", Map.of(), true), "form");

            var ticket = s.registrations().ticket(priya.token()).orElseThrow();
            s.live().joinFromRegistration(ticket.eventId(), ticket.registrationId(), ticket.name(), ticket.role(),
                    ticket.organisation(), ticket.sector(), ticket.email());
            s.live().joinAsWalkin(event.event().id(), new app.cairn.live.LiveService.Walkin("Walk-in Wendy", "", "", ""));

            var reach = s.insights().series(organiser, community.id()).events().get(0);
            assertThat(reach.registered()).isEqualTo(2);
            assertThat(reach.attended()).isEqualTo(1);
        }
    }
}
