package app.cairn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.registration.Registration.Status;
import app.cairn.registration.Roster;
import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegistrationDemoIT {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_demo_fills_the_registrations_and_insights_with_realistic_people_once(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), NOW, Map.of("CAIRN_DEMO", "true"))) {
            var services = server.services();
            long organiser = services.accounts().byEmail(Demo.EMAIL).orElseThrow().id();
            var community = services.communities().membershipsOf(organiser).get(0).community();
            var events = services.events().list(organiser, community.id());
            var past = services.registrations().roster(organiser, events.get(1).event().id(), Roster.Filter.none());
            var upcoming = services.registrations().roster(organiser, events.get(2).event().id(), Roster.Filter.none());

            assertThat(past.counts().get(Status.CONFIRMED)).isBetween(60, 120);
            assertThat(past.counts().get(Status.CANCELLED)).isPositive();
            assertThat(past.sectors()).containsKeys("Health care", "Social care", "Other");
            assertThat(past.answers()).isNotEmpty().allSatisfy(a -> assertThat(a.tally().values().stream()
                    .mapToInt(Integer::intValue).sum()).isPositive());
            assertThat(upcoming.counts().get(Status.CONFIRMED)).isEqualTo(12);
            assertThat(upcoming.counts().get(Status.WAITING)).isEqualTo(2);
            assertThat(upcoming.returning()).isPositive();
            assertThat(upcoming.fresh()).isPositive();
            var insights = services.insights().series(organiser, community.id());
            assertThat(insights.events()).hasSize(3);
            assertThat(insights.organisations()).isGreaterThan(10);

            Demo.standard(services, server.instance().settings(), NOW).load();
            assertThat(services.registrations().roster(organiser, events.get(1).event().id(), Roster.Filter.none()).total())
                    .isEqualTo(past.total());

            var http = server.http().signIn(Demo.EMAIL, Demo.PASSWORD);
            assertThat(http.get("/c/" + community.slug() + "/events/" + events.get(1).event().id() + "/registrations")
                    .body()).contains("How did you hear about this conversation?", "NHS Tayside");
            assertThat(http.get("/c/" + community.slug() + "/insights").status()).isEqualTo(200);
        }
    }
}
