package app.cairn.community;

import app.cairn.testing.HttpSession;
import app.cairn.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Set-up shared by the community tests: communities, invitations read from the outbox, a clock to move. */
final class CommunityTesting {
    static final String PASSWORD = "correct horse battery";
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/invitations/[A-Za-z0-9_-]+)");

    private CommunityTesting() {}

    /** Signs up a new organiser in their own browser. */
    static HttpSession organiser(TestServer server, String name, String email) {
        return server.http().signUp(name, email, PASSWORD);
    }

    /** Creates a community through the page and returns its slug. */
    static String createCommunity(HttpSession browser, String name) {
        var r = browser.post("/communities/new", Map.of("name", name, "description", "", "contactEmail", "", "logoText", ""));
        if (r.status() != 302) throw new IllegalStateException("create failed (" + r.status() + "): " + r.body());
        return r.location().substring("/c/".length());
    }

    static long accountId(TestServer server, String email) {
        return server.services().accounts().byEmail(email).orElseThrow().id();
    }

    static Community community(TestServer server, String slug) {
        return server.services().communities().get(slug);
    }

    /** The newest email to this address, as the outbox holds it. */
    static Map<String, Object> lastMailTo(TestServer server, String email) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT recipient, subject, body_text FROM outbox WHERE recipient = :to ORDER BY id DESC")
                .bind("to", email)
                .mapToMap()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no email to " + email + " in the outbox")));
    }

    static int mailsTo(TestServer server, String email) {
        return server.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE recipient = :to")
                .bind("to", email)
                .mapTo(Integer.class)
                .one());
    }

    /** The invitation link's path from the newest email to this address. */
    static String invitationPath(TestServer server, String email) {
        String body = (String) lastMailTo(server, email).get("body_text");
        Matcher m = LINK.matcher(body);
        if (!m.find()) throw new AssertionError("no invitation link in: " + body);
        return m.group(1);
    }

    /** Puts an existing account in the team with a role, through a real invitation. */
    static void join(TestServer server, String slug, String ownerEmail, String email, Role role) {
        Community c = community(server, slug);
        InvitationService invitations = server.services().invitations();
        invitations.invite(accountId(server, ownerEmail), c.id(), email, role.code());
        String token = invitationPath(server, email).substring("/invitations/".length());
        invitations.accept(token, accountId(server, email));
    }

    /** A clock tests move forward by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-30T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
