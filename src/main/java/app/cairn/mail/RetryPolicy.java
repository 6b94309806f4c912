package app.cairn.mail;

import java.time.Duration;

/**
 * How often and how long the sender tries a message: the wait doubles after each failed try,
 * from {@code firstDelay} up to {@code maxDelay}, and after {@code maxAttempts} tries the
 * message is marked failed (and kept, so nothing is lost).
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    /** Ten tries over about four hours: long enough to ride out a mail server's restart or a short outage. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMinutes(1), Duration.ofHours(1));

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= firstDelay <= maxDelay");
        }
    }

    /** The wait before the next try, after {@code attemptsSoFar} failed tries (1 or more). */
    public Duration delayAfter(int attemptsSoFar) {
        int doublings = Math.min(Math.max(attemptsSoFar, 1) - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 || delay.isNegative() ? maxDelay : delay;
    }

    /** Whether a message that has had {@code attemptsSoFar} tries may have another. */
    public boolean mayRetry(int attemptsSoFar) {
        return attemptsSoFar < maxAttempts;
    }
}
