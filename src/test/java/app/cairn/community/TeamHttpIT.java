package app.cairn.community;

import static app.cairn.community.CommunityTesting.PASSWORD;
import static app.cairn.community.CommunityTesting.accountId;
import static app.cairn.community.CommunityTesting.community;
import static app.cairn.community.CommunityTesting.createCommunity;
import static app.cairn.community.CommunityTesting.invitationPath;
import static app.cairn.community.CommunityTesting.join;
import static app.cairn.community.CommunityTesting.lastMailTo;
import static app.cairn.community.CommunityTesting.mailsTo;
import static app.cairn.community.CommunityTesting.organiser;
import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.config.InstanceSettings;
import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TeamHttpIT {

    private static Role roleOf(TestServer server, String slug, String email) {
        return server.services().communities().roleOf(accountId(server, email), community(server, slug).id()).orElse(null);
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void someone_new_is_invited_by_email_and_joins_by_creating_an_account_while_sign_ups_are_off(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");
            server.services().instanceSettings().set(InstanceSettings.SIGNUPS_OPEN, "false");

            var sent = aileen.post("/c/" + slug + "/team/invite", Map.of("email", "Priya@Example.org", "role", "organiser"));
            assertThat(sent.status()).isEqualTo(302);
            assertThat(aileen.get("/c/" + slug + "/team").body()).contains("Invitation sent to Priya@Example.org.")
                    .contains("Invitations waiting for a reply").contains("Invited as organiser");

            var mail = lastMailTo(server, "Priya@Example.org");
            assertThat(mail.get("subject")).isEqualTo("Join the team running Tayside Leaders on Cairn");
            assertThat((String) mail.get("body_text")).contains("Aileen Grant has invited you to help run Tayside Leaders "
                    + "on Cairn, as an organiser.").contains(server.url("/invitations/"));
            String link = invitationPath(server, "Priya@Example.org");

            var priya = server.http();
            assertThat(priya.get("/sign-up").body()).contains("Sign-ups are switched off");
            var landing = priya.get(link);
            assertThat(landing.status()).isEqualTo(200);
            assertThat(landing.body()).contains("Join the team running Tayside Leaders")
                    .contains("Aileen Grant has invited you").contains("href=\"" + link + "/sign-up\"")
                    .contains("href=\"/sign-in?next=" + link + "\"");
            assertThat(priya.get(link + "/sign-up").body()).contains("value=\"Priya@Example.org\"");

            var tooShort = priya.post(link + "/sign-up", Map.of("name", "Priya Shah", "email", "priya@example.org", "password", "short"));
            assertThat(tooShort.status()).isEqualTo(422);
            assertThat(tooShort.body()).contains("Password must be at least 10 characters long").contains("value=\"Priya Shah\"");

            var joined = priya.post(link + "/sign-up", Map.of("name", "Priya Shah", "email", "priya@example.org", "password", PASSWORD));
            assertThat(joined.status()).isEqualTo(302);
            assertThat(joined.location()).isEqualTo("/c/" + slug);
            assertThat(priya.get("/c/" + slug).body()).contains("Your account is ready. You have joined the team for "
                    + "Tayside Leaders as an organiser.").contains("Priya Shah (you)");
            assertThat(roleOf(server, slug, "priya@example.org")).isEqualTo(Role.ORGANISER);
            assertThat(aileen.get("/c/" + slug + "/team").body()).doesNotContain("Invitations waiting for a reply");

            // The link is single use: it takes Priya back to the community, and turns others away.
            assertThat(priya.get(link).location()).isEqualTo("/c/" + slug);
            var someoneElse = server.http().get(link);
            assertThat(someoneElse.status()).isEqualTo(410);
            assertThat(someoneElse.body()).contains("This invitation has already been used");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void someone_with_an_account_signs_in_from_the_invitation_and_joins(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");
            organiser(server, "Tom Reid", "tom@example.org");
            aileen.post("/c/" + slug + "/team/invite", Map.of("email", "tom.reid@work.example.org", "role", "facilitator"));
            String link = invitationPath(server, "tom.reid@work.example.org");

            var tom = server.http();
            var signIn = tom.post("/sign-in", Map.of("email", "tom@example.org", "password", PASSWORD, "next", link));
            assertThat(signIn.location()).isEqualTo(link);
            var page = tom.get(link);
            assertThat(page.body()).contains("You are signed in as Tom Reid (tom@example.org).")
                    .contains("This invitation was sent to tom.reid@work.example.org").contains("Join the team");

            var joined = tom.post(link, Map.of());
            assertThat(joined.status()).isEqualTo(302);
            assertThat(joined.location()).isEqualTo("/c/" + slug);
            assertThat(tom.get("/c/" + slug).body()).contains("You have joined the team for Tayside Leaders as a facilitator.");
            assertThat(roleOf(server, slug, "tom@example.org")).isEqualTo(Role.FACILITATOR);

            // Accepting without being signed in is not possible.
            aileen.post("/c/" + slug + "/team/invite", Map.of("email", "sam@example.org", "role", "organiser"));
            var anonymous = server.http().post(invitationPath(server, "sam@example.org"), Map.of());
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_community_always_keeps_at_least_one_owner(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");
            long me = accountId(server, "aileen@example.org");
            organiser(server, "Tom Reid", "tom@example.org");
            join(server, slug, "aileen@example.org", "tom@example.org", Role.ORGANISER);

            var demote = aileen.post("/c/" + slug + "/team/members/" + me + "/role", Map.of("role", "organiser"));
            assertThat(demote.status()).isEqualTo(422);
            assertThat(demote.body()).contains("Make someone else an owner before you change your role: a community "
                    + "always needs at least one owner").contains("href=\"#member-role-" + me + "\"");
            var remove = aileen.post("/c/" + slug + "/team/members/" + me + "/remove", Map.of());
            assertThat(remove.status()).isEqualTo(422);
            assertThat(remove.body()).contains("Make someone else an owner before you leave");
            var leave = aileen.post("/c/" + slug + "/leave", Map.of());
            assertThat(leave.status()).isEqualTo(422);
            assertThat(leave.body()).contains("Make someone else an owner before you leave").contains("href=\"#leave\"");
            assertThat(roleOf(server, slug, "aileen@example.org")).isEqualTo(Role.OWNER);

            long tom = accountId(server, "tom@example.org");
            assertThat(aileen.post("/c/" + slug + "/team/members/" + tom + "/role", Map.of("role", "owner")).status())
                    .isEqualTo(302);
            assertThat(aileen.get("/c/" + slug + "/team").body()).contains("Tom Reid is now owner.");
            assertThat(aileen.post("/c/" + slug + "/team/members/" + me + "/role", Map.of("role", "facilitator")).status())
                    .isEqualTo(302);
            assertThat(roleOf(server, slug, "aileen@example.org")).isEqualTo(Role.FACILITATOR);

            // Tom is now the only owner, and cannot be removed by himself either.
            var tomBrowser = server.http().signIn("tom@example.org", PASSWORD);
            assertThat(tomBrowser.post("/c/" + slug + "/team/members/" + tom + "/remove", Map.of()).status()).isEqualTo(422);
            assertThat(tomBrowser.post("/c/" + slug + "/team/members/" + me + "/remove", Map.of()).status()).isEqualTo(302);
            assertThat(roleOf(server, slug, "aileen@example.org")).isNull();
            assertThat(aileen.get("/c/" + slug).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void invitations_to_team_members_and_repeated_invitations_are_refused_with_a_message(Database.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");

            var self = aileen.post("/c/" + slug + "/team/invite", Map.of("email", "AILEEN@example.org", "role", "owner"));
            assertThat(self.status()).isEqualTo(422);
            assertThat(self.body()).contains("AILEEN@example.org is already in this community&#39;s team".replace("&#39;", "'"))
                    .contains("value=\"AILEEN@example.org\"");

            var nothing = aileen.post("/c/" + slug + "/team/invite", Map.of("email", "not-an-email"));
            assertThat(nothing.status()).isEqualTo(422);
            assertThat(nothing.body()).contains("Enter an email address in the correct format, like name@example.org")
                    .contains("Choose the role they will have").contains("href=\"#role\"");

            assertThat(aileen.post("/c/" + slug + "/team/invite", Map.of("email", "sam@example.org", "role", "organiser"))
                    .status()).isEqualTo(302);
            var again = aileen.post("/c/" + slug + "/team/invite", Map.of("email", "Sam@Example.org", "role", "owner"));
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.body()).contains("You have already invited Sam@Example.org");
            assertThat(mailsTo(server, "sam@example.org")).isEqualTo(1);
            assertThat(mailsTo(server, "AILEEN@example.org")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void invitations_expire_after_fourteen_days_and_can_be_sent_again_or_withdrawn(Database.Vendor vendor) {
        var clock = new CommunityTesting.MovableClock();
        try (TestServer server = TestServer.start(TestDatabases.open(vendor), clock, Map.of())) {
            var aileen = organiser(server, "Aileen Grant", "aileen@example.org");
            String slug = createCommunity(aileen, "Tayside Leaders");
            aileen.post("/c/" + slug + "/team/invite", Map.of("email", "sam@example.org", "role", "organiser"));
            String first = invitationPath(server, "sam@example.org");
            assertThat((String) lastMailTo(server, "sam@example.org").get("body_text"))
                    .contains("The link works until 14 December 2026.");

            clock.advance(Duration.ofDays(14).plusMinutes(1));
            var expired = server.http().get(first);
            assertThat(expired.status()).isEqualTo(410);
            assertThat(expired.body()).contains("This invitation has expired. Ask Aileen Grant to send it again");

            aileen = server.http().signIn("aileen@example.org", PASSWORD);
            var team = aileen.get("/c/" + slug + "/team").body();
            assertThat(team).contains("The link expired on 14 December 2026.");
            long id = server.services().invitations().open(community(server, slug).id()).get(0).id();
            assertThat(aileen.post("/c/" + slug + "/team/invitations/" + id + "/resend", Map.of()).status()).isEqualTo(302);
            assertThat(mailsTo(server, "sam@example.org")).isEqualTo(2);
            String second = invitationPath(server, "sam@example.org");
            assertThat(second).isNotEqualTo(first);
            assertThat(server.http().get(first).status()).isEqualTo(404);
            assertThat(server.http().get(second).status()).isEqualTo(200);

            assertThat(aileen.post("/c/" + slug + "/team/invitations/" + id + "/withdraw", Map.of()).status()).isEqualTo(302);
            var withdrawn = server.http().get(second);
            assertThat(withdrawn.status()).isEqualTo(410);
            assertThat(withdrawn.body()).contains("This invitation was withdrawn");
            assertThat(server.services().invitations().open(community(server, slug).id())).isEmpty();
        }
    }
}
