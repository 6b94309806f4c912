package app.cairn.themes;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.live.Contribution;
import app.cairn.live.LiveService;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThemesHttpIT {
    static final ObjectMapper JSON = Cairn.json();

    static final List<String> WORKFORCE = List.of(
            "We cannot recruit enough care staff in rural areas",
            "Recruitment of carers is our biggest problem this winter",
            "Staff shortages mean the rota is always full",
            "We keep losing experienced nurses to agencies",
            "Retaining care workers is harder than recruiting them");
    static final List<String> REFLECTION_TIME = List.of(
            "There is never time to stop and reflect together",
            "Protected time for reflection would change how we work",
            "We rush from meeting to meeting without time to think",
            "Making space to reflect as a team feels like a luxury",
            "Reflective practice gets squeezed out by the day job");

    /** An organiser, a community and a conversation with its session open and the first segment running. */
    record Setup(HttpSession api, long accountId, long eventId, String slug, String code, long segmentId) {}

    static Setup setUp(TestServer server) throws Exception {
        HttpSession organiser = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
        long accountId = server.services().accounts().byEmail("aileen@example.org").orElseThrow().id();
        HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
        String slug = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}").body())
                .get("slug").asText();
        long eventId = JSON.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                {"templateId": "community-conversation-2-hours", "title": "Making space to reflect",
                 "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
        String code = JSON.readTree(api.get("/api/v1/events/" + eventId + "/live").body()).get("session").get("joinCode").asText();
        long segmentId = server.services().live().plan(eventId).segments().get(1).id();
        var started = api.postJson("/api/v1/events/" + eventId + "/live/start", "{\"segment\": " + segmentId + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return new Setup(api, accountId, eventId, slug, code, segmentId);
    }

    /** Each text said by a different walk-in; returns the log entries. */
    static List<Long> say(TestServer server, long eventId, List<String> texts) {
        LiveService live = server.services().live();
        List<Long> seqs = new ArrayList<>();
        for (String text : texts) {
            var joined = live.joinAsWalkin(eventId, new LiveService.Walkin("Person " + seqs.size() + text.length(), "", "", ""));
            seqs.add(live.record(eventId, new Contribution.Message(text, false, false), joined.participant().id(), null,
                    Instant.now(), null).seq());
        }
        return seqs;
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void curated_themes_survive_new_contributions_and_hidden_ones_never_appear(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            List<String> texts = new ArrayList<>(WORKFORCE);
            texts.addAll(REFLECTION_TIME);
            texts.add("thanks everyone");
            List<Long> seqs = say(server, s.eventId(), texts);
            long hidden = say(server, s.eventId(), List.of("Our chief executive is useless and should resign")).get(0);
            server.services().live().hide(s.eventId(), s.accountId(), hidden, "personal remark");
            // A participant withdraws what they wrote, over HTTP.
            var alice = server.http().postJson("/api/v1/live/" + s.code() + "/join",
                    "{\"name\": \"Alice\", \"role\": \"Nurse\", \"organisation\": \"NHS Fife\", \"sector\": \"health\"}");
            HttpSession aliceApi = server.http().bearer(JSON.readTree(alice.body()).get("token").asText());
            long withdrawn = JSON.readTree(aliceApi.postJson("/api/v1/live/" + s.code() + "/messages",
                    "{\"text\": \"My manager Bob never supports staff wellbeing\"}").body()).get("seq").asLong();
            assertThat(aliceApi.postJson("/api/v1/live/" + s.code() + "/withdraw/" + withdrawn, "{}").status() / 100).isEqualTo(2);

            String stream = "chat-" + s.segmentId();
            JsonNode streams = JSON.readTree(s.api().get("/api/v1/events/" + s.eventId() + "/themes").body());
            JsonNode chat = null;
            for (JsonNode x : streams.get("streams")) if (x.get("id").asText().equals(stream)) chat = x;
            assertThat(chat).as(streams.toString()).isNotNull();
            assertThat(chat.get("contributions").asInt()).isEqualTo(texts.size());

            var first = s.api().get("/api/v1/events/" + s.eventId() + "/themes/" + stream);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).doesNotContain("useless").doesNotContain("never supports").doesNotContain("Bob");
            JsonNode suggestions = JSON.readTree(first.body()).get("suggestions");
            assertThat(suggestions.get("noise").get("items").asInt()).isEqualTo(1);
            // The five about time to reflect make a theme (the engine leaves the staffing ones unthemed here).
            int first5 = WORKFORCE.size();
            JsonNode reflecting = themeContaining(suggestions, "m" + seqs.get(first5));
            assertThat(reflecting).as(suggestions.toString()).isNotNull();
            List<String> items = memberIds(reflecting);
            assertThat(items).contains("m" + seqs.get(first5 + 1));

            var kept = s.api().postJson("/api/v1/events/" + s.eventId() + "/themes/" + stream + "/accept",
                    JSON.writeValueAsString(java.util.Map.of("label", "Time to reflect", "items", items,
                            "quotes", List.of("m" + seqs.get(first5)))));
            assertThat(kept.status()).as(kept.body()).isEqualTo(200);
            long themeId = JSON.readTree(kept.body()).get("themeId").asLong();
            s.api().postJson("/api/v1/events/" + s.eventId() + "/themes/" + stream + "/summary",
                    "{\"theme\": " + themeId + ", \"summary\": \"People want protected time to reflect.\"}");
            var star = s.api().postJson("/api/v1/events/" + s.eventId() + "/themes/" + stream + "/star",
                    "{\"item\": \"m" + seqs.get(first5 + 1) + "\"}");
            assertThat(star.status()).as(star.body()).isEqualTo(200);

            // More people speak: suggestions are re-run, the kept theme stays as it was.
            say(server, s.eventId(), List.of("Agency staff cost us a fortune and do not stay",
                    "We need protected time to reflect, not another meeting"));
            JsonNode after = JSON.readTree(s.api().get("/api/v1/events/" + s.eventId() + "/themes/" + stream).body());
            JsonNode curated = after.get("curated").get(0);
            assertThat(curated.get("label").asText()).isEqualTo("Time to reflect");
            assertThat(curated.get("summary").asText()).isEqualTo("People want protected time to reflect.");
            assertThat(curated.get("items").size()).isEqualTo(items.size());
            assertThat(curated.get("quotes").get(0).get("id").asText()).isEqualTo("m" + seqs.get(first5 + 1));
            for (String id : items) assertThat(themeContaining(after.get("suggestions"), id)).isNull();

            // Hiding a kept contribution takes it out of the theme and the pack.
            server.services().live().hide(s.eventId(), s.accountId(), seqs.get(first5 + 1), "asked to");
            var pack = server.services().themes().curatedForEvent(s.eventId());
            assertThat(pack).hasSize(1);
            var theme = pack.get(0).themes().get(0);
            assertThat(theme.contributions()).isEqualTo(items.size() - 1);
            assertThat(theme.quotes()).doesNotContain(REFLECTION_TIME.get(1)).isNotEmpty();
            assertThat(JSON.writeValueAsString(pack)).doesNotContain("Person ").doesNotContain("Alice");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void rename_merge_split_move_delete_and_set_aside_are_kept(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            List<Long> w = say(server, s.eventId(), WORKFORCE);
            List<Long> r = say(server, s.eventId(), REFLECTION_TIME);
            String path = "/api/v1/events/" + s.eventId() + "/themes/chat-" + s.segmentId() + "/";
            long a = accept(s, path, "Staff", w.subList(0, 3));
            long b = accept(s, path, "Reflection", r);
            long c = accept(s, path, "More staff", w.subList(3, 5));
            assertThat(s.api().postJson(path + "rename", "{\"theme\": " + a + ", \"label\": \"Workforce\"}").status()).isEqualTo(200);
            assertThat(s.api().postJson(path + "merge", "{\"theme\": " + c + ", \"into\": " + a + "}").status()).isEqualTo(200);
            var split = s.api().postJson(path + "split", "{\"theme\": " + b + ", \"label\": \"No time\", \"items\": [\"m" + r.get(0)
                    + "\", \"m" + r.get(2) + "\"]}");
            assertThat(split.status()).as(split.body()).isEqualTo(200);
            assertThat(s.api().postJson(path + "move", "{\"item\": \"m" + r.get(1) + "\", \"to\": " + a + "}").status()).isEqualTo(200);
            assertThat(s.api().postJson(path + "move", "{\"item\": \"m" + r.get(3) + "\", \"to\": \"none\"}").status()).isEqualTo(200);
            var bad = s.api().postJson(path + "merge", "{\"theme\": " + c + ", \"into\": " + a + "}");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.body()).contains("That theme is no longer there");
            var unknown = s.api().postJson(path + "accept", "{\"label\": \"X\", \"items\": [\"m999999\"]}");
            assertThat(unknown.status()).isEqualTo(422);

            JsonNode ws = JSON.readTree(s.api().get(path.substring(0, path.length() - 1)).body());
            List<String> labels = new ArrayList<>();
            ws.get("curated").forEach(t -> labels.add(t.get("label").asText() + "=" + t.get("items").size()));
            assertThat(labels).containsExactly("Workforce=6", "Reflection=1", "No time=2");
            assertThat(themeContaining(ws.get("suggestions"), "m" + r.get(3)) != null
                    || unthemed(ws.get("suggestions")).contains("m" + r.get(3))).isTrue();

            assertThat(s.api().postJson(path + "set-aside", "{\"items\": [\"m" + r.get(3) + "\"]}").status()).isEqualTo(200);
            assertThat(s.api().postJson(path + "delete", "{\"theme\": " + b + "}").status()).isEqualTo(200);
            assertThat(s.api().postJson(path + "granularity", "{\"granularity\": \"fewer\"}").status()).isEqualTo(200);
            assertThat(s.api().postJson(path + "granularity", "{\"granularity\": \"lots\"}").status()).isEqualTo(422);
            assertThat(s.api().postJson(path + "seeds", "{\"seeds\": \"Wellbeing: burnout | tired staff\\nMoney\"}").status())
                    .isEqualTo(200);
            ws = JSON.readTree(s.api().get(path.substring(0, path.length() - 1)).body());
            assertThat(ws.get("granularity").asText()).isEqualTo("fewer");
            assertThat(ws.get("setAside").asInt()).isEqualTo(1);
            assertThat(ws.get("seeds").get(0).get("examples").get(1).asText()).isEqualTo("tired staff");
            assertThat(ws.get("curated").size()).isEqualTo(2);
            // The deleted theme's contributions are suggested again; the set-aside one is not.
            String body = ws.get("suggestions").toString();
            assertThat(body).contains(REFLECTION_TIME.get(4)).doesNotContain(REFLECTION_TIME.get(3));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_workspace_pages_curate_with_csrf_protected_forms(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            HttpSession browser = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            long accountId = server.services().accounts().byEmail("aileen@example.org").orElseThrow().id();
            HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
            String slug = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}").body())
                    .get("slug").asText();
            long eventId = JSON.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                    {"templateId": "community-conversation-2-hours", "title": "Making space to reflect",
                     "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
            List<Long> seqs = say(server, eventId, WORKFORCE);
            say(server, eventId, REFLECTION_TIME);
            String base = "/c/" + slug + "/events/" + eventId + "/themes";
            var list = browser.get(base);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("Chat before the start").contains("Questions people brought when they registered");
            var page = browser.get(base + "/chat-start");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("Keep this theme").contains("name=\"_csrf\"");

            var refused = browser.postRaw(base + "/chat-start/accept", java.util.Map.of("label", "Staff",
                    "items", "m" + seqs.get(0)));
            assertThat(refused.status()).isEqualTo(403);
            var done = browser.post(base + "/chat-start/accept", java.util.Map.of("label", "Staff <b>now</b>",
                    "items", "m" + seqs.get(0) + ",m" + seqs.get(1)));
            assertThat(done.status()).isEqualTo(302);
            var again = browser.get(base + "/chat-start");
            assertThat(again.body()).contains("Staff &lt;b&gt;now&lt;/b&gt;").doesNotContain("Staff <b>now</b>");
            var empty = browser.post(base + "/chat-start/accept", java.util.Map.of("label", "", "items", "m" + seqs.get(2)));
            assertThat(empty.status()).isEqualTo(422);
            assertThat(empty.body()).contains("Enter a name for the theme").contains("href=\"#suggestions\"");
            var badSeeds = browser.post(base + "/chat-start/seeds", java.util.Map.of("seeds", ": no name here"));
            assertThat(badSeeds.status()).isEqualTo(422);
            assertThat(badSeeds.body()).contains("href=\"#seeds\"").contains("id=\"seeds-error\"").contains(": no name here");
            assertThat(browser.get(base + "/chat-start/suggestions").body()).contains("id=\"suggestions\"");

            // Someone outside the community sees nothing.
            HttpSession stranger = server.http().signUp("Sam Other", "sam@example.org", "another horse battery");
            assertThat(stranger.get(base + "/chat-start").status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/events/" + eventId + "/themes").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_facilitator_themes_the_questions_people_brought_without_seeing_who_asked(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            var registrations = server.services().registrations();
            String[] asked = {"How do we protect time to reflect when the rota is full?",
                    "How can teams find time to reflect together?", "Where does reflection fit in a busy shift?"};
            for (int i = 0; i < asked.length; i++) {
                registrations.addByHand(s.accountId(), s.eventId(), new app.cairn.registration.RegistrationInput(
                        "Registrant Number" + i, "person" + i + "@example.org", "Nurse", "NHS Fife", "health", asked[i], "",
                        java.util.Map.of(), true), false);
            }
            // Sam joins the community as a facilitator through a real invitation.
            HttpSession sam = server.http().signUp("Sam Facilitator", "sam@example.org", "another horse battery");
            long samId = server.services().accounts().byEmail("sam@example.org").orElseThrow().id();
            long communityId = server.services().live().plan(s.eventId()).communityId();
            server.services().invitations().invite(s.accountId(), communityId, "sam@example.org", "facilitator");
            String mail = server.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT body_text FROM outbox WHERE recipient = 'sam@example.org' ORDER BY id DESC").mapTo(String.class).first());
            var link = java.util.regex.Pattern.compile("/invitations/([A-Za-z0-9_-]+)").matcher(mail);
            assertThat(link.find()).isTrue();
            server.services().invitations().accept(link.group(1), samId);

            // A facilitator may not read registrations, but may theme the questions people brought.
            assertThat(s.api().get("/api/v1/events/" + s.eventId() + "/registrations").status()).isEqualTo(200);
            assertThat(sam.get("/api/v1/events/" + s.eventId() + "/registrations").status()).isIn(403, 404);
            var page = sam.get("/c/" + s.slug() + "/events/" + s.eventId() + "/themes/registration");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains(asked[1]).doesNotContain("Registrant Number").doesNotContain("@example.org");
            var kept = sam.post("/c/" + s.slug() + "/events/" + s.eventId() + "/themes/registration/accept",
                    java.util.Map.of("label", "Time to reflect", "items", String.join(",", ids(server, s, "registration"))));
            assertThat(kept.status()).isEqualTo(302);
            var pack = server.services().themes().curatedForEvent(s.eventId());
            assertThat(pack).extracting(PackThemes::stream).containsExactly("registration");
            assertThat(pack.get(0).themes().get(0).people()).isEqualTo(3);
            assertThat(pack.get(0).themes().get(0).quotes()).hasSize(3).doesNotContain("Registrant Number0");
        }
    }

    static List<String> ids(TestServer server, Setup s, String stream) throws Exception {
        List<String> out = new ArrayList<>();
        JsonNode ws = JSON.readTree(s.api().get("/api/v1/events/" + s.eventId() + "/themes/" + stream).body());
        ws.get("suggestions").get("themes").forEach(t -> out.addAll(memberIds(t)));
        ws.get("suggestions").get("unthemed").forEach(m -> out.add(m.get("itemId").asText()));
        return out;
    }

    static long accept(Setup s, String path, String label, List<Long> seqs) throws Exception {
        List<String> ids = seqs.stream().map(x -> "m" + x).toList();
        var r = s.api().postJson(path + "accept", JSON.writeValueAsString(java.util.Map.of("label", label, "items", ids)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("themeId").asLong();
    }

    static JsonNode themeContaining(JsonNode suggestions, String itemId) {
        for (JsonNode t : suggestions.get("themes")) if (memberIds(t).contains(itemId)) return t;
        return null;
    }

    static List<String> memberIds(JsonNode theme) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : theme.get("members")) {
            ids.add(m.get("itemId").asText());
            m.get("duplicateIds").forEach(d -> ids.add(d.asText()));
        }
        return ids;
    }

    static List<String> unthemed(JsonNode suggestions) {
        List<String> ids = new ArrayList<>();
        suggestions.get("unthemed").forEach(m -> ids.add(m.get("itemId").asText()));
        return ids;
    }
}
