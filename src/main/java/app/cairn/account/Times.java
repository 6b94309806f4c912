package app.cairn.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How account and admin pages and emails write a moment: "27 November 2026 at 10:32", in UK time. */
public final class Times {
    /** Accounts have no time zone of their own; Cairn's people are mostly in the UK. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZONE);

    private Times() {}

    /** "27 November 2026 at 10:32", or {@code never} when there is no moment. */
    public static String format(Instant instant, String never) {
        return instant == null ? never : DATE_TIME.format(instant);
    }

    public static String format(Instant instant) {
        return format(instant, "");
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
