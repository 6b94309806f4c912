package app.cairn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import app.cairn.themes.PackThemes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThemesDemoIT {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_past_conversation_has_curated_themes_with_summaries_and_starred_quotes(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), NOW, Map.of("CAIRN_DEMO", "true"))) {
            var services = server.services();
            long organiser = services.accounts().byEmail(Demo.EMAIL).orElseThrow().id();
            var community = services.communities().membershipsOf(organiser).get(0).community();
            long past = services.instanceSettings().get("demo.past-event").map(Long::valueOf).orElseThrow();

            List<PackThemes> curated = services.themes().curatedForEvent(past);
            assertThat(curated).extracting(PackThemes::kind).contains("chat", "reflection");
            assertThat(curated).allSatisfy(s -> assertThat(s.themes()).isNotEmpty().allSatisfy(t -> {
                assertThat(t.people()).isGreaterThanOrEqualTo(2);
                assertThat(t.quotes()).isNotEmpty();
            }));
            assertThat(curated.get(0).themes().get(0).summary()).contains("people came back to this");
            // Hidden and withdrawn comments are in no theme.
            assertThat(curated.toString()).doesNotContain("Can you share the slides afterwards?");

            Demo.standard(services, server.instance().settings(), NOW).load();
            assertThat(services.themes().curatedForEvent(past)).isEqualTo(curated);

            var http = server.http().signIn(Demo.EMAIL, Demo.PASSWORD);
            var page = http.get("/c/" + community.slug() + "/events/" + past + "/themes");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("What is your one key reflection?");
        }
    }
}
