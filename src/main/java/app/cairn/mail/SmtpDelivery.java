package app.cairn.mail;

import app.cairn.config.Settings;
import app.cairn.config.SettingsException;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Turns outbox messages into MIME messages and hands them to the SMTP server, keeping one connection open. */
final class SmtpDelivery implements AutoCloseable {
    private static final String TIMEOUT_MS = "20000";
    private final Settings.Mail smtp;
    private final Session session;
    private final InternetAddress from;
    private final String domain;
    private Transport transport;

    SmtpDelivery(Settings.Mail smtp, String domain) {
        this.smtp = smtp;
        this.session = Session.getInstance(properties(smtp));
        this.domain = domain == null || domain.isBlank() ? "localhost" : domain;
        try {
            this.from = new InternetAddress(smtp.from(), true);
        } catch (AddressException e) {
            throw new SettingsException("CAIRN_MAIL_FROM must be an email address such as "
                    + "'Cairn <cairn@example.org>', but was '" + smtp.from() + "'.");
        }
    }

    /** Port 465 means TLS from the first byte (SMTPS); any other port may upgrade with STARTTLS. */
    static String protocol(Settings.Mail smtp) {
        return smtp.port() == 465 ? "smtps" : "smtp";
    }

    static Properties properties(Settings.Mail smtp) {
        String protocol = protocol(smtp);
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", smtp.host().orElse("localhost"));
        props.put(p + "port", Integer.toString(smtp.port()));
        props.put(p + "auth", Boolean.toString(smtp.user().isPresent()));
        if (protocol.equals("smtp") && smtp.startTls()) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        props.put(p + "connectiontimeout", TIMEOUT_MS);
        props.put(p + "timeout", TIMEOUT_MS);
        props.put(p + "writetimeout", TIMEOUT_MS);
        return props;
    }

    /** Sends one message over the open connection, connecting first when needed. */
    void send(OutboxMessage message, Instant now) throws MessagingException {
        MimeMessage mime = mime(message, now);
        mime.saveChanges();
        connected().sendMessage(mime, mime.getAllRecipients());
    }

    MimeMessage mime(OutboxMessage message, Instant now) throws MessagingException {
        // A Message-ID made from the outbox id: if a message is ever sent twice (a node stopped
        // between sending and recording it), mail clients see one message.
        String messageId = "<cairn." + message.id() + "." + message.createdAt().toEpochMilli() + "@" + domain + ">";
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(Date.from(now));
        mime.setHeader("Auto-Submitted", "auto-generated");
        if (message.attachments().isEmpty()) {
            mime.setText(message.text(), "UTF-8");
            return mime;
        }
        MimeMultipart parts = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8");
        parts.addBodyPart(text);
        for (Mail.Attachment a : message.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            // The data source carries the content type as given, parameters and all, so a calendar
            // invitation goes out as "text/calendar; method=REQUEST" and mail clients offer to accept it.
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
            part.setFileName(a.filename());
            part.setDisposition(Part.ATTACHMENT);
            parts.addBodyPart(part);
        }
        mime.setContent(parts);
        return mime;
    }

    /**
     * Whether trying again cannot help: the address is malformed, or the server refused the
     * recipient outright (a 5xx reply). Anything else (no connection, a 4xx, a timeout) is retried.
     */
    static boolean permanent(MessagingException e) {
        if (e instanceof AddressException) return true;
        return e instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0;
    }

    /** A short account of what went wrong, with its causes, for the admin's outbox page. */
    static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
            if (depth > 0) text.append(" <- ");
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) text.append(": ").append(t.getMessage().strip());
        }
        return text.toString();
    }

    private Transport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            disconnect();
            transport = session.getTransport();
            transport.connect(smtp.host().orElse("localhost"), smtp.port(), smtp.user().orElse(null),
                    smtp.password().orElse(null));
        }
        return transport;
    }

    /** Drops the connection (after an error, or when there is nothing more to send). */
    void disconnect() {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException e) {
            // Closing a connection that already broke has nothing left to tell us.
        }
        transport = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
