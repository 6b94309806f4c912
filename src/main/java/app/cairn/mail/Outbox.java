package app.cairn.mail;

import app.cairn.store.Db;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The {@link Mailer} that keeps every message in the {@code outbox} table. */
public final class Outbox implements Mailer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;
    private final Clock clock;
    private final boolean smtpConfigured;

    public Outbox(Jdbi jdbi, Clock clock, boolean smtpConfigured) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.smtpConfigured = smtpConfigured;
    }

    @Override
    public void send(Mail mail) {
        String subject = mail.subject().length() > 500 ? mail.subject().substring(0, 500) : mail.subject();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO outbox (recipient, subject, body_text, attachments, status, created_at)
                        VALUES (:to, :subject, :text, :attachments, :status, :now)""")
                .bind("to", mail.to())
                .bind("subject", subject)
                .bind("text", mail.text())
                .bind("attachments", encode(mail.attachments()))
                .bind("status", smtpConfigured ? "queued" : "kept")
                .bind("now", Db.utc(clock.instant()))
                .execute());
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
}
