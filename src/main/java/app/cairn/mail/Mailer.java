package app.cairn.mail;

/** Sends email. Every message is kept in the outbox first, so nothing is lost if SMTP is down. */
public interface Mailer {
    /** Queues the message; it is delivered by SMTP when configured, and readable by the admin either way. */
    void send(Mail mail);
}
