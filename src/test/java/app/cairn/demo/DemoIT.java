package app.cairn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.community.Community;
import app.cairn.event.EventPlan;
import app.cairn.event.EventSummary;
import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoIT {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void serve_demo_loads_a_community_with_a_past_and_an_upcoming_conversation_once(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), NOW, Map.of("CAIRN_DEMO", "true"))) {
            var services = server.services();
            var organiser = services.accounts().byEmail(Demo.EMAIL).orElseThrow();
            assertThat(organiser.admin()).isTrue();

            Community community = services.communities().membershipsOf(organiser.id()).get(0).community();
            assertThat(community.name()).isEqualTo("Scottish Leadership Community");
            assertThat(community.description()).isEqualTo("Leadership conversations across health and social care");
            List<EventSummary> events = services.events().list(organiser.id(), community.id());
            // Soonest first: the conversation brought in from Zoom, the past one, the upcoming one.
            assertThat(events).hasSize(3);
            assertThat(events.get(0).event().title()).isEqualTo(TransferDemo.TITLE);
            assertThat(events.get(0).pastAt(NOW.instant())).isTrue();

            EventSummary past = events.get(1);
            assertThat(past.pastAt(NOW.instant())).isTrue();
            assertThat(past.totalMinutes()).isEqualTo(120);
            assertThat(past.event().recordingUrl()).startsWith("https://");
            assertThat(past.event().hosts()).hasSizeGreaterThanOrEqualTo(1);
            assertThat(past.event().hosts().get(0).role()).isEqualTo("Director of Nursing");
            assertThat(past.event().purpose()).isNotBlank();
            EventPlan pastPlan = services.events().get(organiser.id(), past.event().id());
            assertThat(pastPlan.segments().get(2).prompts()).hasSize(4);

            EventSummary upcoming = events.get(2);
            assertThat(upcoming.pastAt(NOW.instant())).isFalse();
            assertThat(upcoming.totalMinutes()).isEqualTo(60);
            assertThat(upcoming.event().date()).isEqualTo(java.time.LocalDate.of(2026, 12, 11));

            // Running it again (a second `serve --demo`) adds nothing.
            Demo.standard(services, server.instance().settings(), NOW).load();
            assertThat(services.events().list(organiser.id(), community.id())).hasSize(3);
            assertThat(services.communities().membershipsOf(organiser.id())).hasSize(1);
            assertThat(services.accounts().all()).hasSize(1);

            var http = server.http().signIn(Demo.EMAIL, Demo.PASSWORD);
            String page = http.get("/c/" + community.slug() + "/events").body();
            assertThat(page).contains("Leading with compassion when the pressure is on")
                    .contains("Making space to reflect: a team conversation");
            assertThat(http.get("/events").body()).contains("Making space to reflect: a team conversation")
                    .doesNotContain("Leading with compassion when the pressure is on");
            assertThat(http.get("/c/" + community.slug() + "/events/" + past.event().id()).body())
                    .contains("Dr Eilidh Morrison, Director of Nursing").contains("past conversation");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_demo_organiser_is_not_the_admin_when_someone_signed_up_first(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            Demo.standard(server.services(), server.instance().settings(), NOW).load();
            assertThat(server.services().accounts().byEmail(Demo.EMAIL).orElseThrow().admin()).isFalse();
            assertThat(server.services().accounts().byEmail("aileen@example.org").orElseThrow().admin()).isTrue();
        }
    }
}
