package app.cairn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PackDemoIT {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_past_conversation_has_a_published_pack_with_its_evaluation_and_no_ones_name(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), NOW, Map.of("CAIRN_DEMO", "true"))) {
            var services = server.services();
            long organiser = services.accounts().byEmail(Demo.EMAIL).orElseThrow().id();
            var community = services.communities().membershipsOf(organiser).get(0).community();
            long past = services.instanceSettings().get("demo.past-event").map(Long::valueOf).orElseThrow();
            var settings = services.packs().manage(organiser, past).settings();
            assertThat(settings.published()).isTrue();

            var page = server.http().get("/p/" + settings.shareToken());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Who joined us", "What the polls said", "Opening perspective",
                    "Themes from the conversation", "Closing reflections", "Host this conversation in your own team",
                    "would recommend an event like this to a colleague", "who answered (n=", "did not answer");
            for (var p : services.live().participants(past)) assertThat(page.body()).doesNotContain(p.name());
            int responses = services.feedback().anonymisedResponses(past).size();
            assertThat(responses).isGreaterThan(20);

            Demo.standard(services, server.instance().settings(), NOW).load();
            assertThat(services.feedback().anonymisedResponses(past)).hasSize(responses);
            // The workspace's curated themes are the pack's themes; nothing was grouped twice by hand.
            assertThat(services.themes().curatedForEvent(past)).isNotEmpty();
            assertThat(services.packs().handThemes(organiser, past)).isEmpty();
        }
    }
}
