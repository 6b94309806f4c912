package app.cairn.transfer;

import app.cairn.registration.Sheet;
import app.cairn.registration.SheetReader;
import java.util.List;
import java.util.Locale;

/**
 * Works out what kind of file was brought in from its content (never only its name) and reads it.
 * Whatever the bytes, the answer is a {@link Parsed} or a {@link TransferProblem} with a plain
 * message naming the line or row.
 */
public final class Formats {
    private static final int LOOK_AHEAD = 30;

    private Formats() {}

    public static Parsed read(byte[] bytes, String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (bytes == null || bytes.length == 0) throw new TransferProblem("The file is empty.");
        if (TextFile.starts(bytes, 0x50, 0x4B, 0x03, 0x04) || TextFile.starts(bytes, 0xD0, 0xCF, 0x11, 0xE0)
                || name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return sheet(bytes, filename);
        }
        TextFile file = TextFile.of(bytes);
        List<String> lines = file.lines();
        List<String> first = lines.stream().filter(l -> !l.isBlank()).limit(LOOK_AHEAD).toList();
        if (first.isEmpty()) throw new TransferProblem("The file has no text in it.");
        String top = first.get(0);
        if (ZoomChat.looksCloud(top)) return ZoomChat.read(lines, true);
        if (ZoomChat.looksLocal(top)) return ZoomChat.read(lines, false);
        if (TeamsChat.looksLike(top)) return TeamsChat.read(lines);
        if (TeamsAttendance.looksLike(first)) return TeamsAttendance.read(lines);
        if (top.startsWith("#") || BreakoutNotes.looksLike(first) && !looksTabular(first)) return BreakoutNotes.read(lines);
        if (looksTabular(first)) return sheet(bytes, filename);
        throw new TransferProblem("Cairn could not tell what kind of file this is. Line " + (lines.indexOf(top) + 1)
                + " reads \"" + ZoomChat.shorten(top) + "\". Cairn reads Zoom chats, Teams chats and attendance reports, "
                + "breakout notes with a heading per room, Slido and Mentimeter results, and registration sheets.");
    }

    private static boolean looksTabular(List<String> first) {
        String top = first.get(0);
        return top.indexOf('\t') >= 0 || top.indexOf(',') >= 0 || top.indexOf(';') >= 0;
    }

    private static Parsed sheet(byte[] bytes, String filename) {
        Sheet sheet;
        try {
            sheet = SheetReader.read(bytes, filename == null ? "upload" : filename);
        } catch (Sheet.Problem p) {
            throw new TransferProblem(p.getMessage());
        }
        if (PollResults.looksLike(sheet)) return PollResults.read(sheet);
        return new Parsed.People(Format.REGISTRATIONS, sheet);
    }
}
