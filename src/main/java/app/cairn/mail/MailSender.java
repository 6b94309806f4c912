package app.cairn.mail;

import app.cairn.config.Settings;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background sender: one daemon thread that delivers queued outbox messages over SMTP,
 * oldest first, and records each result. A failed try is retried with growing waits
 * ({@link RetryPolicy}); a message is never dropped, only marked sent or failed. Several nodes
 * may run a sender on one database: each message is claimed before it is sent.
 */
public final class MailSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailSender.class);
    /** How often to look for messages queued by other nodes (this node's own wake the sender at once). */
    private static final Duration LOOK_EVERY = Duration.ofSeconds(10);
    /** How long a claim lasts: if a node stops mid-send, another sends the message after this. */
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Never spin: even when something is due at once, pause this long between looks. */
    private static final Duration MIN_WAIT = Duration.ofMillis(20);

    private final Outbox outbox;
    private final OutboxStore store;
    private final Settings.Mail smtp;
    private final String domain;
    private final RetryPolicy retry;
    private final Clock clock;
    private volatile boolean running;
    private Thread thread;

    /** {@code domain} names this Cairn in Message-IDs (the host of its base URL). */
    public MailSender(Outbox outbox, Settings.Mail smtp, String domain, RetryPolicy retry, Clock clock) {
        this.outbox = outbox;
        this.store = outbox.store();
        this.smtp = smtp;
        this.domain = domain;
        this.retry = retry;
        this.clock = clock;
    }

    /** Starts the sender when SMTP is configured; without SMTP, messages stay in the outbox and this does nothing. */
    public synchronized MailSender start() {
        if (!smtp.smtpConfigured() || thread != null) return this;
        SmtpDelivery delivery = new SmtpDelivery(smtp, domain);
        running = true;
        thread = new Thread(() -> run(delivery), "cairn-mail-sender");
        thread.setDaemon(true);
        outbox.whenQueued(this::wake);
        thread.start();
        log.info("mail sender started host={} port={} protocol={}", smtp.host().orElse(""), smtp.port(),
                SmtpDelivery.protocol(smtp));
        return this;
    }

    /** Looks at the outbox now rather than at the next scheduled look. */
    public void wake() {
        Thread t = thread;
        if (t != null) LockSupport.unpark(t);
    }

    /** Stops after the message being sent, if any; a message cut off mid-send is retried when its claim lapses. */
    @Override
    public synchronized void close() {
        if (thread == null) return;
        running = false;
        outbox.whenQueued(() -> {});
        LockSupport.unpark(thread);
        try {
            thread.join(25_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) log.warn("mail sender did not stop within 25 s; leaving it to end with the process");
        thread = null;
    }

    private void run(SmtpDelivery delivery) {
        try (delivery) {
            while (running) {
                Duration wait;
                try {
                    deliverDue(delivery);
                    wait = untilNextLook();
                } catch (RuntimeException e) {
                    // The database may be briefly unreachable: keep the thread, look again later.
                    log.warn("mail sender could not read the outbox; trying again shortly", e);
                    wait = LOOK_EVERY;
                }
                delivery.disconnect();
                if (running) LockSupport.parkNanos(this, Math.max(wait.toNanos(), MIN_WAIT.toNanos()));
            }
        }
        log.info("mail sender stopped");
    }

    /** Delivers every message that is due, oldest first. */
    private void deliverDue(SmtpDelivery delivery) {
        while (running) {
            Optional<OutboxMessage> next = claimNext();
            if (next.isEmpty()) return;
            deliver(delivery, next.get());
        }
    }

    private Optional<OutboxMessage> claimNext() {
        for (int tries = 0; tries < 10; tries++) {
            Instant now = clock.instant();
            Optional<Long> id = store.nextDue(now);
            if (id.isEmpty()) return Optional.empty();
            if (store.claim(id.get(), now, now.plus(LEASE))) return store.byId(id.get());
            // Another node claimed it first; look for the next one.
        }
        return Optional.empty();
    }

    private void deliver(SmtpDelivery delivery, OutboxMessage message) {
        try {
            delivery.send(message, clock.instant());
            store.markSent(message.id(), clock.instant());
            log.info("mail sent id={} attempts={}", message.id(), message.attempts());
        } catch (MessagingException | RuntimeException e) {
            delivery.disconnect();
            String error = SmtpDelivery.describe(e);
            boolean permanent = e instanceof MessagingException m && SmtpDelivery.permanent(m);
            if (permanent || !retry.mayRetry(message.attempts())) {
                store.markFailed(message.id(), error);
                log.warn("mail failed id={} attempts={} permanent={} error={}", message.id(), message.attempts(),
                        permanent, error);
            } else {
                Duration wait = retry.delayAfter(message.attempts());
                store.markRetry(message.id(), error, clock.instant().plus(wait));
                log.info("mail will be retried id={} attempts={} in={} error={}", message.id(), message.attempts(),
                        wait, error);
            }
        }
    }

    private Duration untilNextLook() {
        Instant now = clock.instant();
        return store.earliestDue(now)
                .map(due -> Duration.between(now, due))
                .filter(wait -> wait.compareTo(LOOK_EVERY) < 0)
                .orElse(LOOK_EVERY);
    }
}
