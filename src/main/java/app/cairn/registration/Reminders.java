package app.cairn.registration;

import app.cairn.event.EventPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background job that sends reminders 24 hours and 1 hour before an event, to confirmed
 * registrations made before then, when the event has them switched on. Safe with several nodes:
 * each reminder is claimed with a conditional UPDATE (a lease) before it is written to the
 * outbox, and marked sent after; a node that stops mid-way leaves a lease that lapses, so the
 * reminder is sent once the next node looks. Everything it needs is in the database, so it
 * carries on after a restart.
 */
public final class Reminders implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final Duration DAY_BEFORE = Duration.ofHours(24);
    static final Duration HOUR_BEFORE = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final RegistrationService registrations;
    private final RegistrationStore store;
    private final Clock clock;
    private final Duration every;
    private volatile boolean running;
    private Thread thread;

    public Reminders(RegistrationService registrations, Clock clock, Duration every) {
        this.registrations = registrations;
        this.store = registrations.store();
        this.clock = clock;
        this.every = every;
    }

    public synchronized Reminders start() {
        if (thread != null) return this;
        running = true;
        thread = new Thread(this::run, "cairn-reminders");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                // The database may be briefly unreachable: keep going and look again later.
                log.warn("reminders could not be checked; trying again shortly", e);
            }
            if (running) LockSupport.parkNanos(this, every.toNanos());
        }
    }

    /** Sends every reminder that is due now; returns how many this node sent. */
    public int sendDue() {
        int sent = 0;
        Instant now = clock.instant();
        for (Long eventId : store.eventsAwaitingReminders()) {
            Optional<EventPlan> found = registrations.events().find(eventId);
            if (found.isEmpty()) continue;
            EventPlan plan = found.get();
            Instant start = plan.event().start().toInstant();
            if (plan.event().cancelled() || !now.isBefore(start)) {
                store.remindersDone(eventId);
                continue;
            }
            RegistrationSettings settings = store.settings(eventId);
            if (settings.remindDay() && !now.isBefore(start.minus(DAY_BEFORE)) && now.isBefore(start.minus(HOUR_BEFORE))) {
                sent += send(plan, "day", start.minus(DAY_BEFORE), now);
            }
            if (settings.remindHour() && !now.isBefore(start.minus(HOUR_BEFORE))) {
                sent += send(plan, "hour", start.minus(HOUR_BEFORE), now);
            }
        }
        return sent;
    }

    private int send(EventPlan plan, String kind, Instant madeBefore, Instant now) {
        int sent = 0;
        for (Long id : store.owedReminder(plan.event().id(), kind, madeBefore, now)) {
            if (!running && thread != null) break;
            if (!store.claimReminder(id, kind, now, now.plus(LEASE))) continue;
            var r = store.byId(id).orElseThrow();
            registrations.remind(plan, r, kind.equals("hour"));
            store.reminderSent(id, kind, clock.instant());
            sent++;
        }
        if (sent > 0) log.info("reminders sent event={} kind={} count={}", plan.event().id(), kind, sent);
        return sent;
    }

    @Override
    public synchronized void close() {
        if (thread == null) return;
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
