package app.cairn.testing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what Cairn wrote to its outbox, as a person would read their email. */
public final class Mails {
    private Mails() {}

    /** The bodies of every message to {@code recipient}, oldest first. */
    public static List<String> to(TestServer server, String recipient) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT body_text FROM outbox WHERE recipient = :to ORDER BY id")
                .bind("to", recipient)
                .mapTo(String.class)
                .list());
    }

    /** The subjects of every message to {@code recipient}, oldest first. */
    public static List<String> subjectsTo(TestServer server, String recipient) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT subject FROM outbox WHERE recipient = :to ORDER BY id")
                .bind("to", recipient)
                .mapTo(String.class)
                .list());
    }

    /** The newest message's body to {@code recipient}. */
    public static String latestTo(TestServer server, String recipient) {
        List<String> all = to(server, recipient);
        if (all.isEmpty()) throw new AssertionError("no email to " + recipient + " in the outbox");
        return all.get(all.size() - 1);
    }

    /** The first link in {@code text} whose path starts with {@code pathPrefix}, e.g. "/reset/". */
    public static String link(String text, String pathPrefix) {
        Matcher m = Pattern.compile("https?://[^\\s/]+" + Pattern.quote(pathPrefix) + "\\S+").matcher(text);
        if (!m.find()) throw new AssertionError("no " + pathPrefix + " link in:\n" + text);
        return m.group();
    }
}
