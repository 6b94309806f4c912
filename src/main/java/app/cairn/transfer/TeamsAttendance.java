package app.cairn.transfer;

import app.cairn.transfer.Parsed.Attendee;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a Teams meeting attendance report, tab-separated (often UTF-16) or comma-separated: the
 * sections "1. Summary", "2. Participants" and "3. In-Meeting Activities" of newer reports, or the
 * single table of older ones ("Full Name, Join Time, Leave Time…" or "Full Name, User Action,
 * Timestamp"). Each person appears once, with their first join and last leave.
 */
final class TeamsAttendance {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?");

    private TeamsAttendance() {}

    /** True when the first lines look like an attendance report. */
    static boolean looksLike(List<String> firstLines) {
        for (String l : firstLines) {
            String s = l.toLowerCase(Locale.ROOT);
            if (s.contains("meeting summary") || s.contains("total number of participants")
                    || s.matches("^\\s*1\\.\\s*summary.*")) return true;
            if (s.contains("name") && (s.contains("first join") || s.contains("join time") || s.contains("user action"))) {
                return true;
            }
        }
        return false;
    }

    static Parsed.Attendance read(List<String> lines) {
        Map<String, Attendee> people = new LinkedHashMap<>();
        List<String> header = null;
        boolean participantsSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isBlank() || raw.strip().matches("^\\d+\\.\\s*\\D.*") && !raw.contains("\t") && !raw.contains(",")) {
                if (header != null && !people.isEmpty()) participantsSeen = true;
                header = null;
                continue;
            }
            List<String> cells = cells(raw, i + 1);
            if (isHeader(cells)) {
                header = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
                continue;
            }
            if (header == null) continue;
            if (participantsSeen && header.contains("join time")) continue;
            Attendee a = row(header, cells, i + 1);
            if (a == null) continue;
            String key = (a.email().isBlank() ? a.name() : a.email()).toLowerCase(Locale.ROOT);
            Attendee before = people.get(key);
            people.put(key, before == null ? a : merge(before, a));
        }
        if (people.isEmpty()) {
            throw new TransferProblem("The attendance report lists nobody: Cairn found no row under a header such as "
                    + "\"Name, First Join, Last Leave\". Download the report again from Teams and bring in that file.");
        }
        return new Parsed.Attendance(Format.TEAMS_ATTENDANCE, new ArrayList<>(people.values()));
    }

    private static boolean isHeader(List<String> cells) {
        boolean name = false;
        boolean time = false;
        for (String c : cells) {
            String s = c.strip().toLowerCase(Locale.ROOT);
            if (s.equals("name") || s.equals("full name")) name = true;
            if (s.contains("join") || s.equals("user action")) time = true;
        }
        return name && time;
    }

    private static Attendee row(List<String> header, List<String> cells, int line) {
        String name = cell(header, cells, "name", "full name");
        if (name.isBlank()) return null;
        if (name.length() > ZoomChat.MAX_NAME) throw TransferProblem.atLine(line, "the name is too long to be a name.");
        String email = cell(header, cells, "email", "participant id (upn)");
        if (!email.contains("@")) email = "";
        String role = cell(header, cells, "role");
        LocalTime joined = time(cell(header, cells, "first join", "join time"), line);
        LocalTime left = time(cell(header, cells, "last leave", "leave time"), line);
        String action = cell(header, cells, "user action").toLowerCase(Locale.ROOT);
        if (!action.isBlank()) {
            LocalTime at = time(cell(header, cells, "timestamp"), line);
            if (action.startsWith("join")) joined = at;
            else left = at;
        }
        return new Attendee(line, name.strip(), email.strip(), role.strip(), joined, left);
    }

    private static Attendee merge(Attendee a, Attendee b) {
        LocalTime joined = a.joined() == null ? b.joined() : b.joined() == null || a.joined().isBefore(b.joined())
                ? a.joined() : b.joined();
        LocalTime left = a.left() == null ? b.left() : b.left() == null || a.left().isAfter(b.left()) ? a.left() : b.left();
        return new Attendee(a.row(), a.name(), a.email().isBlank() ? b.email() : a.email(),
                a.role().isBlank() ? b.role() : a.role(), joined, left);
    }

    private static String cell(List<String> header, List<String> cells, String... names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0 && i < cells.size()) return cells.get(i).strip();
        }
        return "";
    }

    /** The time of day in a report's date and time ("3/9/21, 10:00:12 AM"); the date is the event's. */
    static LocalTime time(String s, int line) {
        if (s == null || s.isBlank()) return null;
        Matcher m = TIME.matcher(s);
        LocalTime found = null;
        while (m.find()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            int sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (m.group(4) != null) {
                if (h < 1 || h > 12) throw TransferProblem.atLine(line, "\"" + ZoomChat.shorten(s) + "\" is not a time.");
                h = h % 12 + (Character.toLowerCase(m.group(4).charAt(0)) == 'p' ? 12 : 0);
            }
            if (h > 23 || min > 59 || sec > 59) throw TransferProblem.atLine(line, "\"" + ZoomChat.shorten(s) + "\" is not a time.");
            found = LocalTime.of(h, min, sec);
        }
        if (found == null) throw TransferProblem.atLine(line, "\"" + ZoomChat.shorten(s) + "\" is not a date and time.");
        return found;
    }

    static List<String> cells(String line, int number) {
        if (line.indexOf('\t') >= 0) return List.of(line.split("\t", -1));
        try (CSVParser p = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            if (records.isEmpty()) return List.of();
            List<String> out = new ArrayList<>();
            for (String c : records.get(0)) out.add(c);
            return out;
        } catch (IOException | RuntimeException e) {
            throw TransferProblem.atLine(number, "a quoted cell is never closed. Download the report again from Teams.");
        }
    }
}
