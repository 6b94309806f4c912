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
 * Reads Zoom chat exports: the chat saved on the computer, with a message on its header line
 * ("10:05:12 From Ann to Everyone: Hello") or on the lines below it, and the cloud recording's
 * chat ("00:05:12&lt;TAB&gt;Ann:&lt;TAB&gt;Hello", time since the recording started). Lines that start no
 * new message continue the one before. Replies and reactions are told apart from messages.
 */
final class ZoomChat {
    static final Pattern LOCAL = Pattern.compile(
            "^(\\d{1,2}:\\d{2}:\\d{2})\\s+From\\s+(.+?)\\s*(?:\\s[Tt]o\\s+(.+?))?\\s*:(.*)$");
    static final Pattern CLOUD = Pattern.compile("^(\\d{1,2}:\\d{2}:\\d{2})\\t([^\\t]+?):\\t?(.*)$");
    private static final Pattern REPLY = Pattern.compile("^Replying to \"(.*?)\"?:?\\s*$");
    private static final Pattern REACTED = Pattern.compile("^Reacted to \"(.*)\" with (.+)$");
    private static final Pattern REMOVED = Pattern.compile("^Removed an? (.+) reaction from \"(.*)\"$");
    static final int MAX_NAME = 200;

    private ZoomChat() {}

    static boolean looksLocal(String line) {
        return LOCAL.matcher(line).matches();
    }

    static boolean looksCloud(String line) {
        return CLOUD.matcher(line).matches();
    }

    static Parsed.Chat read(List<String> lines, boolean cloud) {
        Pattern header = cloud ? CLOUD : LOCAL;
        List<ChatLine> out = new ArrayList<>();
        Draft draft = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = header.matcher(line);
            if (m.matches()) {
                if (draft != null) out.add(draft.finish());
                int n = i + 1;
                LocalTime time = time(m.group(1), n);
                String sender = m.group(2).strip();
                if (sender.isEmpty()) throw TransferProblem.atLine(n, "the message has no sender's name.");
                if (sender.length() > MAX_NAME) throw TransferProblem.atLine(n, "the sender's name is too long to be a name.");
                boolean direct = false;
                String text;
                if (cloud) {
                    text = m.group(3);
                } else {
                    String to = m.group(3) == null ? "Everyone" : m.group(3).strip();
                    direct = !to.toLowerCase(Locale.ROOT).equals("everyone");
                    text = m.group(4);
                }
                draft = new Draft(n, time, cloud, sender, direct);
                draft.add(text);
            } else if (draft != null) {
                draft.add(line.startsWith("\t") ? line.substring(1) : line);
            } else if (!line.isBlank()) {
                throw TransferProblem.atLine(i + 1, "expected a chat message starting with its time, such as "
                        + (cloud ? "\"00:05:12<TAB>Ann Lee:<TAB>Hello\"" : "\"10:05:12 From Ann Lee to Everyone: Hello\"")
                        + ", but found \"" + shorten(line) + "\".");
            }
        }
        if (draft != null) out.add(draft.finish());
        return new Parsed.Chat(cloud ? Format.ZOOM_CLOUD_CHAT : Format.ZOOM_CHAT, out);
    }

    static LocalTime time(String s, int line) {
        try {
            String[] p = s.split(":");
            int h = Integer.parseInt(p[0]);
            if (h > 23) throw TransferProblem.atLine(line, "the time " + s + " is not a time of day.");
            return LocalTime.of(h, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw TransferProblem.atLine(line, "the time " + s + " is not a time of day.");
        }
    }

    static String shorten(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }

    /** A message being read, line by line, until the next one starts. */
    private static final class Draft {
        final int line;
        final LocalTime time;
        final boolean elapsed;
        final String sender;
        final boolean direct;
        final StringBuilder text = new StringBuilder();

        Draft(int line, LocalTime time, boolean elapsed, String sender, boolean direct) {
            this.line = line;
            this.time = time;
            this.elapsed = elapsed;
            this.sender = sender;
            this.direct = direct;
        }

        void add(String s) {
            if (text.length() > 0) text.append('\n');
            text.append(s);
        }

        ChatLine finish() {
            String t = text.toString().strip();
            if (direct) return new ChatLine(line, time, elapsed, sender, t, Kind.DIRECT, null);
            return classify(line, time, elapsed, sender, t);
        }
    }

    /** Tells replies and reactions from plain messages by the words Zoom writes for them. */
    static ChatLine classify(int line, LocalTime time, boolean elapsed, String sender, String t) {
        Matcher reacted = REACTED.matcher(t);
        if (reacted.matches()) return new ChatLine(line, time, elapsed, sender, reacted.group(2).strip(), Kind.REACTION,
                reacted.group(1));
        Matcher removed = REMOVED.matcher(t);
        if (removed.matches()) return new ChatLine(line, time, elapsed, sender, "removed " + removed.group(1),
                Kind.REACTION, removed.group(2));
        int newline = t.indexOf('\n');
        String first = newline < 0 ? t : t.substring(0, newline);
        Matcher reply = REPLY.matcher(first);
        if (reply.matches()) {
            String rest = newline < 0 ? "" : t.substring(newline + 1).strip();
            return new ChatLine(line, time, elapsed, sender, rest, Kind.REPLY, reply.group(1));
        }
        return new ChatLine(line, time, elapsed, sender, t, Kind.MESSAGE, null);
    }
}
