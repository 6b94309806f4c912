package app.cairn.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The anonymised data behind every chart, as a zip: one CSV per chart and one workbook with a
 * sheet per chart. No names or emails are in a pack, so none can be here. Text cells that a
 * spreadsheet would run as a formula are written with a leading apostrophe.
 */
final class PackData {
    private PackData() {}

    static byte[] zip(Pack pack) {
        List<Pack.Chart> charts = new ArrayList<>();
        for (Pack.Section s : pack.sections()) charts.addAll(s.charts());
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Pack.Chart c : charts) {
                zip.putNextEntry(new ZipEntry(c.key() + ".csv"));
                zip.write(csv(c).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("charts.xlsx"));
            zip.write(xlsx(charts));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(("The numbers behind each chart in the pack \"" + pack.title() + "\" (" + pack.community()
                    + "), one file per chart and one sheet per chart in charts.xlsx. Each row is an answer: how many\n"
                    + "people gave it, and their share of the base (the people who answered that question).\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the data bundle could not be written", e);
        }
    }

    static String csv(Pack.Chart c) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("chart", "answer", "people", "share_percent", "base_n", "note");
            for (Pack.Bar b : c.bars()) {
                p.printRecord(safe(c.title()), safe(b.label()), b.count(), b.percent() == null ? "" : b.percent(), c.base(),
                        safe(c.note()));
            }
        }
        return w.toString();
    }

    private static byte[] xlsx(List<Pack.Chart> charts) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Pack.Chart c : charts) {
                String name = org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(c.key());
                for (int n = 2; !names.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
                    name = org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(c.key() + " " + n);
                }
                Sheet sheet = wb.createSheet(name);
                Row head = sheet.createRow(0);
                String[] titles = {"answer", "people", "share_percent", "base_n"};
                for (int i = 0; i < titles.length; i++) head.createCell(i).setCellValue(titles[i]);
                for (int i = 0; i < c.bars().size(); i++) {
                    Pack.Bar b = c.bars().get(i);
                    Row r = sheet.createRow(i + 1);
                    r.createCell(0).setCellValue(safe(b.label()));
                    r.createCell(1).setCellValue(b.count());
                    if (b.percent() != null) r.createCell(2).setCellValue(b.percent());
                    r.createCell(3).setCellValue(c.base());
                }
                sheet.createRow(c.bars().size() + 2).createCell(0).setCellValue(safe(c.title() + ". " + c.note()));
            }
            if (charts.isEmpty()) wb.createSheet("no charts").createRow(0).createCell(0).setCellValue("This pack has no charts.");
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Text a spreadsheet would take as a formula (= + - @, tab, carriage return) gets a leading apostrophe. */
    static String safe(String s) {
        if (s == null || s.isEmpty()) return "";
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
