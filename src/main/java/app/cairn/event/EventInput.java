package app.cairn.event;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event's details as typed, before they are checked: every field is text, so a page shown
 * again with errors keeps exactly what was typed and the API gets the same messages.
 */
public record EventInput(
        String title,
        String purpose,
        DateInput date,
        String startTime,
        String timeZone,
        List<HostInput> hosts,
        String recordingUrl,
        String contactEmail,
        String capacity) {

    public EventInput {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        date = date == null ? new DateInput("", "", "", "") : date;
    }

    /** A host as typed. */
    public record HostInput(String name, String role, String organisation) {
        public boolean blank() {
            return isBlank(name) && isBlank(role) && isBlank(organisation);
        }
    }

    /**
     * A date as typed: day, month and year fields (GOV.UK date input) or, from the API, one ISO
     * text; {@code unreadable} holds ISO text that is not in the form YYYY-MM-DD.
     */
    public record DateInput(String day, String month, String year, String unreadable) {
        private static final Pattern ISO = Pattern.compile("^(\\d{1,6})-(\\d{1,2})-(\\d{1,2})$");

        public static DateInput parts(String day, String month, String year) {
            return new DateInput(day, month, year, "");
        }

        public static DateInput iso(String text) {
            if (isBlank(text)) return new DateInput("", "", "", "");
            Matcher m = ISO.matcher(text.strip());
            if (!m.matches()) return new DateInput("", "", "", text);
            return new DateInput(m.group(3), m.group(2), m.group(1), "");
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
