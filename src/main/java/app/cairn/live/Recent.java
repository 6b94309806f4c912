package app.cairn.live;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small cache of things read often and changed rarely (sessions by code, people by token), so a
 * thousand people joining in a minute do not each cost the same queries. Entries are kept for a
 * short time, so a change made on another node shows within that time; this node's own changes
 * forget the entry at once. Misses are not kept, so someone joins as soon as they exist.
 */
final class Recent<K, V> {
    private record Entry<V>(V value, long until) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long keepMillis;
    private final int max;

    Recent(Clock clock, Duration keep, int max) {
        this.clock = clock;
        this.keepMillis = keep.toMillis();
        this.max = max;
    }

    Optional<V> get(K key, Function<K, Optional<V>> load) {
        long now = clock.millis();
        Entry<V> e = entries.get(key);
        if (e != null && e.until() > now) return Optional.of(e.value());
        Optional<V> loaded = load.apply(key);
        if (loaded.isPresent()) {
            if (entries.size() >= max) entries.clear();
            entries.put(key, new Entry<>(loaded.get(), now + keepMillis));
        } else {
            entries.remove(key);
        }
        return loaded;
    }

    /** Keeps a value just made here (a person who has just joined opens their stream next). */
    void put(K key, V value) {
        if (entries.size() >= max) entries.clear();
        entries.put(key, new Entry<>(value, clock.millis() + keepMillis));
    }

    void forget(K key) {
        entries.remove(key);
    }
}
