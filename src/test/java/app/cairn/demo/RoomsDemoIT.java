package app.cairn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.live.RoomsState;
import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoomsDemoIT {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_past_conversation_has_mixed_rooms_with_notes_rapporteurs_and_themes(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), NOW, Map.of("CAIRN_DEMO", "true"))) {
            var services = server.services();
            long organiser = services.accounts().byEmail(Demo.EMAIL).orElseThrow().id();
            var community = services.communities().membershipsOf(organiser).get(0).community();
            long past = services.instanceSettings().get("demo.past-event").map(Long::valueOf).orElseThrow();

            RoomsState.Round round = services.live().state(past).read(s -> s.rooms().latest().orElseThrow());
            assertThat(round.closed()).isTrue();
            assertThat(round.people()).isEqualTo(services.live().participants(past).size());
            int min = round.rooms().stream().mapToInt(r -> r.members().size()).min().orElseThrow();
            int max = round.rooms().stream().mapToInt(r -> r.members().size()).max().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
            Set<String> themes = new HashSet<>();
            for (RoomsState.Room room : round.rooms()) {
                assertThat(room.notes()).as(room.name).hasSizeGreaterThanOrEqualTo(4);
                assertThat(room.rapporteur()).as(room.name).isPresent();
                assertThat(room.themes()).as(room.name).hasSize(3);
                themes.addAll(room.themes());
            }
            assertThat(themes).contains("Notice before you fix", "Protect reflective supervision in the rota");

            var http = server.http().signIn(Demo.EMAIL, Demo.PASSWORD);
            var report = http.get("/c/" + community.slug() + "/events/" + past + "/rooms/report");
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.body()).contains("Notice before you fix", "reported by");
            var console = http.get("/c/" + community.slug() + "/events/" + past + "/rooms");
            assertThat(console.body()).contains("Rooms closed", "two-minute check-in");
        }
    }
}
