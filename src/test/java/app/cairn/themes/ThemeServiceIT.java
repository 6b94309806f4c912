package app.cairn.themes;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.live.Contribution;
import app.cairn.live.LiveService;
import app.cairn.store.Database;
import app.cairn.synthesis.Suggestions;
import app.cairn.testing.Eventually;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad input from issue 7 through the service, on a real log: sensible results and no errors. */
class ThemeServiceIT {

    record Event(long accountId, long eventId, String stream) {}

    static Event event(TestServer server) throws Exception {
        HttpSession organiser = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
        long accountId = server.services().accounts().byEmail("aileen@example.org").orElseThrow().id();
        HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
        var json = ThemesHttpIT.JSON;
        String slug = json.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}").body())
                .get("slug").asText();
        long eventId = json.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                {"templateId": "community-conversation-2-hours", "title": "Making space to reflect",
                 "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
        organiser.get("/");
        return new Event(accountId, eventId, "chat-start");
    }

    /** Records the texts as chat from a few people, many at once so the log commits them in groups. */
    static void say(TestServer server, long eventId, List<String> texts) throws Exception {
        LiveService live = server.services().live();
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(live.joinAsWalkin(eventId, new LiveService.Walkin("Person " + i, "", "", "")).participant().id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                long person = people.get(i % people.size());
                done.add(pool.submit(() -> live.record(eventId, new Contribution.Message(text, false, false), person, null,
                        Instant.now(), null)));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    static Suggestions.Stream suggestions(TestServer server, Event e) {
        return server.services().themes().workspace(e.accountId(), e.eventId(), e.stream()).suggestions();
    }

    static int read(Suggestions.Stream s) {
        int themed = s.themes().stream().mapToInt(Suggestions.Theme::items).sum();
        int unthemed = s.unthemed().stream().mapToInt(Suggestions.Member::items).sum();
        return themed + unthemed + s.noise().items();
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void empty_streams_and_a_single_contribution_give_sensible_results(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Event e = event(server);
            var questions = server.services().themes().workspace(e.accountId(), e.eventId(), "questions");
            assertThat(questions.suggestions().items()).isZero();
            assertThat(questions.themes()).isEmpty();
            assertThat(server.services().themes().curatedForEvent(e.eventId())).isEmpty();

            say(server, e.eventId(), List.of("Short-term funding kills good projects before they can show results"));
            Suggestions.Stream one = suggestions(server, e);
            assertThat(one.items()).isEqualTo(1);
            assertThat(one.themes()).isEmpty();
            assertThat(one.unthemed()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void ten_thousand_identical_messages_are_one_contribution_said_ten_thousand_times(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Event e = event(server);
            say(server, e.eventId(), java.util.Collections.nCopies(10_000, "We need protected time to reflect together"));
            Suggestions.Stream s = suggestions(server, e);
            assertThat(s.items()).isEqualTo(10_000);
            assertThat(s.people()).isEqualTo(5);
            assertThat(read(s)).isEqualTo(10_000);
            List<Suggestions.Member> members = new ArrayList<>(s.unthemed());
            s.themes().forEach(t -> members.addAll(t.members()));
            assertThat(members).hasSize(1);
            assertThat(members.get(0).items()).isEqualTo(10_000);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void other_scripts_emoji_and_very_long_messages_are_read_without_errors(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Event e = event(server);
            List<String> texts = new ArrayList<>();
            texts.add("\uD83D\uDE4F\uD83D\uDE4F\uD83D\uDE4F");
            texts.add("\uD83D\uDC4D");
            texts.add("\u2764\uFE0F\u200D\uD83D\uDD25");
            texts.add("Mae angen amser i fyfyrio gyda'n gilydd");
            texts.add("\u6211\u4eec\u9700\u8981\u65f6\u95f4\u4e00\u8d77\u53cd\u601d");
            texts.add("\u0646\u062d\u0646 \u0628\u062d\u0627\u062c\u0629 \u0625\u0644\u0649 \u0648\u0642\u062a \u0644\u0644\u062a\u0641\u0643\u064a\u0631");
            texts.add("\u041d\u0430\u043c \u043d\u0443\u0436\u043d\u043e \u0432\u0440\u0435\u043c\u044f \u0434\u043b\u044f \u0440\u0430\u0437\u043c\u044b\u0448\u043b\u0435\u043d\u0438\u0439");
            String longText = ("Staff wellbeing depends on time to reflect and on managers who listen. ").repeat(150)
                    .substring(0, 10_000);
            texts.add(longText);
            texts.add(longText.replace("managers", "leaders"));
            texts.add("We need more time to reflect as a team");
            texts.add("Protected reflection time would help our staff");
            say(server, e.eventId(), texts);
            Suggestions.Stream s = suggestions(server, e);
            assertThat(s.items()).isEqualTo(texts.size());
            assertThat(read(s)).isEqualTo(texts.size());
            assertThat(s.noise().byKind().get("REACTION")).isEqualTo(3);

            // What is read can be kept, and its quotes carry the long text whole.
            var ids = new ArrayList<String>();
            s.unthemed().forEach(m -> ids.add(m.itemId()));
            s.themes().forEach(t -> t.members().forEach(m -> ids.add(m.itemId())));
            server.services().themes().accept(e.accountId(), e.eventId(), e.stream(), "Everything", ids, List.of());
            var pack = server.services().themes().curatedForEvent(e.eventId());
            assertThat(pack.get(0).themes().get(0).contributions()).isEqualTo(ids.size());
            assertThat(pack.get(0).themes().get(0).quotes()).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_worker_embeds_what_people_say_as_it_arrives(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Event e = event(server);
            EmbeddingStore store = new EmbeddingStore(server.database().jdbi(), () -> "unused", java.time.Clock.systemUTC());
            say(server, e.eventId(), List.of("We need more time to reflect as a team", "thanks!",
                    "Room 3: rotas leave no time to think", "Agency staff cost a fortune"));
            long head = server.services().live().transcript(e.eventId()).seq();
            Eventually.within(Duration.ofSeconds(60), "the worker has read the log",
                    () -> store.progress(e.eventId()) == head);
            // Three texts with words; "thanks!" is noise and is not embedded.
            assertThat(store.stored()).isEqualTo(3);
            suggestions(server, e);
            assertThat(store.stored()).as("synthesis found every text in the cache").isEqualTo(3);
        }
    }
}
