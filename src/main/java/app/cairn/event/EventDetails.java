package app.cairn.event;

import app.cairn.common.Invalid;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An event's details once checked: what the service saves. {@link #check} turns typed input into this. */
public record EventDetails(
        String title,
        String purpose,
        LocalDate date,
        LocalTime startTime,
        ZoneId zone,
        List<Host> hosts,
        String recordingUrl,
        String contactEmail,
        Integer capacity) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_PURPOSE = 2000;
    public static final int MAX_HOSTS = 10;
    public static final int MAX_HOST_FIELD = 200;
    public static final int MAX_URL = 500;
    public static final int MAX_CAPACITY = 100_000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern TIME = Pattern.compile("^(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?$");
    private static final Pattern FOUR_DIGITS = Pattern.compile("^(\\d{2})(\\d{2})$");

    public EventDetails {
        hosts = List.copyOf(hosts);
    }

    /** Checks everything typed at once, so every problem is listed together. */
    public static EventDetails check(EventInput in) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(in.title(), "title", "Title", MAX_TITLE, "Enter the conversation's title", errors);
        String purpose = text(in.purpose(), "purpose", "What we set out to do", MAX_PURPOSE, null, errors);
        LocalDate date = date(in.date(), errors);
        LocalTime time = time(in.startTime(), errors);
        ZoneId zone = zone(in.timeZone(), errors);
        if (date != null && time != null && zone != null) {
            try {
                Schedule.startOf(date, time, zone);
            } catch (Schedule.NonexistentTime e) {
                errors.put("startTime", e.explanation());
            }
        }
        List<Host> hosts = hosts(in.hosts(), errors);
        String url = recordingUrl(in.recordingUrl(), errors);
        String email = strip(in.contactEmail());
        if (email.length() > 320 || (!email.isEmpty() && !EMAIL.matcher(email).matches())) {
            errors.put("contactEmail", "Enter the contact email address in the correct format, like name@example.org");
        }
        Integer capacity = capacity(in.capacity(), errors);
        if (!errors.isEmpty()) throw new Invalid(errors);
        return new EventDetails(title, purpose, date, time, zone, hosts, url, email, capacity);
    }

    static String text(String raw, String field, String label, int max, String requiredMessage, Map<String, String> errors) {
        String v = strip(raw);
        if (v.isEmpty() && requiredMessage != null) errors.put(field, requiredMessage);
        else if (v.codePointCount(0, v.length()) > max) errors.put(field, label + " must be " + max + " characters or fewer");
        return v;
    }

    static LocalDate date(EventInput.DateInput in, Map<String, String> errors) {
        if (!strip(in.unreadable()).isEmpty()) {
            errors.put("date", "Enter the date as YYYY-MM-DD, like 2027-03-09");
            return null;
        }
        String d = strip(in.day());
        String m = strip(in.month());
        String y = strip(in.year());
        List<String> missing = new ArrayList<>();
        if (d.isEmpty()) missing.add("day");
        if (m.isEmpty()) missing.add("month");
        if (y.isEmpty()) missing.add("year");
        if (missing.size() == 3) {
            errors.put("date", "Enter the date of the conversation");
            return null;
        }
        if (!missing.isEmpty()) {
            errors.put("date", "The date must include a " + String.join(" and ", missing));
            return null;
        }
        Integer month = month(m);
        if (!d.matches("\\d{1,2}") || month == null || !y.matches("\\d+")) {
            errors.put("date", "The date must be a real date, with the day, month and year as numbers, like 9 3 2027");
            return null;
        }
        if (y.length() != 4) {
            errors.put("date", "The year must include 4 numbers, like 2027");
            return null;
        }
        int day = Integer.parseInt(d);
        int year = Integer.parseInt(y);
        if (year < 2000 || year > 2100) {
            errors.put("date", "The year must be between 2000 and 2100");
            return null;
        }
        if (month < 1 || month > 12) {
            errors.put("date", "The month must be a number from 1 to 12");
            return null;
        }
        YearMonth ym = YearMonth.of(year, month);
        if (day < 1 || day > ym.lengthOfMonth()) {
            String monthName = Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK);
            errors.put("date", day < 1
                    ? "The day must be a number from 1 to " + ym.lengthOfMonth()
                    : day + " " + monthName + " " + year + " is not a real date: " + monthName + " " + year
                            + " has " + ym.lengthOfMonth() + " days");
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** A month as a number, or its name ("March", "mar") as people sometimes type it. */
    private static Integer month(String m) {
        if (m.matches("\\d{1,2}")) return Integer.parseInt(m);
        String lower = m.toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            String name = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && name.startsWith(lower)) return month.getValue();
        }
        return null;
    }

    /** Reads "10:00", "9.30", "1430", "2pm", "2:30 pm", "noon". */
    static LocalTime parseTime(String raw) {
        String t = strip(raw).toLowerCase(Locale.ROOT);
        if (t.equals("noon") || t.equals("midday")) return LocalTime.NOON;
        if (t.equals("midnight")) return LocalTime.MIDNIGHT;
        Matcher four = FOUR_DIGITS.matcher(t);
        if (four.matches()) t = four.group(1) + ":" + four.group(2);
        Matcher m = TIME.matcher(t);
        if (!m.matches()) return null;
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String half = m.group(3);
        if (half != null) {
            if (hour < 1 || hour > 12) return null;
            boolean pm = half.startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            return LocalTime.of(hour, minute);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime time(String raw, Map<String, String> errors) {
        if (strip(raw).isEmpty()) {
            errors.put("startTime", "Enter the start time, like 10:00 or 14:30");
            return null;
        }
        LocalTime t = parseTime(raw);
        if (t == null) errors.put("startTime", "Enter the start time as hours and minutes, like 10:00 or 14:30");
        return t;
    }

    private static ZoneId zone(String raw, Map<String, String> errors) {
        String z = strip(raw);
        if (z.isEmpty()) {
            errors.put("timeZone", "Choose the time zone the conversation's times are in");
            return null;
        }
        var zone = TimeZones.resolve(z);
        if (zone.isEmpty()) {
            String hint = TimeZones.suggestion(z).map(s -> " Did you mean " + s + "?").orElse("");
            errors.put("timeZone", "\"" + (z.length() > 64 ? z.substring(0, 64) + "…" : z)
                    + "\" is not a time zone. Enter a time zone name like Europe/London or America/New_York." + hint);
            return null;
        }
        return zone.get();
    }

    private static List<Host> hosts(List<EventInput.HostInput> in, Map<String, String> errors) {
        List<Host> hosts = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < in.size(); i++) {
            EventInput.HostInput h = in.get(i);
            if (h == null || h.blank()) continue;
            n++;
            if (n > MAX_HOSTS) {
                errors.put("hosts", "A conversation can have up to " + MAX_HOSTS + " hosts");
                break;
            }
            String key = "hosts[" + i + "].";
            String who = "Host " + (i + 1);
            String name = text(h.name(), key + "name", who + "'s name", MAX_HOST_FIELD, "Enter the name of host " + (i + 1), errors);
            String role = text(h.role(), key + "role", who + "'s role", MAX_HOST_FIELD, null, errors);
            String org = text(h.organisation(), key + "organisation", who + "'s organisation", MAX_HOST_FIELD, null, errors);
            hosts.add(new Host(name, role, org));
        }
        return hosts;
    }

    private static String recordingUrl(String raw, Map<String, String> errors) {
        String v = strip(raw);
        if (v.isEmpty()) return v;
        String message = "Enter the recording link as a full web address starting with https://, like https://video.example.org/our-recording";
        if (v.length() > MAX_URL) {
            errors.put("recordingUrl", "The recording link must be " + MAX_URL + " characters or fewer");
            return v;
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !uri.getHost().contains(".")
                    && !uri.getHost().equals("localhost")) {
                errors.put("recordingUrl", message);
            }
        } catch (java.net.URISyntaxException e) {
            errors.put("recordingUrl", message);
        }
        return v;
    }

    private static Integer capacity(String raw, Map<String, String> errors) {
        String v = strip(raw).replace(",", "");
        if (v.isEmpty()) return null;
        if (!v.matches("-?\\d{1,9}")) {
            errors.put("capacity", "Capacity must be a whole number, like 80, or leave it blank for no limit");
            return null;
        }
        int n = Integer.parseInt(v);
        if (n < 1) {
            errors.put("capacity", "Capacity must be at least 1, or leave it blank for no limit");
            return null;
        }
        if (n > MAX_CAPACITY) {
            errors.put("capacity", "Capacity must be 100,000 or fewer");
            return null;
        }
        return n;
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
