package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.registration.Registration.Status;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.Mails;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public registration pages, the organiser's pages and the API, over HTTP on both databases. */
class RegistrationHttpIT {

    static Map<String, String> form(String name, String email, String organisation) {
        Map<String, String> f = new HashMap<>();
        f.put("name", name);
        f.put("email", email);
        f.put("role", "Staff Nurse");
        f.put("organisation", organisation);
        f.put("oneQuestion", "How do we keep kindness alive on a short-staffed ward?");
        f.put("consent", "on");
        return f;
    }

    static String page(RegistrationTesting.World w, app.cairn.event.EventPlan e) {
        return "/e/" + w.community().slug() + "/" + e.event().slug();
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void anyone_can_read_the_public_page_and_register_and_registering_again_updates(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Leading with compassion", 20, "America/Vancouver", null);
            HttpSession visitor = w.server().http();
            var page = visitor.get(page(w, event));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Leading with compassion", "Care Leaders", "America/Vancouver",
                    "Dr Eilidh Morrison, Director of Nursing, NHS Tayside", "10:00 to 11:00", "Breakout discussions",
                    "(30 minutes)", "If this event could answer one question, what would it be?", "list=\"organisations\"",
                    "<option value=\"NHS Tayside\">", "/c/" + w.community().slug() + "/brand.css");

            var sent = visitor.post(page(w, event), form("Priya Sharma", "priya@nhs.example", "Nhs tayside"));
            assertThat(sent.status()).isEqualTo(302);
            assertThat(sent.location()).endsWith("/registered?outcome=confirmed");
            assertThat(visitor.get(sent.location()).body()).contains("You are registered", "calendar invitation");

            var again = visitor.post(page(w, event), form("Priya Sharma", "Priya@NHS.example", "NHS Tayside"));
            assertThat(again.location()).endsWith("/registered?outcome=updated-confirmed");
            assertThat(visitor.get(again.location()).body()).contains("Your registration is updated",
                    "You had already registered with this email address");
            var roster = w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none());
            assertThat(roster.total()).isEqualTo(1);
            assertThat(roster.rows().get(0).registration().consentVersion()).startsWith("privacy-");
            assertThat(roster.rows().get(0).registration().consentAt()).isNotNull();
            assertThat(Mails.latestTo(w.server(), "Priya@NHS.example")).contains("/j/", "/r/", "/cancel");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void bad_answers_bots_and_floods_get_a_clear_message_and_save_nothing(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Reflection", 20, "Europe/London", null);
            HttpSession visitor = w.server().http();
            var bad = form("Tom Reid", "tom@", "Glenview Road Medical Practice");
            bad.put("oneQuestion", "x".repeat(1001));
            bad.remove("consent");
            var r = visitor.post(page(w, event), bad);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).contains("There is a problem",
                    "Enter an email address in the correct format, like name@example.org",
                    "Choose the sector you work in", "Your question must be 1000 characters or fewer",
                    "Tick the box to say you agree to how Care Leaders will use your details",
                    "value=\"Tom Reid\"", "value=\"Glenview Road Medical Practice\"");

            var bot = form("Bot", "bot@spam.example", "NHS Fife");
            bot.put(PublicRoutes.HONEYPOT, "http://spam.example");
            assertThat(visitor.post(page(w, event), bot).body()).contains("Leave the field ‘Leave this field empty’ empty");

            // One address may register a few times an hour, then is asked to wait.
            var same = form("Tom Reid", "tom@nhs.example", "NHS Fife");
            for (int i = 0; i < 5; i++) assertThat(visitor.post(page(w, event), same).status()).isEqualTo(302);
            var flood = visitor.post(page(w, event), same);
            assertThat(flood.status()).isEqualTo(429);
            assertThat(flood.body()).contains("Wait an hour");
            assertThat(w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none()).rows())
                    .extracting(row -> row.registration().email()).containsExactly("tom@nhs.example");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void full_closed_and_cancelled_events_say_so_and_a_cancel_link_moves_the_waiting_list(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("One place", 20, "Europe/London", 1);
            HttpSession visitor = w.server().http();
            visitor.post(page(w, event), form("Aileen Grant", "aileen@x.example", "NHS Fife"));
            assertThat(visitor.get(page(w, event)).body()).contains("This conversation is full", "Join the waiting list");
            var waiting = visitor.post(page(w, event), form("Tom Reid", "tom@x.example", "NHS Fife"));
            assertThat(waiting.location()).endsWith("outcome=waiting");
            assertThat(visitor.get(waiting.location()).body()).contains("You are on the waiting list", "is full");

            String cancel = Mails.link(Mails.latestTo(w.server(), "aileen@x.example"), "/r/");
            String path = cancel.substring(cancel.indexOf("/r/"));
            assertThat(visitor.get(path).body()).contains("Cancel your place?", "Cancel my place");
            var done = visitor.post(path, Map.of());
            assertThat(done.status()).isEqualTo(302);
            assertThat(visitor.get(done.location()).body()).contains("Your place is cancelled");
            assertThat(Mails.subjectsTo(w.server(), "tom@x.example")).last().isEqualTo("A place has come up for you: One place");
            assertThat(visitor.get("/r/1.forged-token-AAAAAAAAAAAAAAAAAA/cancel").status()).isEqualTo(404);

            w.registrations().updateSettings(w.organiser(), event.event().id(), false, true, true);
            assertThat(visitor.get(page(w, event)).body()).contains("Registration for this conversation is closed")
                    .doesNotContain("name=\"email\"");
            var late = visitor.post(page(w, event), form("Late", "late@x.example", "NHS Fife"));
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body()).contains("Registration for this conversation is closed.");

            w.server().services().events().cancel(w.organiser(), event.event().id());
            assertThat(visitor.get(page(w, event)).body()).contains("This conversation has been cancelled");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void organisers_see_filter_add_export_and_ask_their_own_questions(Database.Vendor vendor) throws Exception {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Questions", 20, "Europe/London", null);
            HttpSession organiser = w.server().http().signIn("aileen@care-leaders.example", RegistrationTesting.PASSWORD);
            String base = "/c/" + w.community().slug() + "/events/" + event.event().id();

            var q = organiser.post(base + "/registration/questions", Map.of("label", "Which room would you like?",
                    "kind", "single_choice", "choices", "Self-compassion\nTeam reflection", "required", "yes", "hint", ""));
            assertThat(q.status()).isEqualTo(302);
            var noChoices = organiser.post(base + "/registration/questions", Map.of("label", "Pick", "kind", "multiple_choice",
                    "choices", "Only one", "required", "no", "hint", ""));
            assertThat(noChoices.status()).isEqualTo(422);
            assertThat(noChoices.body()).contains("Enter at least 2 choices, one on each line");
            long qid = w.registrations().questions(w.organiser(), event.event().id()).get(0).id();

            HttpSession visitor = w.server().http();
            var missing = visitor.post(page(w, event), form("Tom", "tom@x.example", "NHS Fife"));
            assertThat(missing.status()).isEqualTo(422);
            assertThat(missing.body()).contains("Choose an answer to ‘Which room would you like?’");
            var answered = form("=HYPERLINK(\"http://evil.example\")", "eve@x.example", "NHS Fife");
            answered.put("q" + qid, "Team reflection");
            assertThat(visitor.post(page(w, event), answered).status()).isEqualTo(302);

            var added = organiser.post(base + "/registrations/add", Map.of("name", "Morag Ross", "email", "morag@care.example",
                    "organisation", "Angus Council social work", "sendEmail", "on"));
            assertThat(added.status()).isEqualTo(302);
            assertThat(Mails.subjectsTo(w.server(), "morag@care.example")).containsExactly("You have a place: Questions");

            var roster = organiser.get(base + "/registrations");
            assertThat(roster.body()).contains("Morag Ross", "Angus Council", "typed “Angus Council social work”",
                    "Team reflection", "Social care", "Health care");
            assertThat(organiser.get(base + "/registrations?sector=social_care").body())
                    .contains("Morag Ross").doesNotContain("eve@x.example");
            assertThat(organiser.get(base + "/registrations?q=hyperlink").body())
                    .contains("eve@x.example").doesNotContain("morag@care.example");

            var csv = organiser.get(base + "/registrations.csv");
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.body()).contains("'=HYPERLINK(\"\"http://evil.example\"\")", "Which room would you like?",
                    "Team reflection", "Angus Council");
            var xlsx = organiser.getBytes(base + "/registrations.xlsx");
            try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                var sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Name");
                assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(3);
            }

            var settings = organiser.post(base + "/registration", Map.of("open", "no", "remindDay", "on"));
            assertThat(settings.status()).isEqualTo(302);
            assertThat(w.registrations().settings(w.organiser(), event.event().id()))
                    .isEqualTo(new RegistrationSettings(event.event().id(), false, true, false));

            // A facilitator runs the day but does not see personal data in bulk.
            long tom = w.server().services().accounts().signUp(new app.cairn.account.AccountService.SignUp("Tom Facilitator",
                    "tom@care-leaders.example", RegistrationTesting.PASSWORD), false).id();
            w.server().database().jdbi().useHandle(h -> h.execute(
                    "INSERT INTO community_members (community_id, account_id, role, joined_at) VALUES (?, ?, 'facilitator', CURRENT_TIMESTAMP)",
                    w.community().id(), tom));
            var facilitator = w.server().http().signIn("tom@care-leaders.example", RegistrationTesting.PASSWORD);
            assertThat(facilitator.get(base + "/registrations").status()).isEqualTo(403);
            assertThat(facilitator.get(base + "/registrations.csv").status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void an_import_is_previewed_then_saved_and_unreadable_files_save_nothing(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Imported", 20, "Europe/London", null);
            w.register(event, RegistrationTesting.person("Tom Reid", "tom.reid@care.example", "Fife HSCP"));
            HttpSession organiser = w.server().http().signIn("aileen@care-leaders.example", RegistrationTesting.PASSWORD);
            String base = "/c/" + w.community().slug() + "/events/" + event.event().id() + "/registrations/import";

            for (var bad : List.of(Map.entry("empty.csv", "The file is empty"), Map.entry("no-header.csv", "Add a header row"),
                    Map.entry("header-only.csv", "nobody in it"), Map.entry("not-text.csv", "not a CSV or XLSX"))) {
                var r = organiser.postMultipart(base, Map.of(), "file", bad.getKey(), "text/csv", Samples.bytes(bad.getKey()));
                assertThat(r.status()).as(bad.getKey()).isEqualTo(422);
                assertThat(r.body()).as(bad.getKey()).contains(bad.getValue());
            }
            var odd = organiser.postMultipart(base, Map.of(), "file", "odd.csv", "text/csv",
                    new byte[] {'N', 'a', 'm', 'e', '\n', 'A', (byte) 0x81, '\n'});
            assertThat(odd.body()).contains("Save As, then CSV UTF-8");
            assertThat(w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none()).total()).isEqualTo(1);

            var uploaded = organiser.postMultipart(base, Map.of(), "file", "attendees.csv", "text/csv",
                    Samples.bytes("eventbrite-attendees.csv"));
            assertThat(uploaded.status()).isEqualTo(302);
            var preview = organiser.get(uploaded.location());
            assertThat(preview.body()).contains("Check the import", "Nothing has been saved yet", "Attendee Status",
                    "Enter an email address in the correct format", "same email as row 2", "Import 4 people");
            assertThat(w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none()).total()).isEqualTo(1);

            Map<String, String> mapping = new HashMap<>();
            List<String> guessed = ColumnMatcher.match(SheetReader.read(Samples.bytes("eventbrite-attendees.csv"), "a.csv")
                    .headers(), List.of());
            for (int i = 0; i < guessed.size(); i++) mapping.put("column-" + i, guessed.get(i));
            mapping.put("action", "import");
            var saved = organiser.post(uploaded.location(), mapping);
            assertThat(saved.status()).isEqualTo(302);
            assertThat(organiser.get(saved.location()).body()).contains("Imported: 3 added, 1 updated, 1 duplicate rows merged, "
                    + "1 cancelled rows skipped. 1 rows could not be imported.");
            var roster = w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none());
            assertThat(roster.rows()).extracting(r -> r.registration().email()).containsExactlyInAnyOrder(
                    "tom.reid@care.example", "aileen.grant@nhs.example", "morag.oneill@alzheimer.example", "formula@example.org");
            assertThat(roster.rows()).filteredOn(r -> r.registration().email().startsWith("aileen"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.organisation()).isEqualTo("NHS Tayside");
                        assertThat(r.registration().role()).isEqualTo("Senior Charge Nurse");
                        assertThat(r.registration().status()).isEqualTo(Status.CONFIRMED);
                    });
            // The upload is gone once saved.
            assertThat(organiser.get(uploaded.location()).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_api_registers_the_public_and_serves_organisers_with_a_token(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("By API", 20, "Europe/London", 1);
            String api = "/api/v1/public/events/" + w.community().slug() + "/" + event.event().slug();
            HttpSession anyone = w.server().http();
            var info = anyone.get(api);
            assertThat(info.status()).isEqualTo(200);
            assertThat(info.body()).contains("\"timeZone\":\"Europe/London\"", "\"state\":\"open\"", "\"placesLeft\":1");

            String body = "{\"name\":\"Priya\",\"email\":\"priya@x.example\",\"role\":\"Nurse\",\"organisation\":\"NHS Fife\","
                    + "\"consent\":true}";
            var notJson = anyone.sendJson("POST", api + "/registrations", "{\"name\": ");
            assertThat(notJson.status()).isEqualTo(400);
            // The exemption from CSRF is for JSON only: a form posted from another site is still refused.
            assertThat(anyone.postRaw(api + "/registrations", Map.of("name", "Bot")).status()).isEqualTo(403);
            var r = w.server().http().postJson(api + "/registrations", body);
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body()).contains("\"status\":\"confirmed\"", "\"updated\":false");
            assertThat(w.server().http().postJson(api + "/registrations", body).body()).contains("\"updated\":true");
            var waiting = w.server().http().postJson(api + "/registrations", body.replace("priya@", "tom@"));
            assertThat(waiting.body()).contains("\"status\":\"waiting\"", "\"waitingPosition\":1");
            var invalid = w.server().http().postJson(api + "/registrations", "{\"name\":\"\",\"email\":\"x\"}");
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.body()).contains("\"fields\"", "Enter your name", "Tick the box");

            String token = w.server().services().apiTokens().create(w.organiser(), "Reports");
            HttpSession script = w.server().http().bearer(token);
            var list = script.get("/api/v1/events/" + event.event().id() + "/registrations");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("\"total\":2", "\"confirmed\":1", "\"waiting\":1", "priya@x.example");
            assertThat(w.server().http().sendJson("GET", "/api/v1/events/" + event.event().id() + "/registrations", null)
                    .status()).isEqualTo(401);
            var question = script.postJson("/api/v1/events/" + event.event().id() + "/questions",
                    "{\"kind\":\"yes_no\",\"label\":\"Happy to report back?\",\"required\":false}");
            assertThat(question.status()).isEqualTo(201);
            assertThat(script.putJson("/api/v1/events/" + event.event().id() + "/registration-settings", "{\"open\":false}")
                    .body()).contains("\"open\":false", "\"remindDayBefore\":true");
            var match = anyone.get("/api/v1/public/organisations/match?name=Nhs%20tayside%20-%20Ninewells");
            assertThat(match.body()).contains("\"found\":true", "\"name\":\"NHS Tayside\"", "\"sector\":\"health\"");
            var insights = script.get("/api/v1/communities/" + w.community().slug() + "/insights");
            assertThat(insights.body()).contains("\"registered\":1", "\"waiting\":1", "\"people\":1");
            var orgs = script.get("/api/v1/communities/" + w.community().slug() + "/organisations");
            assertThat(orgs.body()).contains("\"name\":\"NHS Fife\"", "\"directory\":true");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void insights_charts_are_svg_images_with_their_own_policy_and_the_numbers_are_a_table_and_csv(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var first = w.event("First", 10, "Europe/London", null);
            var second = w.event("Second", 40, "Europe/London", null);
            w.register(first, RegistrationTesting.person("Aileen", "aileen@x.example", "NHS Fife"));
            w.register(second, RegistrationTesting.person("Aileen", "aileen@x.example", "NHS Fife"));
            w.register(second, RegistrationTesting.person("Tom", "tom@x.example", "Kingdom Carers Centre", "social_care"));
            HttpSession organiser = w.server().http().signIn("aileen@care-leaders.example", RegistrationTesting.PASSWORD);
            String base = "/c/" + w.community().slug() + "/insights";
            var page = organiser.get(base);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<img class=\"cairn-chart__image\" src=\"" + base + "/people.svg?v=",
                    "alt=\"People registered and attended at 2 conversations", "New and returning people: the numbers",
                    "Kingdom Carers Centre").doesNotContain("style=");
            var svg = organiser.get(base + "/returning.svg");
            assertThat(svg.status()).isEqualTo(200);
            assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
            assertThat(svg.header("Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'");
            assertThat(svg.body()).startsWith("<svg").contains("viewBox='0.0 0.0 760.0 380.0'", "Returning").doesNotContain("<script");
            var csv = organiser.get(base + ".csv");
            assertThat(csv.body()).contains("First,", "Second,").contains(",1,0,0,1,0,1,1,");
            assertThat(organiser.get(base + "/nonsense.svg").status()).isEqualTo(404);
            assertThat(w.server().http().get(base).status()).isEqualTo(302);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void organisers_merge_spellings_once_on_the_organisations_page_and_can_undo_it(Database.Vendor vendor) {
        try (var w = RegistrationTesting.world(vendor)) {
            var event = w.event("Merging", 20, "Europe/London", null);
            w.register(event, RegistrationTesting.person("Aileen", "aileen@x.example", "Strathmore Care Homes Ltd", "social_care"));
            w.register(event, RegistrationTesting.person("Tom", "tom@x.example", "Strathmore Care Homes", "social_care"));
            w.register(event, RegistrationTesting.person("Priya", "priya@x.example", "Nhs tayside"));
            HttpSession organiser = w.server().http().signIn("aileen@care-leaders.example", RegistrationTesting.PASSWORD);
            String page = "/c/" + w.community().slug() + "/organisations";
            var orgs = w.server().services().organisations().used(w.organiser(), w.community().id());
            long full = orgs.stream().filter(u -> u.organisation().name().equals("Strathmore Care Homes Ltd")).findFirst()
                    .orElseThrow().organisation().id();
            long variant = orgs.stream().filter(u -> u.organisation().name().equals("Strathmore Care Homes")).findFirst()
                    .orElseThrow().organisation().id();

            assertThat(organiser.get(page).body()).contains("Names Cairn did not recognise", "Strathmore Care Homes (1)",
                    "NHS Tayside", "territorial NHS board");
            var none = organiser.post(page + "/merge", Map.of("into", Long.toString(full)));
            assertThat(none.status()).isEqualTo(422);
            assertThat(none.body()).contains("Choose at least one other spelling to merge");
            var merged = organiser.post(page + "/merge", Map.of("from", Long.toString(variant), "into", Long.toString(full)));
            assertThat(merged.status()).isEqualTo(302);
            assertThat(organiser.get(page).body()).contains("Merged 1 spelling into Strathmore Care Homes Ltd",
                    "Also counts “Strathmore Care Homes”");
            assertThat(w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none()).organisations())
                    .extracting(Roster.OrganisationCount::name, Roster.OrganisationCount::people)
                    .contains(org.assertj.core.groups.Tuple.tuple("Strathmore Care Homes Ltd", 2));

            assertThat(organiser.post(page + "/" + variant + "/unmerge", Map.of()).status()).isEqualTo(302);
            assertThat(w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none()).organisations())
                    .hasSize(3);
        }
    }
}
