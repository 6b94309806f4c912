package app.cairn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.live.Contribution;
import app.cairn.live.Entry;
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

class LiveDemoIT {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_past_conversation_has_its_live_record_in_time_order_once(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), NOW, Map.of("CAIRN_DEMO", "true"))) {
            var services = server.services();
            long organiser = services.accounts().byEmail(Demo.EMAIL).orElseThrow().id();
            var community = services.communities().membershipsOf(organiser).get(0).community();
            long past = services.instanceSettings().get("demo.past-event").map(Long::valueOf).orElseThrow();

            List<Entry> log = services.live().log(past);
            assertThat(services.live().participants(past)).hasSizeBetween(40, 100)
                    .anySatisfy(p -> assertThat(p.registrationId()).isNull())
                    .anySatisfy(p -> assertThat(p.registrationId()).isNotNull());
            assertThat(log).extracting(Entry::at).isSorted();
            assertThat(log).extracting(Entry::seq).isSorted().doesNotHaveDuplicates();
            assertThat(kinds(log, Contribution.Message.class)).hasSizeGreaterThan(40)
                    .anySatisfy(m -> assertThat(m.question()).isTrue());
            assertThat(kinds(log, Contribution.Reflection.class)).hasSizeGreaterThan(20)
                    .extracting(Contribution.Reflection::promptKey).containsOnly("r3", "r6");
            assertThat(kinds(log, Contribution.AnswerStatus.class))
                    .anySatisfy(a -> assertThat(a.recordingAt()).isEqualTo("48:40"));
            assertThat(kinds(log, Contribution.Moderation.class)).extracting(Contribution.Moderation::action)
                    .containsExactlyInAnyOrder(Contribution.ModerationAction.hide, Contribution.ModerationAction.withdraw);
            assertThat(kinds(log, Contribution.Vote.class)).hasSizeGreaterThan(100);
            assertThat(log.get(log.size() - 4).contribution()).isInstanceOf(Contribution.SessionEnded.class);

            Demo.standard(services, server.instance().settings(), NOW).load();
            assertThat(services.live().log(past)).hasSameSizeAs(log);

            var http = server.http().signIn(Demo.EMAIL, Demo.PASSWORD);
            var console = http.get("/c/" + community.slug() + "/events/" + past + "/console");
            assertThat(console.status()).isEqualTo(200);
            assertThat(console.body()).contains("compassion");
            // Staff see the hidden comment marked as hidden, with a way to show it again; nobody else sees it.
            assertThat(console.body()).contains("· hidden</span>");
            var presenter = http.get("/c/" + community.slug() + "/events/" + past + "/presenter");
            assertThat(presenter.body()).contains("Thank you for joining", "Start every team huddle").doesNotContain("Can you share the slides afterwards?");
        }
    }

    private static <T extends Contribution> List<T> kinds(List<Entry> log, Class<T> kind) {
        return log.stream().map(Entry::contribution).filter(kind::isInstance).map(kind::cast).toList();
    }
}
