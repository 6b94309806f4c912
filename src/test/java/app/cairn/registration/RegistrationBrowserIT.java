package app.cairn.registration;

import static app.cairn.registration.RegistrationTesting.person;
import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.registration.Registration.Status;
import app.cairn.store.Database;
import app.cairn.testing.Browser;
import app.cairn.testing.Eventually;
import app.cairn.testing.Mails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Registering on a phone, the email, cancelling from it and the waiting list moving; then the organiser's pages. */
class RegistrationBrowserIT {

    @Test
    void on_a_phone_someone_registers_gets_the_email_cancels_and_the_next_person_gets_the_place() {
        try (var w = RegistrationTesting.world(Database.Vendor.H2); Browser phone = Browser.open(w.server(), 390, 844)) {
            var event = w.event("Making space to reflect", 14, "Europe/London", 1);
            String page = "/e/" + w.community().slug() + "/" + event.event().slug();

            phone.go(page).assertAccessible();
            phone.screenshot("registration-01-public-page-phone");
            phone.type("#name", "Aileen Grant").type("#email", "aileen@nhs.example").type("#role", "Charge Nurse")
                    .type("#organisation", "Nhs tayside");
            phone.click("#oneQuestion");
            // The form's script recognises the organisation and chooses its sector.
            Eventually.within(Duration.ofSeconds(5), "the sector is filled in",
                    () -> phone.find("input[name='sector'][value='health']").isSelected());
            assertThat(phone.text("#organisation-found")).contains("NHS Tayside is in our list");
            phone.type("#oneQuestion", "How do we make time to reflect when the ward is full?");
            phone.click("#consent");
            phone.screenshot("registration-02-form-filled-phone");
            phone.press("Register");
            assertThat(phone.text("h1")).isEqualTo("You are registered");
            phone.assertAccessible();
            phone.screenshot("registration-03-registered-phone");

            String mail = Mails.latestTo(w.server(), "aileen@nhs.example");
            assertThat(mail).contains("You have a place at Making space to reflect", "/j/", "/cancel");

            // Now it is full: the next person joins the waiting list, and is told so plainly.
            phone.go(page).assertAccessible();
            assertThat(phone.text("#registration")).isEqualTo("Join the waiting list");
            phone.type("#name", "Tom Reid").type("#email", "tom@care.example").type("#role", "Social Worker")
                    .type("#organisation", "Kingdom Carers Centre");
            phone.click("#sector-1").click("#consent");
            phone.press("Join the waiting list");
            assertThat(phone.text("h1")).isEqualTo("You are on the waiting list");
            phone.assertAccessible();
            phone.screenshot("registration-04-waiting-list-phone");

            // Aileen cannot come after all: she follows the link in her email.
            String cancel = Mails.link(mail, "/r/");
            phone.go(cancel.substring(cancel.indexOf("/r/"))).assertAccessible();
            phone.screenshot("registration-05-cancel-phone");
            phone.press("Cancel my place");
            assertThat(phone.text("h1")).isEqualTo("Your place is cancelled");
            phone.assertAccessible();
            phone.screenshot("registration-06-cancelled-phone");

            assertThat(Mails.subjectsTo(w.server(), "tom@care.example")).last()
                    .isEqualTo("A place has come up for you: Making space to reflect");
            var roster = w.registrations().roster(w.organiser(), event.event().id(), Roster.Filter.none());
            assertThat(roster.rows()).filteredOn(r -> r.registration().email().equals("tom@care.example"))
                    .singleElement().extracting(r -> r.registration().status()).isEqualTo(Status.CONFIRMED);
        }
    }

    @Test
    void the_organisers_pages_work_and_the_insights_charts_display() throws Exception {
        try (var w = RegistrationTesting.world(Database.Vendor.H2); Browser laptop = Browser.open(w.server())) {
            var earlier = w.event("Kindness in practice", 5, "Europe/London", null);
            var event = w.event("Leading with compassion", 19, "Europe/London", 3);
            w.register(earlier, person("Aileen Grant", "aileen@nhs.example", "NHS Tayside - Ninewells"));
            w.register(earlier, person("Tom Reid", "tom@care.example", "Kingdom Carers Centre", "social_care"));
            w.register(event, person("Aileen Grant", "aileen@nhs.example", "Nhs tayside"));
            w.register(event, person("Morag Ross", "morag@care.example", "Kingdom Carers Center", "social_care"));
            w.register(event, person("Priya Sharma", "priya@nhs.example", "NHS Lothian"));
            w.register(event, person("Callum Fraser", "callum@nhs.example", "NHS Fife"));
            String base = "/c/" + w.community().slug() + "/events/" + event.event().id();

            laptop.go("/sign-in").type("#email", "aileen@care-leaders.example").type("#password", RegistrationTesting.PASSWORD)
                    .press("Sign in");
            laptop.go(base).assertAccessible();
            laptop.go(base + "/registrations").assertAccessible();
            assertThat(laptop.text("main")).contains("Priya Sharma", "Callum Fraser", "on the waiting list", "returning");
            laptop.screenshot("registration-10-roster");
            laptop.go(base + "/registration").assertAccessible();
            laptop.go(base + "/registration/questions").assertAccessible();
            laptop.type("#label", "Which room would you like?").click("#kind-2")
                    .type("#choices", "Self-compassion\nTeam reflection").click("#required").press("Add the question");
            assertThat(laptop.text("main")).contains("Added the question", "Which room would you like?");
            laptop.assertAccessible();
            laptop.screenshot("registration-11-questions");
            laptop.go(base + "/registrations/add").assertAccessible();
            laptop.go(base + "/registrations/import").assertAccessible();
            Path sample = Files.createTempFile("attendees", ".csv");
            Files.write(sample, Samples.bytes("eventbrite-attendees.csv"));
            laptop.find("#file").sendKeys(sample.toAbsolutePath().toString());
            laptop.press("Upload and check");
            assertThat(laptop.text("h1")).isEqualTo("Check the import");
            laptop.assertAccessible();
            laptop.screenshot("registration-12-import-preview");
            laptop.go("/c/" + w.community().slug() + "/organisations").assertAccessible();
            laptop.screenshot("registration-13-organisations");

            laptop.go("/c/" + w.community().slug() + "/insights").assertAccessible();
            Eventually.within(Duration.ofSeconds(10), "every chart image has loaded and drawn", () -> Boolean.TRUE.equals(
                    laptop.driver().executeScript("return Array.from(document.querySelectorAll('img.cairn-chart__image'))"
                            + ".every(i => i.complete && i.naturalWidth > 0)")));
            assertThat(laptop.findAll("img.cairn-chart__image")).hasSize(4)
                    .allSatisfy(img -> assertThat(img.getAttribute("alt")).isNotBlank());
            laptop.screenshot("registration-14-insights");
        }
    }

    @Test
    void the_demo_reads_well_on_a_phone_with_realistic_numbers() {
        var now = java.time.Clock.systemUTC();
        try (var server = app.cairn.testing.TestServer.start(app.cairn.testing.TestDatabases.openH2(), now,
                java.util.Map.of("CAIRN_DEMO", "true")); Browser phone = Browser.open(server, 390, 844)) {
            long organiser = server.services().accounts().byEmail(app.cairn.demo.Demo.EMAIL).orElseThrow().id();
            var community = server.services().communities().membershipsOf(organiser).get(0).community();
            var events = server.services().events().list(organiser, community.id());
            String base = "/c/" + community.slug() + "/events/";

            phone.go("/e/" + community.slug() + "/" + events.get(2).event().slug()).assertAccessible();
            assertThat(phone.text("main")).contains("Full: a waiting list is open");
            phone.screenshot("registration-20-demo-full-public-page-phone");
            phone.go("/sign-in").type("#email", app.cairn.demo.Demo.EMAIL).type("#password", app.cairn.demo.Demo.PASSWORD)
                    .press("Sign in");
            phone.go(base + events.get(1).event().id() + "/registrations").assertAccessible();
            phone.screenshot("registration-21-demo-roster-phone");
            assertThat(phone.driver().executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the roster fits a phone's width").isEqualTo(true);
            phone.driver().executeScript("document.querySelector('.cairn-registration-row').scrollIntoView()");
            phone.screenshot("registration-21b-demo-roster-table-phone");
            phone.go(base + events.get(1).event().id() + "/registrations?sector=social_care&returning=new").assertAccessible();
            phone.go("/c/" + community.slug() + "/organisations").assertAccessible();
            phone.screenshot("registration-22-demo-organisations-phone");
            phone.go("/c/" + community.slug() + "/insights").assertAccessible();
            Eventually.within(Duration.ofSeconds(10), "the charts have drawn", () -> Boolean.TRUE.equals(
                    phone.driver().executeScript("return Array.from(document.querySelectorAll('img.cairn-chart__image'))"
                            + ".every(i => i.complete && i.naturalWidth > 0)")));
            phone.screenshot("registration-23-demo-insights-phone");
            assertThat(phone.driver().executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the insights fit a phone's width").isEqualTo(true);
            phone.driver().executeScript("document.getElementById('chart-sectors').scrollIntoView()");
            phone.screenshot("registration-24-demo-insights-sectors-phone");
        }
    }
}
