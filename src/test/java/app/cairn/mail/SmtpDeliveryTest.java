package app.cairn.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cairn.config.Settings;
import app.cairn.config.SettingsException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpDeliveryTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static Settings.Mail smtp(int port, boolean startTls) {
        return new Settings.Mail(Optional.of("mail.example.org"), port, Optional.of("cairn"), Optional.of("secret"),
                "Cairn <cairn@example.org>", startTls);
    }

    static OutboxMessage message(List<Mail.Attachment> attachments) {
        return new OutboxMessage(42, "aileen@example.org", "Your invitation: Caring across boundaries",
                "Hello Aileen,\n\nYou are invited. Café at 10:00.", attachments, OutboxMessage.Status.QUEUED, 1, null,
                Instant.parse("2026-11-27T09:59:00Z"), null);
    }

    @Test
    void a_plain_message_is_utf8_text_from_the_configured_sender() throws Exception {
        MimeMessage mime = new SmtpDelivery(smtp(587, true), "cairn.example.org").mime(message(List.of()), NOW);
        mime.saveChanges();

        assertThat(mime.getFrom()).containsExactly(new InternetAddress("Cairn <cairn@example.org>"));
        assertThat(mime.getAllRecipients()).containsExactly(new InternetAddress("aileen@example.org"));
        assertThat(mime.getSubject()).isEqualTo("Your invitation: Caring across boundaries");
        assertThat(mime.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) mime.getContent()).contains("Café at 10:00");
        assertThat(mime.getMessageID()).isEqualTo("<cairn.42." + Instant.parse("2026-11-27T09:59:00Z").toEpochMilli()
                + "@cairn.example.org>");
        assertThat(mime.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void a_calendar_invitation_goes_out_as_text_calendar_with_its_method() throws Exception {
        byte[] ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        var invite = new Mail.Attachment("invite.ics", "text/calendar; method=REQUEST; charset=UTF-8", ics);
        MimeMessage mime = new SmtpDelivery(smtp(587, true), "cairn.example.org").mime(message(List.of(invite)), NOW);
        mime.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mime.writeTo(raw);

        MimeMultipart parts = (MimeMultipart) mime.getContent();
        assertThat(mime.getContentType()).startsWith("multipart/mixed");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("invite.ics");
        assertThat(raw.toString(StandardCharsets.UTF_8)).contains("METHOD:REQUEST");
    }

    @Test
    void port_465_uses_tls_from_the_start_and_other_ports_require_starttls_when_asked() {
        assertThat(SmtpDelivery.properties(smtp(465, true)))
                .containsEntry("mail.transport.protocol", "smtps")
                .containsEntry("mail.smtps.auth", "true")
                .doesNotContainKey("mail.smtps.starttls.enable");
        assertThat(SmtpDelivery.properties(smtp(587, true)))
                .containsEntry("mail.transport.protocol", "smtp")
                .containsEntry("mail.smtp.starttls.required", "true");
        assertThat(SmtpDelivery.properties(smtp(25, false))).doesNotContainKey("mail.smtp.starttls.enable");
    }

    @Test
    void a_refused_or_malformed_address_is_not_retried_but_a_busy_server_or_lost_connection_is() throws Exception {
        Address nobody = new InternetAddress("nobody@example.org");
        var refused = new SendFailedException("550 no such user", null, new Address[0], new Address[0],
                new Address[] {nobody});
        var busy = new SendFailedException("451 try again later", null, new Address[0], new Address[] {nobody},
                new Address[0]);

        assertThat(SmtpDelivery.permanent(new AddressException("Missing final '@domain'"))).isTrue();
        assertThat(SmtpDelivery.permanent(refused)).isTrue();
        assertThat(SmtpDelivery.permanent(busy)).isFalse();
        assertThat(SmtpDelivery.permanent(new MessagingException("Couldn't connect to host"))).isFalse();
    }

    @Test
    void an_error_is_described_with_its_causes() {
        var e = new MessagingException("Couldn't connect to host, port: localhost, 1",
                new java.net.ConnectException("Connection refused"));

        assertThat(SmtpDelivery.describe(e))
                .isEqualTo("MessagingException: Couldn't connect to host, port: localhost, 1 <- ConnectException: Connection refused");
    }

    @Test
    void a_from_address_that_is_not_an_address_stops_the_start_with_a_clear_message() {
        var bad = new Settings.Mail(Optional.of("mail.example.org"), 587, Optional.empty(), Optional.empty(),
                "Cairn at example dot org", true);

        assertThatThrownBy(() -> new SmtpDelivery(bad, "cairn.example.org"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("CAIRN_MAIL_FROM");
    }
}
