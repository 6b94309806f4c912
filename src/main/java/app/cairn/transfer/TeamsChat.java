package app.cairn.transfer;

import app.cairn.transfer.Parsed.ChatLine;
import app.cairn.transfer.Parsed.Kind;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Teams meeting chat copied as text: each message starts with its time in brackets and
 * the sender ("[10:02] Jane Smith (she/her)" or "[09/03/2021 10:02 AM] Jane Smith"), its text on
 * the lines below. A line such as "like 2" or "👍 3" under a message is a count of reactions.
 */
final class TeamsChat {
    static final Pattern HEADER = Pattern.compile(
            "^\\[(?:\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4},?\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?\\]\\s*(.+)$");
    private static final Pattern REACTIONS = Pattern.compile(
            "^(?:like|heart|laugh|surprised|sad|angry|[^\\p{L}\\p{N}\\s]{1,8})\\s*(\\d{1,4})$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_REACTIONS = 1_000;

    private TeamsChat() {}

    static boolean looksLike(String line) {
        return HEADER.matcher(line).matches();
    }

    static Parsed.Chat read(List<String> lines) {
        List<ChatLine> out = new ArrayList<>();
        List<ChatLine> reactions = new ArrayList<>();
        int start = -1;
        LocalTime time = null;
        String sender = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            Matcher m = line == null ? null : HEADER.matcher(line);
            if (line == null || m.matches()) {
                if (sender != null) {
                    out.add(ZoomChat.classify(start, time, false, sender, text.toString().strip()));
                    out.addAll(reactions);
                    reactions.clear();
                    text.setLength(0);
                }
                if (line == null) break;
                start = i + 1;
                time = time(m, start);
                sender = m.group(5).strip();
                if (sender.length() > ZoomChat.MAX_NAME) throw TransferProblem.atLine(start, "the sender's name is too long.");
                continue;
            }
            Matcher r = REACTIONS.matcher(line.strip());
            if (sender != null && r.matches()) {
                int n = Math.min(Integer.parseInt(r.group(1)), MAX_REACTIONS);
                String what = line.strip().replaceAll("\\s*\\d+$", "");
                for (int k = 0; k < n; k++) reactions.add(new ChatLine(i + 1, time, false, "", what, Kind.REACTION, null));
            } else if (sender != null) {
                if (text.length() > 0) text.append('\n');
                text.append(line);
            } else if (!line.isBlank()) {
                throw TransferProblem.atLine(i + 1, "expected a message starting with its time and sender, such as "
                        + "\"[10:02] Ann Lee\", but found \"" + ZoomChat.shorten(line) + "\".");
            }
        }
        return new Parsed.Chat(Format.TEAMS_CHAT, out);
    }

    private static LocalTime time(Matcher m, int line) {
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String ampm = m.group(4);
        if (ampm != null) {
            if (h < 1 || h > 12) throw TransferProblem.atLine(line, "the time " + h + ":" + m.group(2) + " " + ampm
                    + " is not a time of day.");
            boolean pm = ampm.toLowerCase(Locale.ROOT).equals("pm");
            h = h % 12 + (pm ? 12 : 0);
        }
        if (h > 23 || min > 59 || s > 59) throw TransferProblem.atLine(line, "the time is not a time of day.");
        return LocalTime.of(h, min, s);
    }
}
