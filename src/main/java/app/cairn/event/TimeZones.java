package app.cairn.event;

import app.cairn.web.Option;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The IANA time zones an event can be in: a short list to choose from, and checking of any typed name. */
public final class TimeZones {
    public static final String DEFAULT = "Europe/London";
    private static final Set<String> KNOWN = new TreeSet<>(ZoneId.getAvailableZoneIds());

    /** Zones organisers in these communities most often need, labelled by a city people know. */
    public static final List<Option> COMMON = List.of(
            new Option("Europe/London", "UK (London, Edinburgh, Cardiff, Belfast)"),
            new Option("Europe/Dublin", "Ireland (Dublin)"),
            new Option("Europe/Lisbon", "Portugal (Lisbon)"),
            new Option("Europe/Paris", "France (Paris)"),
            new Option("Europe/Brussels", "Belgium (Brussels)"),
            new Option("Europe/Amsterdam", "Netherlands (Amsterdam)"),
            new Option("Europe/Berlin", "Germany (Berlin)"),
            new Option("Europe/Madrid", "Spain (Madrid)"),
            new Option("Europe/Rome", "Italy (Rome)"),
            new Option("Europe/Stockholm", "Sweden (Stockholm)"),
            new Option("Europe/Oslo", "Norway (Oslo)"),
            new Option("Europe/Helsinki", "Finland (Helsinki)"),
            new Option("Europe/Athens", "Greece (Athens)"),
            new Option("America/Halifax", "Canada Atlantic (Halifax)"),
            new Option("America/Toronto", "Canada Eastern (Toronto)"),
            new Option("America/New_York", "US Eastern (New York)"),
            new Option("America/Chicago", "US Central (Chicago)"),
            new Option("America/Denver", "US Mountain (Denver)"),
            new Option("America/Los_Angeles", "US Pacific (Los Angeles)"),
            new Option("Asia/Kolkata", "India (Kolkata)"),
            new Option("Asia/Singapore", "Singapore"),
            new Option("Asia/Tokyo", "Japan (Tokyo)"),
            new Option("Australia/Sydney", "Australia Eastern (Sydney)"),
            new Option("Pacific/Auckland", "New Zealand (Auckland)"),
            new Option("UTC", "UTC (no clock changes)"));

    private TimeZones() {}

    public static boolean common(String zone) {
        return COMMON.stream().anyMatch(o -> o.value().equals(zone));
    }

    /** The zone a name means, ignoring case ("europe/london"); offsets like "+01:00" are not zones. */
    public static Optional<ZoneId> resolve(String name) {
        if (name == null || name.isBlank() || name.length() > 64) return Optional.empty();
        String n = name.strip().replace(' ', '_');
        return KNOWN.stream().filter(z -> z.equalsIgnoreCase(n)).findFirst().map(ZoneId::of);
    }

    /** A known zone close to a mistyped one ("Europe/Londn", "london", "New York"), if there is one. */
    public static Optional<String> suggestion(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 64) return Optional.empty();
        String t = typed.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
        String city = t.substring(t.lastIndexOf('/') + 1);
        for (String z : KNOWN) {
            if (z.contains("/") && z.substring(z.lastIndexOf('/') + 1).equalsIgnoreCase(city) && !z.startsWith("SystemV")) {
                return Optional.of(z);
            }
        }
        String best = null;
        int bestDistance = 3;
        for (String z : KNOWN) {
            int d = distance(t, z.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = z;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) return Integer.MAX_VALUE;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
