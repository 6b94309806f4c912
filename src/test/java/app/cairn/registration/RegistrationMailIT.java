package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.account.AccountService;
import app.cairn.community.CommunityService;
import app.cairn.event.EventInput;
import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The confirmation as it reaches a mail server: text with the personal links, and a calendar invitation in the event's zone. */
class RegistrationMailIT {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_confirmation_carries_a_valid_invitation_in_the_events_zone_and_the_personal_links(Database.Vendor vendor)
            throws Exception {
        Map<String, String> env = Map.of("CAIRN_SMTP_HOST", "127.0.0.1", "CAIRN_SMTP_PORT",
                Integer.toString(smtp.getSmtp().getPort()), "CAIRN_SMTP_STARTTLS", "false",
                "CAIRN_MAIL_FROM", "Cairn <cairn@care-leaders.example>");
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), Clock.systemUTC(), env)) {
            var services = server.services();
            long organiser = services.accounts().signUp(new AccountService.SignUp("Aileen Grant", "aileen@x.example",
                    "correct horse battery"), true).id();
            var community = services.communities().create(organiser, new CommunityService.Details("Care Leaders", "",
                    "hello@care-leaders.example", ""));
            LocalDate day = LocalDate.now().plusDays(30);
            var event = services.events().create(organiser, community.id(), "community-conversation-2-hours", new EventInput(
                    "Caring across boundaries", "Hear from colleagues on both sides of the Atlantic.",
                    EventInput.DateInput.iso(day.toString()), "09:30", "America/Toronto", List.of(), "", "", ""));
            var outcome = services.registrations().register(community.slug(), event.event().slug(),
                    new RegistrationInput("Priya Sharma", "priya@nhs.example", "Staff Nurse", "NHS Lothian", "", "", "",
                            Map.of(), true), "form");

            assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
            MimeMessage received = smtp.getReceivedMessages()[0];
            assertThat(received.getSubject()).isEqualTo("You have a place: Caring across boundaries");
            assertThat(received.getAllRecipients()[0].toString()).isEqualTo("priya@nhs.example");
            MimeMultipart parts = (MimeMultipart) received.getContent();
            String text = (String) parts.getBodyPart(0).getContent();
            assertThat(text).contains("Hello Priya Sharma", "(America/Toronto)", server.url("/j/" + outcome.token()),
                    server.url("/r/" + outcome.token() + "/cancel"), "hello@care-leaders.example");

            BodyPart invite = parts.getBodyPart(1);
            assertThat(invite.getFileName()).isEqualTo("invite.ics");
            assertThat(invite.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
            Calendar calendar = new CalendarBuilder().build(new InputStreamReader(invite.getInputStream(), StandardCharsets.UTF_8));
            calendar.validate();
            VEvent vevent = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
            assertThat(vevent.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Caring across boundaries");
            assertThat(vevent.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                    .isEqualTo("America/Toronto");
            assertThat(vevent.getProperty("DTSTART").orElseThrow().getValue())
                    .isEqualTo(day.toString().replace("-", "") + "T093000");
            assertThat(vevent.getProperty("DTEND").orElseThrow().getValue())
                    .isEqualTo(day.toString().replace("-", "") + "T113000");
            assertThat(vevent.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo(server.url("/j/" + outcome.token()));
            assertThat(vevent.getDateTimeStart().getDate()).isNotNull();
            // The instant is right too: 09:30 in Toronto, whatever zone the reader's calendar is in.
            assertThat(java.time.ZonedDateTime.from(vevent.getDateTimeStart().getDate()).toInstant())
                    .isEqualTo(event.event().start().toInstant());
        }
    }
}
