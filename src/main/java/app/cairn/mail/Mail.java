package app.cairn.mail;

import java.util.List;

/** One email to one person: plain text always, and attachments such as a calendar invitation. */
public record Mail(String to, String subject, String text, List<Attachment> attachments) {

    public Mail(String to, String subject, String text) {
        this(to, subject, text, List.of());
    }

    /** A file sent with the email, e.g. {@code invite.ics} as {@code text/calendar; method=REQUEST}. */
    public record Attachment(String filename, String contentType, byte[] content) {}
}
