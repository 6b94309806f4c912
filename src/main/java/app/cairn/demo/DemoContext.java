package app.cairn.demo;

import app.cairn.Cairn;
import java.time.Clock;
import java.util.Optional;

/**
 * What a demo step works with: every service, the clock (so dates are relative to today), the
 * demo organiser's account, and a small memory of what earlier steps made, kept in the database
 * so a later run (or a later feature's step) can find it.
 */
public final class DemoContext {
    private static final String PREFIX = "demo.";
    private final Cairn.Services services;
    private final Clock clock;
    private final long organiserId;

    DemoContext(Cairn.Services services, Clock clock, long organiserId) {
        this.services = services;
        this.clock = clock;
        this.organiserId = organiserId;
    }

    public Cairn.Services services() {
        return services;
    }

    public Clock clock() {
        return clock;
    }

    /** The demo organiser's account id (demo@cairn.example). */
    public long organiserId() {
        return organiserId;
    }

    /** Records something a step made, e.g. {@code remember("past-event", "12")}. */
    public void remember(String key, String value) {
        services.instanceSettings().set(PREFIX + key, value);
    }

    public Optional<String> recall(String key) {
        return services.instanceSettings().get(PREFIX + key);
    }

    public Optional<Long> recallId(String key) {
        return recall(key).map(Long::valueOf);
    }
}
