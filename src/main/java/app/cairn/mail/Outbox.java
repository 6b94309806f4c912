package app.cairn.mail;

import app.cairn.mail.OutboxMessage.Status;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Mailer} that keeps every message in the {@code outbox} table. With SMTP configured
 * a message is queued for the {@link MailSender}; without, it is kept for the admin to read.
 */
public final class Outbox implements Mailer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private final OutboxStore store;
    private final Clock clock;
    private final boolean smtpConfigured;
    private volatile Runnable onQueued = () -> {};

    public Outbox(Jdbi jdbi, Clock clock, boolean smtpConfigured) {
        this.store = new OutboxStore(jdbi);
        this.clock = clock;
        this.smtpConfigured = smtpConfigured;
    }

    @Override
    public void send(Mail mail) {
        String subject = mail.subject().length() > 500 ? mail.subject().substring(0, 500) : mail.subject();
        long id = store.insert(mail.to(), subject, mail.text(), encode(mail.attachments()),
                smtpConfigured ? Status.QUEUED : Status.KEPT, clock.instant());
        log.info("mail written to outbox id={} status={}", id, smtpConfigured ? "queued" : "kept");
        if (smtpConfigured) onQueued.run();
    }

    /** Whether messages leave by SMTP, or stay here to be read in the app. */
    public boolean smtpConfigured() {
        return smtpConfigured;
    }

    /** Page {@code number} (from 1) of the outbox, newest first. */
    public OutboxMessage.Page page(int number, int size) {
        int page = Math.max(1, number);
        return new OutboxMessage.Page(store.page((page - 1) * size, size), page, size,
                store.counts().values().stream().mapToInt(Integer::intValue).sum());
    }

    public Map<Status, Integer> counts() {
        return store.counts();
    }

    public Optional<OutboxMessage> message(long id) {
        return store.byId(id);
    }

    /** Called after each queued message is written, so the sender need not wait for its next look. */
    void whenQueued(Runnable action) {
        this.onQueued = action;
    }

    OutboxStore store() {
        return store;
    }

    static String encode(List<Mail.Attachment> attachments) {
        try {
            return JSON.writeValueAsString(attachments.stream()
                    .map(a -> Map.of(
                            "filename", a.filename(),
                            "contentType", a.contentType(),
                            "content", Base64.getEncoder().encodeToString(a.content())))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode attachments", e);
        }
    }

    static List<Mail.Attachment> decode(String json) {
        try {
            List<Map<String, String>> list = JSON.readValue(json, new TypeReference<>() {});
            return list.stream()
                    .map(a -> new Mail.Attachment(a.get("filename"), a.get("contentType"),
                            Base64.getDecoder().decode(a.get("content"))))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read an outbox message's attachments", e);
        }
    }
}
