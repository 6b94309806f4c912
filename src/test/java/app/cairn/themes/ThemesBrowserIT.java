package app.cairn.themes;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

class ThemesBrowserIT {

    @Test
    void a_facilitator_keeps_a_theme_sees_new_contributions_arrive_and_stars_a_quote() throws Exception {
        Browser.assumeAvailable();
        try (TestServer server = TestServer.start(Database.Vendor.H2);
                Browser facilitator = Browser.open(server)) {
            facilitator.go("/sign-up").type("#name", "Aileen Grant").type("#email", "aileen@example.org")
                    .type("#password", "correct horse battery").press("Create account");
            long accountId = server.services().accounts().byEmail("aileen@example.org").orElseThrow().id();
            HttpSession api = server.http().bearer(server.services().apiTokens().create(accountId, "test"));
            var json = ThemesHttpIT.JSON;
            String slug = json.readTree(api.postJson("/api/v1/communities", "{\"name\": \"Tayside Leaders\"}").body())
                    .get("slug").asText();
            long eventId = json.readTree(api.postJson("/api/v1/communities/" + slug + "/events", """
                    {"templateId": "community-conversation-2-hours", "title": "Making space to reflect",
                     "date": "2030-03-09", "startTime": "12:30"}""").body()).get("id").asLong();
            ThemesHttpIT.say(server, eventId, ThemesHttpIT.WORKFORCE);
            ThemesHttpIT.say(server, eventId, ThemesHttpIT.REFLECTION_TIME);

            facilitator.go("/c/" + slug + "/events/" + eventId).tap("Themes from what people said");
            new WebDriverWait(facilitator.driver(), Duration.ofSeconds(10)).until(d -> facilitator.path().endsWith("/themes"));
            facilitator.assertAccessible();
            facilitator.press("Chat before the start");
            assertThat(facilitator.text("h1")).isEqualTo("Chat before the start");
            assertThat(facilitator.text("#suggestions")).contains("There is never time to stop and reflect together");
            facilitator.assertAccessible().screenshot("themes-suggestions");

            facilitator.type("#accept-label-0", "Time to reflect").press("Keep this theme");
            assertThat(facilitator.text(".govuk-notification-banner")).contains("Theme kept: Time to reflect");
            assertThat(facilitator.text(".cairn-theme h3")).isEqualTo("Time to reflect");

            // Someone says more in the chat: the suggestions column refreshes by itself.
            ThemesHttpIT.say(server, eventId, List.of("Nobody has time to stop and reflect any more",
                    "We never get time to reflect together as a team"));
            new WebDriverWait(facilitator.driver(), Duration.ofSeconds(30)).until(d ->
                    facilitator.find("#suggestions").getAttribute("innerHTML").contains("Nobody has time to stop and reflect"));

            facilitator.find(".cairn-theme details:nth-of-type(2) summary").click();
            facilitator.find(".cairn-theme details:nth-of-type(1) summary").click();
            facilitator.assertAccessible();
            facilitator.press("Star this quote");
            assertThat(facilitator.text(".govuk-notification-banner")).contains("Quote starred");
            assertThat(facilitator.text(".cairn-theme h4")).isEqualTo("Starred quotes");
            facilitator.find(".cairn-theme details:nth-of-type(1) summary").click();
            facilitator.type("#summary-" + firstThemeId(server, accountId, eventId), "People want protected time to reflect.")
                    .press("Save summary");
            assertThat(facilitator.text(".cairn-theme")).contains("People want protected time to reflect.");
            facilitator.assertAccessible().screenshot("themes-curated");

            // Contributions that fit no suggested theme can be kept as a theme of their own.
            facilitator.find("#suggestions > details summary").click();
            facilitator.find("#suggestions input[form='keep-unthemed']").click();
            facilitator.find("#suggestions input[form='keep-unthemed']:not(:checked)").click();
            facilitator.type("#unthemed-label", "Recruiting staff").press("Keep as a new theme");
            assertThat(facilitator.findAll(".cairn-theme h3")).extracting(e -> e.getText()).contains("Recruiting staff");
            facilitator.assertAccessible();
        }
    }

    @Test
    void the_demo_conversations_curated_workspace_is_accessible() {
        Browser.assumeAvailable();
        var now = java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T09:00:00Z"), java.time.ZoneOffset.UTC);
        try (TestServer server = TestServer.start(app.cairn.testing.TestDatabases.open(Database.Vendor.H2), now,
                java.util.Map.of("CAIRN_DEMO", "true"));
                Browser organiser = Browser.open(server)) {
            var services = server.services();
            long account = services.accounts().byEmail(app.cairn.demo.Demo.EMAIL).orElseThrow().id();
            var community = services.communities().membershipsOf(account).get(0).community();
            long past = services.instanceSettings().get("demo.past-event").map(Long::valueOf).orElseThrow();
            organiser.go("/sign-in").type("#email", app.cairn.demo.Demo.EMAIL).type("#password", app.cairn.demo.Demo.PASSWORD)
                    .press("Sign in");
            organiser.go("/c/" + community.slug() + "/events/" + past + "/themes").assertAccessible();
            organiser.press("Chat during Opening perspective");
            assertThat(organiser.findAll(".cairn-theme h3")).extracting(e -> e.getText())
                    .contains("Kindness to staff is kindness to patients");
            organiser.findAll("details summary").forEach(d -> d.click());
            organiser.assertAccessible().screenshot("themes-demo-stream");
        }
    }

    private static long firstThemeId(TestServer server, long accountId, long eventId) {
        return server.services().themes().workspace(accountId, eventId, "chat-start").curated().get(0).id();
    }
}
