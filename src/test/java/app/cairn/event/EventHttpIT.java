package app.cairn.event;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventHttpIT {
    static final String PASSWORD = "correct horse battery";

    /** An organiser signed in, with a community of their own. */
    record Organiser(HttpSession http, long accountId, Community community) {
        String base() {
            return "/c/" + community.slug() + "/events";
        }
    }

    static Organiser organiser(TestServer server, String email) {
        HttpSession http = server.http().signUp("Aileen Grant", email, PASSWORD);
        long id = server.services().accounts().byEmail(email).orElseThrow().id();
        Community c = server.services().communities().create(id, new CommunityService.Details(
                "Highland Leadership Network " + id, "Conversations about leading well", "hello@highland.example", ""));
        return new Organiser(http, id, c);
    }

    static Map<String, String> details(String title) {
        Map<String, String> f = new HashMap<>();
        f.put("template", "diy-1-hour");
        f.put("hostRows", "1");
        f.put("title", title);
        f.put("purpose", "Share what helps us reflect and learn together.");
        f.put("date-day", "9");
        f.put("date-month", "3");
        f.put("date-year", "2027");
        f.put("startTime", "10:00");
        f.put("timeZone", "Europe/London");
        f.put("timeZoneOther", "");
        f.put("hosts[0].name", "Dr Jane Smith");
        f.put("hosts[0].role", "Director of Nursing");
        f.put("hosts[0].organisation", "NHS Tayside");
        f.put("recordingUrl", "");
        f.put("contactEmail", "hello@highland.example");
        f.put("capacity", "80");
        f.put("action", "save");
        return f;
    }

    static long created(HttpSession.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        Matcher m = Pattern.compile("/events/(\\d+)$").matcher(r.location());
        assertThat(m.find()).as(r.location()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void an_organiser_plans_a_conversation_from_the_diy_template_and_sees_its_times(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Organiser o = organiser(server, "aileen@example.org");
            var choose = o.http().get(o.base() + "/new");
            assertThat(choose.status()).isEqualTo(200);
            assertThat(choose.body()).contains("DIY conversation (1 hour)").contains("Community conversation (2 hours)")
                    .contains("1 hour in total").contains("2 hours in total").contains("Breakout discussions (30 min)");

            var none = o.http().post(o.base() + "/new", Map.of());
            assertThat(none.status()).isEqualTo(422);
            assertThat(none.body()).contains("Choose a template to start from");

            var chosen = o.http().post(o.base() + "/new", Map.of("template", "diy-1-hour"));
            assertThat(chosen.location()).endsWith("/new/details?template=diy-1-hour");
            var form = o.http().get(chosen.location());
            assertThat(form.body()).contains("Starting from <strong>DIY conversation (1 hour)</strong>")
                    .contains("value=\"hello@highland.example\"");

            long id = created(o.http().post(o.base(), details("Making space to reflect")));
            var overview = o.http().get(o.base() + "/" + id);
            assertThat(overview.status()).isEqualTo(200);
            assertThat(overview.body()).contains("Making space to reflect")
                    .contains("Tuesday 9 March 2027, 10:00 to 11:00 (Europe/London)")
                    .contains("Dr Jane Smith, Director of Nursing, NHS Tayside")
                    .contains("80 people")
                    .contains("10:40").contains("Whole-group discussion");

            EventPlan plan = server.services().events().get(o.accountId(), id);
            assertThat(plan.segments()).extracting(Segment::minutes).containsExactly(5, 5, 30, 15, 5);
            assertThat(plan.event().slug()).isEqualTo("making-space-to-reflect");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void bad_dates_times_zones_and_long_text_are_explained_and_everything_typed_is_kept(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Organiser o = organiser(server, "aileen@example.org");
            Map<String, String> f = details("t".repeat(201));
            f.put("date-day", "31");
            f.put("date-month", "2");
            f.put("capacity", "lots");
            f.put("timeZoneOther", "Europe/Londn");
            f.put("hosts[0].role", "Guest of honour");
            var r = o.http().post(o.base(), f);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).contains("There is a problem")
                    .contains("Title must be 200 characters or fewer")
                    .contains("31 February 2027 is not a real date: February 2027 has 28 days")
                    .contains("is not a time zone").contains("Did you mean Europe/London?")
                    .contains("href=\"#timeZoneOther\"")
                    .contains("Capacity must be a whole number")
                    .contains("value=\"" + "t".repeat(201) + "\"")
                    .contains("value=\"31\"").contains("value=\"lots\"").contains("value=\"Guest of honour\"")
                    .contains("value=\"Europe/Londn\"");

            Map<String, String> gap = details("Spring forward");
            gap.put("date-day", "28");
            gap.put("date-month", "3");
            gap.put("startTime", "01:30");
            var g = o.http().post(o.base(), gap);
            assertThat(g.status()).isEqualTo(422);
            assertThat(g.body()).contains("On 28 March 2027 the clocks in Europe/London go forward from 01:00 to 02:00, "
                    + "so 01:30 does not exist that day. Choose another start time, such as 02:00");
            Map<String, String> other = details("Somewhere else");
            other.put("timeZone", "other");
            var o2 = o.http().post(o.base(), other);
            assertThat(o2.status()).isEqualTo(422);
            assertThat(o2.body()).contains("href=\"#timeZoneOther\"").contains("Type the name of the time zone");
            assertThat(server.services().events().list(o.accountId(), o.community().id())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void adding_a_host_row_keeps_what_was_typed_and_saves_nothing(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Organiser o = organiser(server, "aileen@example.org");
            Map<String, String> f = details("Two hosts");
            f.put("action", "add-host");
            var r = o.http().post(o.base(), f);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("Host 2").contains("name=\"hosts[1].name\"").contains("value=\"Dr Jane Smith\"");
            assertThat(server.services().events().list(o.accountId(), o.community().id())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void editing_cloning_cancelling_and_restoring(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Organiser o = organiser(server, "aileen@example.org");
            long id = created(o.http().post(o.base(), details("Leading with compassion")));
            String href = o.base() + "/" + id;

            var edit = o.http().get(href + "/edit");
            assertThat(edit.body()).contains("value=\"Leading with compassion\"").contains("value=\"2027\"");
            Map<String, String> changed = details("Leading with compassion, again");
            changed.put("version", "1");
            changed.put("timeZone", "other");
            changed.put("timeZoneOther", "america/new_york");
            changed.put("recordingUrl", "https://video.example.org/recording");
            var saved = o.http().post(href + "/edit", changed);
            assertThat(saved.status()).as(saved.body()).isEqualTo(302);
            Event e = server.services().events().get(o.accountId(), id).event();
            assertThat(e.title()).isEqualTo("Leading with compassion, again");
            assertThat(e.zone().getId()).isEqualTo("America/New_York");
            assertThat(e.slug()).isEqualTo("leading-with-compassion");

            var stale = o.http().post(href + "/edit", changed);
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.body()).contains("Someone else changed this conversation");

            Map<String, String> bad = details("");
            bad.put("recordingUrl", "ftp://files.example.org/x");
            var invalid = o.http().post(href + "/edit", bad);
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.body()).contains("Enter the conversation's title")
                    .contains("Enter the recording link as a full web address");

            var clonePage = o.http().get(href + "/clone");
            assertThat(clonePage.body()).contains("Plan another conversation like this").doesNotContain("value=\"2027\"");
            Map<String, String> copy = details("Leading with compassion, part two");
            copy.put("date-month", "4");
            long copyId = created(o.http().post(href + "/clone", copy));
            EventPlan clone = server.services().events().get(o.accountId(), copyId);
            assertThat(clone.event().date()).hasMonthValue(4);
            assertThat(clone.segments()).extracting(Segment::title).containsExactlyElementsOf(
                    server.services().events().get(o.accountId(), id).segments().stream().map(Segment::title).toList());
            assertThat(clone.segments().get(0).id()).isNotEqualTo(server.services().events().get(o.accountId(), id).segments().get(0).id());

            assertThat(o.http().post(href + "/cancel", Map.of()).status()).isEqualTo(302);
            assertThat(o.http().get(href).body()).contains("This conversation is cancelled").contains("Restore this conversation");
            assertThat(o.http().get(o.base()).body()).contains("Cancelled");
            assertThat(o.http().post(href + "/restore", Map.of()).status()).isEqualTo(302);
            assertThat(server.services().events().get(o.accountId(), id).event().cancelled()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_agenda_editor_re_times_moves_adds_edits_and_removes_segments(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Organiser o = organiser(server, "aileen@example.org");
            long id = created(o.http().post(o.base(), details("Agenda work")));
            String agenda = o.base() + "/" + id + "/agenda";
            var events = server.services().events();
            var segs = events.get(o.accountId(), id).segments();

            Map<String, String> times = new HashMap<>();
            segs.forEach(s -> times.put("minutes-" + s.id(), Integer.toString(s.minutes())));
            times.put("minutes-" + segs.get(0).id(), "10");
            times.put("action", "times");
            var r = o.http().post(agenda, times);
            assertThat(r.status()).isEqualTo(302);
            var page = o.http().get(agenda).body();
            assertThat(page).contains("ends at 11:05").contains("10:10");

            times.put("minutes-" + segs.get(1).id(), "0");
            times.put("minutes-" + segs.get(2).id(), "half an hour");
            var bad = o.http().post(agenda, times);
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.body()).contains("A segment must last at least 1 minute").contains("Minutes must be a whole number, like 15")
                    .contains("value=\"half an hour\"");
            times.put("minutes-" + segs.get(1).id(), "5");
            times.put("minutes-" + segs.get(2).id(), "30");

            times.put("action", "up:" + segs.get(2).id());
            assertThat(o.http().post(agenda, times).location()).endsWith("#segment-" + segs.get(2).id());
            assertThat(events.get(o.accountId(), id).segments()).extracting(Segment::title)
                    .startsWith("Welcome and introductions", "Breakout discussions", "Opening perspective");

            var added = o.http().post(agenda + "/segments", Map.of("new-title", "Short break", "new-kind", "custom", "new-minutes", "600"));
            assertThat(added.status()).isEqualTo(422);
            assertThat(added.body()).contains("A segment can last at most 480 minutes (8 hours)").contains("value=\"Short break\"");
            added = o.http().post(agenda + "/segments", Map.of("new-title", "Short break", "new-kind", "custom", "new-minutes", "10"));
            assertThat(added.status()).isEqualTo(302);
            Segment brk = events.get(o.accountId(), id).segments().get(5);
            assertThat(brk.title()).isEqualTo("Short break");

            var editPage = o.http().get(agenda + "/segments/" + brk.id());
            assertThat(editPage.status()).isEqualTo(200);
            Map<String, String> seg = new HashMap<>(Map.of("title", "Stretch and tea", "kind", "custom", "minutes", "7",
                    "guidance", "Invite people to stand up and stretch.", "prompts", "How are you feeling?\n\nWhat do you need?",
                    "pollRows", "1", "polls[0].question", "How is your energy?", "polls[0].kind", "rating", "polls[0].options", ""));
            seg.put("action", "save");
            assertThat(o.http().post(agenda + "/segments/" + brk.id(), seg).status()).isEqualTo(302);
            Segment edited = events.get(o.accountId(), id).segments().get(5);
            assertThat(edited.id()).isEqualTo(brk.id());
            assertThat(edited.prompts()).containsExactly("How are you feeling?", "What do you need?");
            assertThat(edited.polls().get(0).options()).containsExactly("1", "2", "3", "4", "5");

            seg.put("polls[0].kind", "single_choice");
            seg.put("polls[0].options", "Only one");
            seg.put("guidance", "g".repeat(4001));
            var badSeg = o.http().post(agenda + "/segments/" + brk.id(), seg);
            assertThat(badSeg.status()).isEqualTo(422);
            assertThat(badSeg.body()).contains("Guidance must be 4000 characters or fewer")
                    .contains("Poll 1 needs at least 2 options, one on each line");

            times.clear();
            times.put("action", "remove:" + brk.id());
            assertThat(o.http().post(agenda, times).status()).isEqualTo(302);
            assertThat(events.get(o.accountId(), id).segments()).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void saving_an_agenda_as_a_template_offers_it_for_the_next_conversation(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Organiser o = organiser(server, "aileen@example.org");
            long id = created(o.http().post(o.base(), details("Our format")));
            String href = o.base() + "/" + id;
            var dup = o.http().post(href + "/save-template", Map.of("name", "DIY conversation (1 hour)"));
            assertThat(dup.status()).isEqualTo(422);
            assertThat(dup.body()).contains("There is already a template called");
            assertThat(o.http().post(href + "/save-template", Map.of("name", "Our lunchtime format", "description", "Fits a lunch hour"))
                    .status()).isEqualTo(302);
            var choose = o.http().get(o.base() + "/new").body();
            assertThat(choose).contains("Our lunchtime format").contains("saved by your community");
            String templateId = server.services().templates().available(o.accountId(), o.community().id()).get(2).id();
            Map<String, String> f = details("From our own template");
            f.put("template", templateId);
            long second = created(o.http().post(o.base(), f));
            assertThat(server.services().events().get(o.accountId(), second).event().templateName()).isEqualTo("Our lunchtime format");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void facilitators_only_look_and_strangers_are_told_nothing_exists(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            Organiser o = organiser(server, "aileen@example.org");
            long id = created(o.http().post(o.base(), details("Private plans")));
            String href = o.base() + "/" + id;

            HttpSession stranger = server.http().signUp("Tom Reid", "tom@example.org", PASSWORD);
            assertThat(stranger.get(o.base()).status()).isEqualTo(404);
            assertThat(stranger.get(href).status()).isEqualTo(404);
            assertThat(stranger.get(href).body()).doesNotContain("Private plans");
            assertThat(stranger.post(href + "/cancel", Map.of()).status()).isEqualTo(404);

            long tom = server.services().accounts().byEmail("tom@example.org").orElseThrow().id();
            server.database().jdbi().useHandle(h -> h.execute(
                    "INSERT INTO community_members (community_id, account_id, role, joined_at) VALUES (?, ?, 'facilitator', CURRENT_TIMESTAMP)",
                    o.community().id(), tom));
            var view = stranger.get(href);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body()).contains("Private plans").doesNotContain("Edit the details").doesNotContain("Cancel this conversation");
            assertThat(stranger.get(href + "/agenda").body()).doesNotContain("Save times").contains("Breakout discussions");
            assertThat(stranger.get(href + "/edit").status()).isEqualTo(403);
            assertThat(stranger.post(href + "/cancel", Map.of()).status()).isEqualTo(403);
            assertThat(stranger.get(o.base() + "/new").status()).isEqualTo(403);

            assertThat(o.http().get("/c/" + o.community().slug() + "/events/999999").status()).isEqualTo(404);
            assertThat(o.http().get("/c/" + o.community().slug() + "/events/abc").status()).isEqualTo(404);
        }
    }
}
