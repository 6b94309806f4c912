package app.cairn.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small conversions that keep SQL the same on H2 and PostgreSQL. */
public final class Db {
    private Db() {}

    /** Binds an instant as a UTC offset date-time, which both drivers accept for TIMESTAMP WITH TIME ZONE. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a TIMESTAMP WITH TIME ZONE column back as an instant. */
    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
