package app.cairn.web;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (an IP address, an email, a participant): {@code capacity} requests at
 * once, refilled evenly over {@code period}. In memory per node, which is enough to blunt
 * guessing and floods; several nodes each allow the rate.
 */
public final class RateLimiter {
    private final int capacity;
    private final double refillPerNano;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;
    }

    public RateLimiter(int capacity, Duration period, Clock clock) {
        this.capacity = capacity;
        this.refillPerNano = capacity / (double) period.toNanos();
        this.clock = clock;
    }

    /** Takes one request's token; false when the key has used its allowance. */
    public boolean tryAcquire(String key) {
        long now = nanos();
        if (buckets.size() > 50_000) prune(now);
        Bucket b = buckets.computeIfAbsent(key, k -> {
            Bucket nb = new Bucket();
            nb.tokens = capacity;
            nb.updated = now;
            return nb;
        });
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.updated) * refillPerNano);
            b.updated = now;
            if (b.tokens < 1) return false;
            b.tokens -= 1;
            return true;
        }
    }

    /** Takes a token or throws {@link TooManyRequests} with the message to show. */
    public void acquire(String key, String message) {
        if (!tryAcquire(key)) throw new TooManyRequests(message);
    }

    private void prune(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updated) * refillPerNano >= capacity;
            }
        });
    }

    private long nanos() {
        return clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
    }

    /** Too many requests from one key; the message says what to do. */
    public static final class TooManyRequests extends RuntimeException {
        public TooManyRequests(String message) {
            super(message, null, false, false);
        }
    }
}
