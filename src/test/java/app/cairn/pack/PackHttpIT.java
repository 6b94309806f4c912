package app.cairn.pack;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.registration.RegistrationInput;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.Mails;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PackHttpIT {
    static final ObjectMapper JSON = Cairn.json();

    record Setup(HttpSession web, HttpSession api, long accountId, long eventId, String slug, String code) {
        String base() {
            return "/c/" + slug + "/events/" + eventId;
        }
    }

    static Setup setUp(TestServer server) throws Exception {
        HttpSession web = server.http().signUp("Eilidh Ross", "eilidh@example.org", "correct horse battery");
        long accountId = server.services().accounts().byEmail("eilidh@example.org").orElseThrow().id();
        HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
        String slug = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Lanterns Network\"}").body())
                .get("slug").asText();
        long eventId = JSON.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                {"templateId": "community-conversation-2-hours", "title": "Kindness at work",
                 "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
        String code = JSON.readTree(api.get("/api/v1/events/" + eventId + "/live").body()).get("session").get("joinCode").asText();
        return new Setup(web, api, accountId, eventId, slug, code);
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void feedback_by_emailed_link_is_one_editable_response_per_person_until_the_form_closes(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            server.services().registrations().addByHand(s.accountId(), s.eventId(), new RegistrationInput("Kasia Nowak",
                    "kasia@example.org", "Social worker", "Glen Care", "social_care", "", "", Map.of(), true), false);
            assertThat(s.web().post(s.base() + "/feedback/questions", Map.of("label", "Which part helped most?",
                    "kind", "single_choice", "choices", "The talk\nThe rooms")).status()).isEqualTo(303);
            assertThat(s.web().post(s.base() + "/feedback/email", Map.of()).status()).isEqualTo(303);
            String link = Mails.link(Mails.latestTo(server, "kasia@example.org"), "/feedback/");
            assertThat(s.web().post(s.base() + "/feedback/email", Map.of()).status()).isEqualTo(303);
            assertThat(Mails.to(server, "kasia@example.org")).hasSize(1);
            String path = link.substring(link.indexOf("/feedback/"));
            HttpSession kasia = server.http();
            var form = kasia.get(path);
            assertThat(form.body()).contains("Would you recommend an event like this to a colleague?", "Which part helped most?",
                    "anonymous");
            long q = server.services().feedback().form(s.eventId()).questions().get(0).id();
            var saved = kasia.post(path, Map.of("recommend", "yes", "score", "4", "valued", "Zażółć gęślą jaźń",
                    "q" + q, "The rooms"));
            assertThat(saved.status()).isEqualTo(303);
            assertThat(kasia.post(path, Map.of("recommend", "yes", "score", "5", "valued", "The rooms, again")).status()).isEqualTo(303);
            assertThat(kasia.post(path, Map.of("score", "9")).status()).isEqualTo(422);

            JsonNode all = JSON.readTree(s.api().get("/api/v1/events/" + s.eventId() + "/feedback").body());
            assertThat(all.get("responses")).hasSize(1);
            assertThat(all.get("responses").get(0).get("score").asInt()).isEqualTo(5);
            assertThat(all.get("responses").get(0).get("name").isNull()).isTrue();
            assertThat(all.get("summary").get("recommendYes").asInt()).isEqualTo(1);
            assertThat(s.web().get(s.base() + "/feedback").body()).contains("100% would recommend", "1 of the 1 who answered");

            var viaApi = server.http().postJson("/api/v1" + path, "{\"recommend\": \"no\", \"score\": 3}");
            assertThat(viaApi.status()).as(viaApi.body()).isEqualTo(200);
            // A walk-in answers from the live session with their participant token.
            String walkin = JSON.readTree(server.http().postJson("/api/v1/live/" + s.code() + "/join",
                    "{\"name\": \"Tomasz\", \"organisation\": \"Harbour Health\"}").body()).get("token").asText();
            HttpSession tomasz = server.http().bearer(walkin);
            assertThat(tomasz.postJson("/api/v1/live/" + s.code() + "/feedback", "{\"score\": 2}").status()).isEqualTo(200);
            assertThat(JSON.readTree(tomasz.get("/api/v1/live/" + s.code() + "/feedback").body()).get("response")
                    .get("score").asInt()).isEqualTo(2);
            assertThat(server.http().postJson("/api/v1/live/" + s.code() + "/feedback", "{\"score\": 2}").status())
                    .isEqualTo(401);

            assertThat(s.web().post(s.base() + "/feedback/close", Map.of()).status()).isEqualTo(303);
            assertThat(kasia.post(path, Map.of("score", "1")).status()).isEqualTo(409);
            assertThat(server.services().feedback().anonymisedResponses(s.eventId())).extracting(r -> r.score())
                    .containsExactly(3, 2);
            // Another organiser's community cannot see the answers.
            HttpSession stranger = server.http().signUp("Other Person", "other@example.org", "correct horse battery");
            assertThat(stranger.get(s.base() + "/feedback").status()).isIn(403, 404);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void an_edited_pack_with_a_hand_made_theme_is_published_shared_and_downloaded(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            Setup s = setUp(server);
            var reg = server.services().registrations().addByHand(s.accountId(), s.eventId(), new RegistrationInput(
                    "Kasia Nowak", "kasia@example.org", "Social worker", "Glen Care", "social_care",
                    "How do we stay kind when the rota is short?", "", Map.of(), true), false);
            var live = server.services().live();
            var joined = live.joinFromRegistration(s.eventId(), reg.registration().id(), "Kasia Nowak", "Social worker",
                    "Glen Care", "social_care", "kasia@example.org");
            var kept = live.post(joined.participant(), "Protected lunch breaks changed our ward", false, false, "a");
            var hidden = live.post(joined.participant(), "A private aside about a colleague", false, false, "b");
            live.hide(s.eventId(), s.accountId(), hidden.seq(), "personal");

            JsonNode draft = JSON.readTree(s.api().get("/api/v1/events/" + s.eventId() + "/pack").body()).get("pack");
            assertThat(draft.toString()).contains("person joined the conversation", "How do we stay kind")
                    .doesNotContain("Kasia", "kasia@example.org", "private aside");
            // A quote left out one by one, then put back.
            String ref = draft.get("sections").findValues("quotes").stream().flatMap(q -> java.util.stream.StreamSupport
                    .stream(q.spliterator(), false)).filter(q -> q.get("text").asText().startsWith("How do we stay kind"))
                    .findFirst().orElseThrow().get("ref").asText();
            assertThat(ref).startsWith("question:");
            assertThat(s.web().post(s.base() + "/pack/leave-out", Map.of("ref", ref)).status()).isEqualTo(303);
            assertThat(s.api().get("/api/v1/events/" + s.eventId() + "/pack").body()).doesNotContain("How do we stay kind");
            assertThat(s.web().post(s.base() + "/pack/leave-out", Map.of("ref", "anything else")).status()).isEqualTo(422);
            assertThat(s.api().delete("/api/v1/events/" + s.eventId() + "/pack/left-out").status()).isEqualTo(204);
            assertThat(s.api().get("/api/v1/events/" + s.eventId() + "/pack").body()).contains("How do we stay kind");

            assertThat(s.api().putJson("/api/v1/events/" + s.eventId() + "/pack/sections/purpose",
                    "{\"text\": \"To share how kindness works on a busy ward.\"}").status()).isEqualTo(200);
            var theme = s.web().post(s.base() + "/pack/themes", Map.of("label", "Protected time", "summary", "Breaks matter",
                    "seq", Long.toString(kept.seq())));
            assertThat(theme.status()).isEqualTo(303);
            String editor = s.web().get(s.base() + "/pack").body();
            assertThat(editor).contains("Protected time", "To share how kindness works on a busy ward.")
                    .doesNotContain("private aside");

            // Team-only packs cannot be emailed out.
            assertThat(s.web().post(s.base() + "/pack/publish", Map.of("email", "yes")).status()).isEqualTo(422);
            assertThat(s.web().post(s.base() + "/pack/settings", Map.of("visibility", "participants", "hosts", "yes")).status())
                    .isEqualTo(303);
            assertThat(s.web().post(s.base() + "/pack/publish", Map.of("email", "yes")).status()).isEqualTo(303);
            String mail = Mails.latestTo(server, "kasia@example.org");
            String link = Mails.link(mail, "/p/");
            String personal = link.substring(link.indexOf("/p/"));
            assertThat(personal).matches("/p/[^/]+/r/cr_.+");
            String path = personal.substring(0, personal.indexOf("/r/"));
            // A pack for the people who took part: not for whoever has the address, only with the personal link.
            assertThat(server.http().get(path).status()).isEqualTo(403);
            assertThat(server.http().get(path + "/r/cr_guessed").status()).isEqualTo(404);
            HttpSession reader = server.http();
            var opened = reader.get(personal);
            assertThat(opened.status()).isEqualTo(303);
            assertThat(opened.location()).isEqualTo(path);
            var page = reader.get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Protected time", "Protected lunch breaks changed our ward",
                    "To share how kindness works on a busy ward.").doesNotContain("private aside", "Kasia");
            assertThat(page.header("X-Robots-Tag")).isEqualTo("noindex");

            // Edits after publishing wait for the next publish.
            s.api().putJson("/api/v1/events/" + s.eventId() + "/pack/sections/purpose", "{\"text\": \"Changed later\"}");
            assertThat(reader.get(path).body()).doesNotContain("Changed later");

            var pdf = reader.getBytes(path + "/download/pdf");
            assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
            assertThat(server.http().get(path + "/download/pdf").status()).isEqualTo(403);
            var docx = reader.getBytes(path + "/download/docx");
            assertThat(docx.body()[0]).isEqualTo((byte) 'P');
            var zip = reader.getBytes(path + "/download/csv");
            try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
                java.util.List<String> names = new java.util.ArrayList<>();
                for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) names.add(e.getName());
                assertThat(names).contains("sectors.csv", "charts.xlsx", "README.txt");
            }
            var chart = reader.get(path + "/charts/sectors.svg");
            assertThat(chart.status()).isEqualTo(200);
            assertThat(chart.body()).startsWith("<svg");

            // Public: anyone with the address. Team only: even a personal link is turned away.
            s.web().post(s.base() + "/pack/settings", Map.of("visibility", "public"));
            assertThat(server.http().get(path).status()).isEqualTo(200);
            s.web().post(s.base() + "/pack/settings", Map.of("visibility", "organisers"));
            assertThat(reader.get(path).status()).isNotEqualTo(200);
            assertThat(s.web().get(path).status()).isEqualTo(200);
        }
    }
}
