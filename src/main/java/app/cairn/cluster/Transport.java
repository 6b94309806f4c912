package app.cairn.cluster;

import app.cairn.live.Wakeups;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the wake-up transports share: a listening thread that connects, hears other nodes, and
 * on any failure backs off (a quarter of a second, doubling to ten) and connects again. After
 * every (re)connect, and every two seconds while disconnected, it asks for a resync, so a node
 * that missed wake-ups reads forward from the log instead of waiting for the next one.
 */
abstract class Transport implements Wakeups {
    private static final Logger log = LoggerFactory.getLogger(Transport.class);
    static final long FIRST_BACKOFF_MS = 250;
    static final long MAX_BACKOFF_MS = 10_000;
    static final long RESYNC_WHILE_DOWN_MS = 2_000;

    /** This node's id in the messages it sends, so it can ignore its own. */
    final String node = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String problem = "not connected yet";
    private volatile Listener listener;

    Transport(String threadName) {
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    @Override
    public void start(Listener l) {
        this.listener = l;
        thread.start();
    }

    /** Connects, calls {@code connected} once listening, then blocks delivering messages until it fails or stops. */
    abstract void listen(Runnable connected) throws Exception;

    /** Interrupts a blocked {@link #listen} so the thread can stop. */
    abstract void interrupt();

    boolean running() {
        return running;
    }

    void deliver(String text) {
        Message.decode(text).filter(m -> !m.node().equals(node))
                .ifPresent(m -> listener.advanced(m.eventId(), m.seq()));
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MS;
        boolean reported = false;
        while (running) {
            try {
                listen(() -> {
                    problem = null;
                    log.info("wake-ups listening transport={}", transport());
                    listener.resync();
                });
                if (!running) break;
                throw new IllegalStateException("the connection closed");
            } catch (Exception e) {
                if (!running) break;
                problem = transport() + " wake-ups are reconnecting: " + e.getMessage();
                if (!reported) log.warn("wake-ups lost, reconnecting transport={} reason={}", transport(), e.toString());
                reported = true;
            }
            long waited = 0;
            while (running && waited < backoff) {
                long step = Math.min(RESYNC_WHILE_DOWN_MS, backoff - waited);
                sleep(step);
                waited += step;
                safeResync();
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            if (problem == null) {
                backoff = FIRST_BACKOFF_MS;
                reported = false;
            }
        }
    }

    private void safeResync() {
        try {
            listener.resync();
        } catch (RuntimeException e) {
            // The database is likely down too; the next attempt tries again.
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void close() {
        running = false;
        interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
