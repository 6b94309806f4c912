package app.cairn.mail;

import java.time.Instant;
import java.util.List;

/** One message in the outbox, as the admin reads it and the sender delivers it. */
public record OutboxMessage(
        long id,
        String recipient,
        String subject,
        String text,
        List<Mail.Attachment> attachments,
        Status status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    /** Where a message is on its way out. */
    public enum Status {
        /** No SMTP is configured: the message stays here for the admin to read. */
        KEPT("Kept in the outbox"),
        /** Waiting for the sender, perhaps after a failed try. */
        QUEUED("Waiting to send"),
        SENT("Sent"),
        /** Every try failed, or the server refused the address; the message is kept. */
        FAILED("Could not send");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The value in the {@code outbox.status} column. */
        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status ofColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A line of the outbox list, without the body. */
    public record Entry(long id, String recipient, String subject, Status status, int attempts, Instant createdAt,
            Instant sentAt) {}

    /** One page of the outbox, newest first. */
    public record Page(List<Entry> entries, int number, int size, int total) {
        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages();
        }
    }
}
