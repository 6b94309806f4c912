package app.cairn.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.mail.Mail;
import app.cairn.store.Database;
import app.cairn.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdminIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void only_the_instance_admin_may_use_the_admin_pages_and_api(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            var admin = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            var tom = server.http().signUp("Tom Reid", "tom@example.org", "another long password");
            server.services().mailer().send(new Mail("tom@example.org", "Hello", "Hello Tom"));

            var anonymous = server.http().get("/admin");
            assertThat(anonymous.status()).isEqualTo(302);
            assertThat(anonymous.location()).startsWith("/sign-in");
            for (String path : List.of("/admin", "/admin/outbox", "/admin/outbox/1", "/admin/outbox/1/attachments/1")) {
                var r = tom.get(path);
                assertThat(r.status()).as(path).isEqualTo(403);
                assertThat(r.body()).as(path).contains("Only the admin of this Cairn can do this").doesNotContain("Hello Tom");
            }
            assertThat(tom.post("/admin/signups", Map.of("signups", "closed")).status()).isEqualTo(403);
            assertThat(tom.get("/sign-up").body()).doesNotContain("Sign-ups are switched off");
            assertThat(tom.get("/account").body()).doesNotContain("href=\"/admin\"");

            String tomsToken = server.services().apiTokens().create(
                    server.services().accounts().byEmail("tom@example.org").orElseThrow().id(), "script");
            var api = server.http().bearer(tomsToken);
            assertThat(api.get("/api/v1/admin/outbox").status()).isEqualTo(403);
            assertThat(api.putJson("/api/v1/admin/signups", "{\"open\": false}").status()).isEqualTo(403);

            var page = admin.get("/admin");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Aileen Grant").contains("tom@example.org").contains("href=\"/admin\"");
            var accounts = JSON.readTree(admin.get("/api/v1/admin/accounts").body());
            assertThat(accounts).hasSize(2);
            assertThat(accounts.get(0).get("admin").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void with_sign_ups_switched_off_a_stranger_is_told_but_the_switch_turns_back_on(Database.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            var admin = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");

            var off = admin.post("/admin/signups", Map.of("signups", "closed"));
            assertThat(off.status()).isEqualTo(302);
            assertThat(admin.get("/admin").body()).contains("Sign-ups are switched off").contains("value=\"closed\" checked");

            var stranger = server.http();
            assertThat(stranger.get("/sign-up").body()).contains("Sign-ups are switched off on this Cairn");
            var refused = stranger.post("/sign-up",
                    Map.of("name", "Priya Shah", "email", "priya@example.org", "password", "a long enough password"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("Sign-ups are switched off on this Cairn. Ask an organiser to invite you.");
            assertThat(server.services().accounts().byEmail("priya@example.org")).isEmpty();

            assertThat(admin.post("/admin/signups", Map.of("signups", "maybe")).status()).isEqualTo(422);

            var on = JSON.readTree(admin.putJson("/api/v1/admin/signups", "{\"open\": true}").body());
            assertThat(on.get("open").asBoolean()).isTrue();
            stranger.signUp("Priya Shah", "priya@example.org", "a long enough password");
            assertThat(server.services().accounts().byEmail("priya@example.org")).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void the_outbox_lists_messages_newest_first_in_pages_and_shows_one_with_clickable_links(Database.Vendor vendor)
            throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            var admin = server.http().signUp("Aileen Grant", "aileen@example.org", "correct horse battery");
            var mailer = server.services().mailer();
            for (int i = 1; i <= 30; i++) mailer.send(new Mail("person" + i + "@example.org", "Message " + i, "Text " + i));
            byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
            mailer.send(new Mail("priya@example.org", "You are invited <b>now</b>",
                    "Hello Priya,\n\nJoin here: http://localhost/join/abc123.\nSee you soon.",
                    List.of(new Mail.Attachment("invite.ics", "text/calendar; method=REQUEST", ics))));

            var first = admin.get("/admin/outbox").body();
            assertThat(first).contains("31 emails, page 1 of 2").contains("Kept in the outbox");
            assertThat(first.indexOf("You are invited &lt;b&gt;now&lt;/b&gt;")).isLessThan(first.indexOf("Message 30"));
            assertThat(first).contains("Message 7").doesNotContain("Message 6<");
            var second = admin.get("/admin/outbox?page=2").body();
            assertThat(second).contains("Message 1<").contains("Message 6<").contains("rel=\"prev\"");

            var list = JSON.readTree(admin.get("/api/v1/admin/outbox?page=2").body());
            assertThat(list.get("total").asInt()).isEqualTo(31);
            assertThat(list.get("messages")).hasSize(6);
            assertThat(list.get("messages").get(0).get("status").asText()).isEqualTo("kept");

            long id = JSON.readTree(admin.get("/api/v1/admin/outbox").body()).get("messages").get(0).get("id").asLong();
            var message = admin.get("/admin/outbox/" + id).body();
            assertThat(message).contains("priya@example.org").contains("invite.ics")
                    .contains("<a class=\"govuk-link\" href=\"http://localhost/join/abc123\">http://localhost/join/abc123</a>.")
                    .doesNotContain("<b>now</b>");
            var download = admin.get("/admin/outbox/" + id + "/attachments/1");
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"invite.ics\"");
            assertThat(download.body()).contains("BEGIN:VCALENDAR");
            assertThat(admin.get("/admin/outbox/" + id + "/attachments/2").status()).isEqualTo(404);
            assertThat(admin.get("/admin/outbox/999999").status()).isEqualTo(404);

            JsonNode one = JSON.readTree(admin.get("/api/v1/admin/outbox/" + id).body());
            assertThat(one.get("text").asText()).contains("Join here");
            assertThat(one.at("/attachments/0/contentType").asText()).isEqualTo("text/calendar; method=REQUEST");
        }
    }
}
