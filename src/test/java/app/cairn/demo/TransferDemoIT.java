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

class TransferDemoIT {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_conversation_held_on_zoom_is_brought_in_from_its_chat_and_notes_once(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), NOW, Map.of("CAIRN_DEMO", "true"))) {
            var services = server.services();
            long event = services.instanceSettings().get("demo.brought-in-event").map(Long::valueOf).orElseThrow();
            List<Entry> log = services.live().log(event);

            List<String> said = log.stream().map(Entry::contribution).filter(Contribution.Message.class::isInstance)
                    .map(c -> ((Contribution.Message) c).text()).toList();
            assertThat(said).anyMatch(t -> t.contains("kindness at work actually look like"))
                    .noneMatch(t -> t.contains("leave at quarter to"))      // the private message is never public
                    .noneMatch(t -> t.startsWith("Reacted to"));             // reactions are counted, not said
            assertThat(log).extracting(Entry::contribution).filteredOn(Contribution.Reflection.class::isInstance)
                    .hasSize(5);
            assertThat(log).extracting(Entry::contribution).filteredOn(Contribution.RoomNote.class::isInstance)
                    .hasSizeGreaterThanOrEqualTo(9);
            assertThat(log).extracting(Entry::contribution).filteredOn(Contribution.SegmentStarted.class::isInstance)
                    .isNotEmpty();

            // Its evaluation, exported from Microsoft Forms, is the event's feedback and the pack counts it.
            long organiser = services.accounts().byEmail(Demo.EMAIL).orElseThrow().id();
            assertThat(services.feedback().anonymisedResponses(event)).hasSize(24);
            assertThat(services.feedback().form(event).questions()).singleElement()
                    .satisfies(q -> assertThat(q.label()).isEqualTo("Which part of the session was most useful?"));
            var evaluation = services.packs().draft(organiser, event).section("evaluation").orElseThrow();
            assertThat(evaluation.figures()).extracting(app.cairn.pack.Pack.Figure::value)
                    .containsExactly("24", "96%", "4.3/5");
            assertThat(evaluation.charts()).extracting(app.cairn.pack.Pack.Chart::title)
                    .contains("Which part of the session was most useful?");

            Demo.standard(services, server.instance().settings(), NOW).load();
            assertThat(services.live().log(event)).hasSameSizeAs(log);
            assertThat(services.feedback().anonymisedResponses(event)).hasSize(24);
        }
    }
}
