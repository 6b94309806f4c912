package app.cairn.transfer;

import app.cairn.transfer.Parsed.Room;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads breakout notes written as plain text or Markdown, one heading per room: Markdown headings
 * ("## Room 2") or, in plain text, a short line naming a room, group or table ("Room 2:",
 * "Breakout room 3 – health"). When a Markdown file has both "#" and "##" headings, the "#" one
 * is the document's title and the "##" ones are the rooms. Bullets become separate notes.
 */
final class BreakoutNotes {
    private static final Pattern MARKDOWN = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern PLAIN = Pattern.compile(
            "^\\s*((?:breakout\\s+)?(?:room|group|table)\\s*[\\w-]{0,20}\\b.{0,60}?)\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+•]|\\d+[.)])\\s+(.*)$");
    static final int MAX_ROOMS = 200;

    private BreakoutNotes() {}

    static boolean looksLike(List<String> lines) {
        int headings = 0;
        for (String l : lines) if (MARKDOWN.matcher(l).matches() || PLAIN.matcher(l).matches()) headings++;
        return headings > 0;
    }

    static Parsed.Notes read(List<String> lines) {
        int roomLevel = roomLevel(lines);
        List<Room> rooms = new ArrayList<>();
        String name = null;
        int start = 0;
        List<String> notes = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            String heading = line == null ? null : heading(line, roomLevel);
            boolean title = line != null && heading == null && roomLevel > 1 && MARKDOWN.matcher(line).matches();
            if (line == null || heading != null || title) {
                flush(paragraph, notes);
                if (name != null) rooms.add(new Room(start, name, notes));
                if (line == null) break;
                notes = new ArrayList<>();
                name = heading;
                start = i + 1;
                if (rooms.size() > MAX_ROOMS) throw TransferProblem.atLine(i + 1, "more than " + MAX_ROOMS + " rooms.");
                continue;
            }
            Matcher bullet = BULLET.matcher(line);
            if (line.isBlank()) {
                flush(paragraph, notes);
            } else if (name == null) {
                throw TransferProblem.atLine(i + 1, "notes before the first room's heading. Start the file with a "
                        + "heading for each room, such as \"## Room 1\" or \"Room 1:\".");
            } else if (bullet.matches()) {
                flush(paragraph, notes);
                paragraph.append(bullet.group(1).strip());
            } else {
                if (paragraph.length() > 0) paragraph.append(' ');
                paragraph.append(line.strip());
            }
        }
        if (rooms.isEmpty()) throw new TransferProblem("The notes have no room headings, such as \"## Room 1\".");
        return new Parsed.Notes(Format.BREAKOUT_NOTES, rooms);
    }

    private static void flush(StringBuilder paragraph, List<String> notes) {
        if (paragraph.length() > 0) notes.add(paragraph.toString());
        paragraph.setLength(0);
    }

    /** The Markdown level rooms are at: 2 when there are "##" headings under a "#" title, else the first level used. */
    private static int roomLevel(List<String> lines) {
        int min = 7;
        int second = 7;
        for (String l : lines) {
            Matcher m = MARKDOWN.matcher(l);
            if (!m.matches()) continue;
            int level = m.group(1).length();
            if (level < min) {
                second = Math.min(second, min);
                min = level;
            } else if (level > min) {
                second = Math.min(second, level);
            }
        }
        if (min == 7) return 0;
        long atMin = lines.stream().filter(l -> MARKDOWN.matcher(l).matches()
                && MARKDOWN.matcher(l).replaceAll("$1").length() == 1).count();
        return min == 1 && second < 7 && atMin == 1 ? second : min;
    }

    private static String heading(String line, int roomLevel) {
        Matcher m = MARKDOWN.matcher(line);
        if (m.matches()) return m.group(1).length() == roomLevel ? m.group(2).strip() : null;
        if (roomLevel == 0) {
            Matcher p = PLAIN.matcher(line);
            if (p.matches()) return p.group(1).strip();
        }
        return null;
    }
}
