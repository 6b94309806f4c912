package app.cairn.event;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.TestServer;
import org.junit.jupiter.api.Test;

class EventBrowserIT {

    @Test
    void an_organiser_plans_a_diy_conversation_and_re_times_a_segment_on_accessible_pages() {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser browser = Browser.open(server)) {
            browser.go("/sign-up").assertAccessible();
            browser.type("#name", "Aileen Grant").type("#email", "aileen@example.org")
                    .type("#password", "correct horse battery").press("Create account");
            browser.assertAccessible();

            // This worktree has no community pages yet, so the community is made through its service.
            long account = server.services().accounts().byEmail("aileen@example.org").orElseThrow().id();
            Community community = server.services().communities().create(account, new CommunityService.Details(
                    "Highland Leadership Network", "Conversations about leading well", "hello@highland.example", ""));
            String base = "/c/" + community.slug() + "/events";

            browser.go(base).assertAccessible();
            browser.press("Plan a conversation");
            assertThat(browser.path()).isEqualTo(base + "/new");
            browser.assertAccessible();
            browser.screenshot("event-1-choose-template");

            browser.press("Continue");
            assertThat(browser.text(".govuk-error-summary")).contains("Choose a template to start from");
            browser.assertAccessible();
            browser.click("label[for='template']").press("Continue");
            assertThat(browser.text("main")).contains("Starting from DIY conversation (1 hour)");
            browser.assertAccessible();

            browser.type("#title", "Making space to reflect").type("#date", "31").type("#date-month", "2")
                    .type("#date-year", "2027").type("#startTime", "12:30").press("Save and continue");
            assertThat(browser.text(".govuk-error-summary")).contains("31 February 2027 is not a real date");
            assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Making space to reflect");
            browser.assertAccessible();
            browser.screenshot("event-2-details-with-errors");

            browser.type("#date", "9").type("#date-month", "3")
                    .type("[id='hosts[0].name']", "Dr Jane Smith").type("[id='hosts[0].role']", "Director of Nursing")
                    .type("[id='hosts[0].organisation']", "NHS Tayside").press("Save and continue");
            assertThat(browser.text("h1")).isEqualTo("Making space to reflect");
            assertThat(browser.text("main")).contains("Tuesday 9 March 2027, 12:30 to 13:30 (Europe/London)")
                    .contains("Dr Jane Smith, Director of Nursing, NHS Tayside");
            browser.assertAccessible();
            browser.screenshot("event-3-overview");

            browser.press("Edit the agenda");
            browser.assertAccessible();
            var starts = browser.findAll(".cairn-agenda__start");
            assertThat(starts).extracting(e -> e.getText()).containsExactly("12:30", "12:35", "12:40", "13:10", "13:25");

            String firstMinutes = "#" + browser.findAll(".cairn-agenda__minutes input").get(0).getAttribute("id");
            browser.type(firstMinutes, "15").press("Save times");
            assertThat(browser.findAll(".cairn-agenda__start")).extracting(e -> e.getText())
                    .containsExactly("12:30", "12:45", "12:50", "13:20", "13:35");
            assertThat(browser.text("#agenda-summary")).contains("ends at 13:40");
            assertThat(browser.text(".govuk-notification-banner")).contains("Times saved");
            browser.assertAccessible();
            browser.screenshot("event-4-agenda-re-timed");

            browser.type(firstMinutes, "0").press("Save times");
            assertThat(browser.text(".govuk-error-summary")).contains("A segment must last at least 1 minute");
            browser.assertAccessible();

            browser.go(base).assertAccessible();
            browser.screenshot("event-5-list");
        }
    }

    @Test
    void the_agenda_editor_works_on_a_narrow_phone() {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser browser = Browser.open(server, 320, 800)) {
            browser.go("/sign-up");
            browser.type("#name", "Tom Reid").type("#email", "tom@example.org")
                    .type("#password", "correct horse battery").press("Create account");
            long account = server.services().accounts().byEmail("tom@example.org").orElseThrow().id();
            Community community = server.services().communities().create(account,
                    new CommunityService.Details("Care Network", "", "", ""));
            var plan = server.services().events().create(account, community.id(), "community-conversation-2-hours",
                    new EventInput("Leading with compassion when the pressure is on", "", EventInput.DateInput.iso("2027-03-27"),
                            "23:30", "Europe/London", java.util.List.of(), "", "", ""));
            String href = "/c/" + community.slug() + "/events/" + plan.event().id();

            browser.go(href + "/agenda").assertAccessible();
            assertThat(browser.text("main")).contains("The clocks change in Europe/London during this conversation")
                    .contains("Sun 28 Mar");
            Object scrollWidth = browser.driver().executeScript("return document.documentElement.scrollWidth");
            assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(320);
            browser.screenshot("event-6-agenda-320");

            browser.tap("Move down: Welcome and introductions");
            browser.waitFor(".govuk-notification-banner");
            assertThat(browser.findAll(".cairn-agenda__title").get(0).getText()).isEqualTo("1. Opening perspective");
            browser.assertAccessible();

            browser.go(href + "/agenda/segments/" + plan.segments().get(5).id()).assertAccessible();
            browser.screenshot("event-7-segment-320");
            browser.go(href).assertAccessible();
            browser.screenshot("event-8-overview-320");
        }
    }
}
