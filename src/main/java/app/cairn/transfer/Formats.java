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
                + "breakout notes with a heading per room, Slido and Mentimeter results, feedback form responses and registration sheets.");
    }

    private static final int MAX_SHEETS = 20;

    /**
     * Poll results spread over a workbook's sheets (one per poll, after a summary sheet): each sheet
     * is read on its own through {@link SheetReader}, and those that hold results are put together.
     */
    private static Parsed.Results resultsInOtherSheets(byte[] bytes, String filename) {
        int count;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            count = book.getNumberOfSheets();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        if (count <= 1) return null;
        java.util.List<Parsed.PollResult> polls = new java.util.ArrayList<>();
        java.util.List<Parsed.Question> questions = new java.util.ArrayList<>();
        Format format = null;
        for (int i = 0; i < Math.min(count, MAX_SHEETS); i++) {
            Sheet one;
            try {
                one = SheetReader.read(onlySheet(bytes, i), filename);
            } catch (java.io.IOException | RuntimeException e) {
                continue;
            }
            if (!PollResults.looksLike(one)) continue;
            Parsed.Results r = PollResults.read(one);
            polls.addAll(r.polls());
            questions.addAll(r.questions());
            format = format == null ? r.format() : format;
        }
        return format == null ? null : new Parsed.Results(format, polls, questions);
    }

    private static byte[] onlySheet(byte[] bytes, int keep) throws java.io.IOException {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            for (int j = book.getNumberOfSheets() - 1; j >= 0; j--) if (j != keep) book.removeSheetAt(j);
            var out = new java.io.ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
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
        if (FeedbackSheet.looksLike(sheet)) return FeedbackSheet.read(sheet);
        if (TextFile.starts(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            Parsed.Results results = resultsInOtherSheets(bytes, filename);
            if (results != null) return results;
        }
        boolean people = sheet.headers().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(h -> h.contains("name") || h.contains("email") || h.contains("e-mail"));
        if (!people) {
            String headers = String.join(", ", sheet.headers().stream().limit(6).toList());
            throw new TransferProblem("Row " + sheet.headerRow() + ": the columns (" + ZoomChat.shorten(headers) + ") are "
                    + "neither poll results (such as Question, Option, Votes), nor feedback answers (two of: would you recommend, a "
                    + "rating, what did you value, what could be better), nor people (such as Name, Email). If this is a "
                    + "workbook with several sheets, save the sheet with the results on its own and bring that in.");
        }
        return new Parsed.People(Format.REGISTRATIONS, sheet);
    }
}
