package app.cairn.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens in the background (a mail sent, a retry recorded). */
public final class Eventually {
    private Eventually() {}

    /** Polls until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    public static void within(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
