package app.cairn.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.store.Database;
import app.cairn.testing.HttpSession;
import app.cairn.testing.Mails;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PersonalLinkIT {
    static final ObjectMapper JSON = Cairn.json();

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_link_in_the_confirmation_email_joins_on_any_device_as_the_same_person(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            var s = LiveHttpIT.setUp(server);
            String eventSlug = JSON.readTree(s.organiser().get("/api/v1/events/" + s.eventId()).body()).get("slug").asText();
            var registered = server.http().postJson("/api/v1/public/events/" + s.slug() + "/" + eventSlug + "/registrations", """
                    {"name": "Priya Sharma", "email": "priya@nhs.example", "role": "Staff Nurse",
                     "organisation": "NHS Tayside", "sector": "health", "consent": true}""");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String link = Mails.link(Mails.latestTo(server, "priya@nhs.example"), "/j/");

            HttpSession laptop = server.http();
            var first = laptop.follow(link);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).contains("Welcome, Priya Sharma");

            HttpSession phone = server.http();
            assertThat(phone.follow(link).body()).contains("Welcome, Priya Sharma");
            var participants = server.services().live().participants(s.eventId());
            assertThat(participants).hasSize(1);
            assertThat(participants.get(0).registrationId()).isNotNull();
            assertThat(participants.get(0).organisation()).isEqualTo("NHS Tayside");

            var broken = server.http().get("/j/" + "x".repeat(20));
            assertThat(broken.status()).isEqualTo(404);
            assertThat(broken.body()).contains("This link does not work").contains("Join with a code");
        }
    }
}
