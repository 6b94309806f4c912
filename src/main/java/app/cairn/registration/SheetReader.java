package app.cairn.registration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a CSV or XLSX file into a {@link Sheet}: works out the text encoding (UTF-8, UTF-16 with
 * or without a byte-order mark, or Windows-1252) and the separator (comma, semicolon or tab),
 * takes the first non-empty row as the header, and reads formulas as their text without ever
 * running them. Anything it cannot read becomes a {@link Sheet.Problem} with a plain message.
 */
public final class SheetReader {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 5_000;
    public static final int MAX_COLUMNS = 100;
    static final int MAX_CELL = 4_000;
    private static final Pattern EMAIL_LIKE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SheetReader() {}

    public static Sheet read(byte[] bytes, String filename) {
        if (bytes == null || bytes.length == 0) {
            throw new Sheet.Problem("The file is empty. Choose a CSV or XLSX file with a header row and one row per person.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Sheet.Problem("The file is larger than 5 MB. Split it into smaller files, or remove columns you do not need.");
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) return xlsx(bytes);
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0) || name.endsWith(".xls")) {
            throw new Sheet.Problem("This is an old-style Excel file (.xls). Open it in Excel and save it as .xlsx or as "
                    + "CSV UTF-8, then import that.");
        }
        if (name.endsWith(".xlsx")) {
            throw new Sheet.Problem("This file is named .xlsx but is not an Excel workbook. Open it in Excel and save it "
                    + "again, or save it as CSV UTF-8.");
        }
        Decoded text = decode(bytes);
        return table(parseCsv(text.text()), text.note());
    }

    // ---- text files

    record Decoded(String text, String note) {}

    /** The file's text, with a note saying which encoding it was read as. */
    static Decoded decode(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) return new Decoded(strict(b, 3, StandardCharsets.UTF_8), "Read as UTF-8 text.");
        if (startsWith(b, 0xFF, 0xFE)) return new Decoded(strict(b, 2, StandardCharsets.UTF_16LE), "Read as UTF-16 text.");
        if (startsWith(b, 0xFE, 0xFF)) return new Decoded(strict(b, 2, StandardCharsets.UTF_16BE), "Read as UTF-16 text.");
        int evenZeros = 0;
        int oddZeros = 0;
        int sample = Math.min(b.length, 4096);
        for (int i = 0; i < sample; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) evenZeros++;
                else oddZeros++;
            }
        }
        if (sample >= 4 && b.length % 2 == 0) {
            if (oddZeros > sample / 4 && evenZeros == 0) return new Decoded(strict(b, 0, StandardCharsets.UTF_16LE), "Read as UTF-16 text.");
            if (evenZeros > sample / 4 && oddZeros == 0) return new Decoded(strict(b, 0, StandardCharsets.UTF_16BE), "Read as UTF-16 text.");
        }
        if (evenZeros + oddZeros > 0) {
            throw new Sheet.Problem("This file is not a CSV or XLSX spreadsheet Cairn can read. Save it from your "
                    + "spreadsheet program as CSV UTF-8 or as an Excel workbook (.xlsx), then import that.");
        }
        try {
            return new Decoded(decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b)).toString(), "Read as UTF-8 text.");
        } catch (CharacterCodingException notUtf8) {
            for (byte x : b) {
                int u = x & 0xFF;
                if (u == 0x81 || u == 0x8D || u == 0x8F || u == 0x90 || u == 0x9D) {
                    throw new Sheet.Problem("Cairn could not work out how the text in this file is encoded. In your "
                            + "spreadsheet program choose Save As, then CSV UTF-8, and import that file.");
                }
            }
            return new Decoded(new String(b, WINDOWS_1252),
                    "Read as Windows-1252 text (the file was not UTF-8). Check accents and symbols below look right.");
        }
    }

    private static String strict(byte[] b, int offset, Charset charset) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new Sheet.Problem("The file says it is " + charset.displayName(Locale.UK) + " text but parts of it are "
                    + "not. In your spreadsheet program choose Save As, then CSV UTF-8, and import that file.");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset c) {
        return c.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Comma, semicolon or tab: whichever the first line has most of outside quotes. */
    static char delimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) {
                if (comma + semicolon + tab > 0) break;
            } else if (!quoted && c == ',') comma++;
            else if (!quoted && c == ';') semicolon++;
            else if (!quoted && c == '\t') tab++;
        }
        if (tab > comma && tab > semicolon) return '\t';
        if (semicolon > comma) return ';';
        return ',';
    }

    static List<List<String>> parseCsv(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false).get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                if (rows.size() > MAX_ROWS + 1) throw tooMany();
                List<String> cells = new ArrayList<>();
                for (String cell : record) {
                    if (cells.size() >= MAX_COLUMNS) throw tooWide();
                    cells.add(cell);
                }
                rows.add(cells);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new Sheet.Problem("Cairn could not read this CSV file: a quoted cell may never be closed. Open it in "
                    + "your spreadsheet program, save it again as CSV UTF-8, and import that.");
        }
        return rows;
    }

    // ---- workbooks

    private static Sheet xlsx(byte[] bytes) {
        List<List<String>> rows = new ArrayList<>();
        String sheetName;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) throw emptySheet();
            org.apache.poi.ss.usermodel.Sheet sheet = null;
            for (int i = 0; i < book.getNumberOfSheets() && sheet == null; i++) {
                var s = book.getSheetAt(i);
                if (!book.isSheetHidden(i) && s.getPhysicalNumberOfRows() > 0) sheet = s;
            }
            if (sheet == null) throw emptySheet();
            sheetName = sheet.getSheetName();
            DataFormatter formatter = new DataFormatter(Locale.UK);
            for (Row row : sheet) {
                if (rows.size() > MAX_ROWS + 1) throw tooMany();
                int last = row.getLastCellNum();
                if (last > MAX_COLUMNS) throw tooWide();
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, last); c++) cells.add(text(row.getCell(c), formatter));
                // Keep row numbers true to the sheet: POI skips empty rows, so put blanks in their place.
                while (rows.size() < row.getRowNum() && rows.size() <= MAX_ROWS + 1) rows.add(List.of());
                rows.add(cells);
            }
        } catch (Sheet.Problem p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            throw new Sheet.Problem("This Excel file could not be opened: it may be damaged or protected with a password. "
                    + "Open it in Excel and save it again, or save it as CSV UTF-8, and import that.");
        }
        return table(rows, "Read from the sheet ‘" + sheetName + "’.");
    }

    /** A cell as text: a formula is read as its text ("=SUM(A1:A3)"), never calculated. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) return "";
        if (cell.getCellType() == CellType.FORMULA) return "=" + cell.getCellFormula();
        return formatter.formatCellValue(cell);
    }

    // ---- shared

    /** Takes the first non-empty row as the header and evens out the rows below it. */
    static Sheet table(List<List<String>> raw, String note) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : raw) rows.add(r.stream().map(SheetReader::cell).toList());
        int first = 0;
        while (first < rows.size() && blank(rows.get(first))) first++;
        if (first == rows.size()) throw emptySheet();
        List<String> header = new ArrayList<>(rows.get(first));
        while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) header.remove(header.size() - 1);
        if (header.stream().anyMatch(h -> EMAIL_LIKE.matcher(h).matches())) {
            throw new Sheet.Problem("The first row looks like a person, not the names of columns. Add a header row at the "
                    + "top (such as Name, Email, Organisation) and import the file again.");
        }
        long named = header.stream().filter(h -> !h.isEmpty()).count();
        if (named == 0) throw emptySheet();
        if (named < header.size() / 2.0) {
            throw new Sheet.Problem("The first row is missing most of its column names. Make sure the first row names each "
                    + "column (such as Name, Email, Organisation) and import the file again.");
        }
        for (int i = 0; i < header.size(); i++) if (header.get(i).isEmpty()) header.set(i, "Column " + (i + 1));
        List<List<String>> body = new ArrayList<>();
        for (int i = first + 1; i < rows.size(); i++) {
            List<String> r = new ArrayList<>(rows.get(i));
            while (r.size() < header.size()) r.add("");
            body.add(r.subList(0, header.size()));
        }
        if (body.stream().allMatch(SheetReader::blank)) {
            throw new Sheet.Problem("The sheet has a header row but nobody in it. Add one row per person below the header "
                    + "and import it again.");
        }
        return new Sheet(header, body, note, first + 1);
    }

    private static String cell(String s) {
        if (s == null) return "";
        String t = s.replace("\u0000", "").strip();
        return t.length() > MAX_CELL ? t.substring(0, MAX_CELL) : t;
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(String::isBlank);
    }

    private static Sheet.Problem emptySheet() {
        return new Sheet.Problem("The sheet is empty. Choose a file with a header row (such as Name, Email, Organisation) "
                + "and one row per person.");
    }

    private static Sheet.Problem tooMany() {
        return new Sheet.Problem("The file has more than " + MAX_ROWS + " rows. Split it into smaller files and import each.");
    }

    private static Sheet.Problem tooWide() {
        return new Sheet.Problem("The file has more than " + MAX_COLUMNS + " columns. Remove the columns you do not need "
                + "and import it again.");
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
