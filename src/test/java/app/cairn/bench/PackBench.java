package app.cairn.bench;

import app.cairn.Cairn;
import app.cairn.feedback.FeedbackService;
import app.cairn.feedback.Respondent;
import app.cairn.live.Contribution;
import app.cairn.live.LiveService;
import app.cairn.pack.Pack;
import app.cairn.pack.PackRender;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import app.cairn.web.Templates;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/pack N C}: an event (H2, in this process) with N participants who joined live and
 * C contributions (chat, questions, poll votes, reflections) plus feedback from a fifth of them;
 * then the time to write its pack and render it as the web page's HTML and as the PDF.
 * Each figure is the mean of 3 runs after one warm-up run.
 */
public final class PackBench {
    static final ObjectMapper JSON = Cairn.json();
    static final String[] SECTORS = {"health", "social_care", "both", "other", ""};
    static final String[] WORDS = {"kindness", "time", "listening", "rota", "breaks", "trust", "team", "reflection",
            "pressure", "care", "ward", "Zażółć", "Gàidhlig", "مرحبا", "🌱"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int c = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        try (TestServer server = TestServer.start(Database.Vendor.H2)) {
            HttpSession web = server.http().signUp("Bench Organiser", "bench@example.org", "correct horse battery");
            long accountId = server.services().accounts().byEmail("bench@example.org").orElseThrow().id();
            HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "bench"));
            String slug = JSON.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Bench Community\"}").body())
                    .get("slug").asText();
            long eventId = JSON.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                    {"templateId": "community-conversation-2-hours", "title": "Bench conversation",
                     "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
            LiveService live = server.services().live();
            long t0 = System.nanoTime();
            List<Long> people = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                var j = live.joinAsWalkin(eventId, new LiveService.Walkin("Person " + i, "Role " + (i % 40),
                        "Organisation " + (i % 120), SECTORS[i % SECTORS.length]));
                people.add(j.participant().id());
            }
            Instant at = Instant.parse("2030-03-09T12:35:00Z");
            live.record(eventId, new Contribution.PollOpened("before", "Have you been to one of our events before?",
                    Contribution.PollKind.single_choice, List.of("Yes", "No"), true), null, accountId, at, null);
            live.record(eventId, new Contribution.ReflectionOpened("one", "What is your one key reflection?"), null,
                    accountId, at, null);
            for (int i = 0; i < c; i++) {
                long who = people.get(i % people.size());
                String text = WORDS[i % WORDS.length] + " and " + WORDS[(i * 7) % WORDS.length] + " number " + i;
                Contribution k = switch (i % 10) {
                    case 0 -> new Contribution.Vote("before", List.of(i % 3 == 0 ? 1 : 0), null, null);
                    case 1 -> new Contribution.Message(text + "?", true, false);
                    case 2 -> new Contribution.Reflection("one", text, i % 4 == 0);
                    default -> new Contribution.Message(text, false, i % 5 == 0);
                };
                live.record(eventId, k, who, null, at.plusSeconds(i % 3600), null);
            }
            long loaded = System.nanoTime();
            FeedbackService feedback = server.services().feedback();
            feedback.open(accountId, eventId);
            for (int i = 0; i < n / 5; i++) {
                feedback.respond(Respondent.participant(eventId, people.get(i), "Person " + i), new FeedbackService.Answers(
                        i % 7 == 0 ? "" : i % 9 == 0 ? "no" : "yes", i % 6 == 0 ? "" : Integer.toString(1 + i % 5),
                        "The rooms " + i, "", Map.of()));
            }
            var packs = server.services().packs();
            List<Long> seqs = new ArrayList<>();
            for (var m : packs.contributions(accountId, eventId)) if (seqs.size() < 200) seqs.add(m.seq());
            for (int t = 0; t < 5; t++) packs.addTheme(accountId, eventId, "Theme " + t, "", seqs.subList(t * 40, t * 40 + 40));
            System.out.printf("built event: %d participants, %d contributions in %d s%n", n, c, (loaded - t0) / 1_000_000_000);

            PackRender render = new PackRender(new Templates());
            long html = 0, pdf = 0;
            int pages = 0, bytes = 0;
            for (int run = 0; run < 4; run++) {
                long a = System.nanoTime();
                Pack pack = packs.draft(accountId, eventId);
                String h = render.html(pack);
                long b = System.nanoTime();
                byte[] p = render.pdf(packs.draft(accountId, eventId));
                long d = System.nanoTime();
                if (run > 0) {
                    html += b - a;
                    pdf += d - b;
                }
                bytes = p.length;
                pages = h.length();
            }
            System.out.printf("html %d chars, pdf %d bytes%n", pages, bytes);
            System.out.printf("participants=%d contributions=%d html_ms=%d pdf_ms=%d%n", n, c, html / 3 / 1_000_000,
                    pdf / 3 / 1_000_000);
        }
    }
}
