package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class RegistrationExportTest {
    @Test
    void csv_cells_that_a_spreadsheet_would_run_as_formulas_are_escaped() {
        assertThat(RegistrationExport.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(RegistrationExport.safe("+44 1382 000000")).isEqualTo("'+44 1382 000000");
        assertThat(RegistrationExport.safe("-1")).isEqualTo("'-1");
        assertThat(RegistrationExport.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RegistrationExport.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(RegistrationExport.safe("Aileen Grant")).isEqualTo("Aileen Grant");
        assertThat(RegistrationExport.safe("")).isEmpty();

        String csv = new String(RegistrationExport.csv(List.of("Name", "Email"),
                List.of(List.of("=cmd|' /C calc'!A0", "a@example.org"), List.of("Zoë, \"Z\"", "z@example.org"))),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFName,Email\r\n");
        assertThat(csv).contains("'=cmd|' /C calc'!A0").contains("\"Zoë, \"\"Z\"\"\"");
    }

    @Test
    void xlsx_cells_are_all_text_never_formulas() throws Exception {
        byte[] xlsx = RegistrationExport.xlsx("Leading with compassion: [March]", List.of("Name"),
                List.of(List.of("=1+1"), List.of("Tom")));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Leading with compassion   March");
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+1");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Tom");
        }
    }
}
