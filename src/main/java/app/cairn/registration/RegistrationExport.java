package app.cairn.registration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An event's registrations as a spreadsheet: CSV (UTF-8 with a byte-order mark so Excel reads
 * accents) and XLSX. Every cell is text; CSV cells that a spreadsheet would take for a formula
 * are escaped, so a name like "=HYPERLINK(...)" stays a name.
 */
public final class RegistrationExport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private RegistrationExport() {}

    static List<String> header(List<Question> questions) {
        List<String> h = new ArrayList<>(List.of("Name", "Email", "Role", "Organisation as typed", "Organisation",
                "Sector", "Status", "New or returning", "Registered", RegistrationRules.ONE_QUESTION, "Access needs",
                "Consent", "Consent given", "How they registered"));
        questions.forEach(q -> h.add(q.label()));
        return h;
    }

    static List<List<String>> rows(Roster roster, List<Question> questions) {
        List<List<String>> out = new ArrayList<>();
        for (Roster.Row row : roster.rows()) {
            Registration r = row.registration();
            List<String> cells = new ArrayList<>(List.of(r.name(), r.email(), r.role(), r.organisationName(),
                    row.organisation(), r.sectorLabel(), r.status().label(), row.returningPerson() ? "Returning" : "New",
                    WHEN.format(r.createdAt()), r.oneQuestion(), r.accessNeeds(), r.consentVersion(),
                    r.consentAt() == null ? "" : WHEN.format(r.consentAt()), r.source()));
            for (Question q : questions) cells.add(r.answers().getOrDefault(q.id(), "").replace("\n", "; "));
            out.add(cells);
        }
        return out;
    }

    public static byte[] csv(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                var printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            printer.printRecord(header.stream().map(RegistrationExport::safe).toList());
            for (List<String> row : rows) printer.printRecord(row.stream().map(RegistrationExport::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A cell a spreadsheet will not run: one starting with =, +, -, @ (or a tab or carriage
     * return, which some programs skip before looking) gets a leading apostrophe.
     */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) return "";
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    public static byte[] xlsx(String sheetName, List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName(sheetName));
            var bold = book.createFont();
            bold.setBold(true);
            var headerStyle = book.createCellStyle();
            headerStyle.setFont(bold);
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                var cell = first.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(headerStyle);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.get(r);
                // setCellValue(String) always makes a text cell: nothing written here is ever a formula.
                for (int i = 0; i < cells.size(); i++) row.createCell(i).setCellValue(cells.get(i));
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < Math.min(header.size(), 12); i++) sheet.setColumnWidth(i, 24 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel's rules: at most 31 characters, none of : \ / ? * [ ]. */
    static String sheetName(String name) {
        String clean = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        if (clean.isEmpty()) clean = "Registrations";
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
