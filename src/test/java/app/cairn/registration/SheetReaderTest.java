package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SheetReaderTest {
    @Test
    void an_eventbrite_csv_is_read_with_its_header_and_every_row() {
        Sheet sheet = SheetReader.read(Samples.bytes("eventbrite-attendees.csv"), "attendees.csv");
        assertThat(sheet.headers()).startsWith("Order #", "Order Date", "First Name", "Last Name", "Email");
        assertThat(sheet.rows()).hasSize(7);
        assertThat(sheet.rows().get(5).get(9)).isEqualTo("Dementia Advisor, Dundee");
        assertThat(sheet.rowNumber(0)).isEqualTo(2);
        assertThat(sheet.note()).contains("UTF-8");
    }

    @Test
    void semicolons_and_accents_in_utf8_are_read() {
        Sheet sheet = SheetReader.read(Samples.bytes("google-forms-semicolons.csv"), "form.csv");
        assertThat(sheet.headers()).hasSize(6);
        assertThat(sheet.rows().get(0).get(2)).isEqualTo("Eilidh Macàidh");
        assertThat(sheet.rows().get(1).get(2)).isEqualTo("Ross Béchard");
    }

    @Test
    void a_windows_1252_file_is_read_and_said_so() {
        Sheet sheet = SheetReader.read(Samples.bytes("windows-1252.csv"), "old-excel.csv");
        assertThat(sheet.rows().get(0)).containsExactly("Zoë Müller", "zoe@example.org", "Café Connect – Dundee");
        assertThat(sheet.rows().get(1).get(0)).isEqualTo("Seán Óg");
        assertThat(sheet.note()).contains("Windows-1252");
    }

    @Test
    void utf16_with_a_byte_order_mark_and_tabs_is_read() {
        Sheet sheet = SheetReader.read(Samples.bytes("utf-16-tabs.csv"), "export.txt");
        assertThat(sheet.headers()).containsExactly("Name", "Email", "Organisation");
        assertThat(sheet.rows().get(0)).containsExactly("Niamh Ross", "niamh@example.org", "NHS Borders");
        assertThat(sheet.note()).contains("UTF-16");
    }

    @Test
    void utf16_without_a_byte_order_mark_is_recognised() {
        byte[] bytes = "Name,Email\nTom,tom@example.org\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(SheetReader.read(bytes, "x.csv").rows().get(0)).containsExactly("Tom", "tom@example.org");
    }

    @Test
    void an_xlsx_formula_is_read_as_its_text_and_blank_rows_keep_row_numbers() {
        Sheet sheet = SheetReader.read(Samples.bytes("microsoft-forms.xlsx"), "Form1.xlsx");
        assertThat(sheet.headers()).hasSize(10);
        assertThat(sheet.note()).contains("Form1");
        assertThat(sheet.rows()).hasSize(4);
        assertThat(sheet.rows().get(2)).allMatch(String::isEmpty);
        assertThat(sheet.rows().get(3).get(5)).isEqualTo("=CONCATENATE(\"Kerry\",\" \",\"Hunter\")");
        assertThat(sheet.rowNumber(3)).isEqualTo(5);
    }

    @Test
    void empty_files_missing_headers_and_other_files_are_refused_with_what_to_do() {
        assertThatThrownBy(() -> SheetReader.read(Samples.bytes("empty.csv"), "empty.csv"))
                .isInstanceOf(Sheet.Problem.class).hasMessageContaining("The file is empty");
        assertThatThrownBy(() -> SheetReader.read(Samples.bytes("header-only.csv"), "h.csv"))
                .isInstanceOf(Sheet.Problem.class).hasMessageContaining("nobody in it");
        assertThatThrownBy(() -> SheetReader.read(Samples.bytes("no-header.csv"), "n.csv"))
                .isInstanceOf(Sheet.Problem.class).hasMessageContaining("Add a header row");
        assertThatThrownBy(() -> SheetReader.read(Samples.bytes("not-text.csv"), "n.csv"))
                .isInstanceOf(Sheet.Problem.class).hasMessageContaining("not a CSV or XLSX");
        assertThatThrownBy(() -> SheetReader.read("\n\n ,, \n".getBytes(StandardCharsets.UTF_8), "blank.csv"))
                .isInstanceOf(Sheet.Problem.class).hasMessageContaining("The sheet is empty");
        assertThatThrownBy(() -> SheetReader.read(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}, "broken.xlsx"))
                .isInstanceOf(Sheet.Problem.class).hasMessageContaining("could not be opened");
        assertThatThrownBy(() -> SheetReader.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}, "old.xls"))
                .isInstanceOf(Sheet.Problem.class).hasMessageContaining(".xls");
    }

    @Test
    void text_that_is_no_known_encoding_is_refused() {
        byte[] bytes = {'N', 'a', 'm', 'e', '\n', 'A', (byte) 0x81, 'b', '\n'};
        assertThatThrownBy(() -> SheetReader.read(bytes, "odd.csv")).isInstanceOf(Sheet.Problem.class)
                .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void the_separator_is_whichever_the_header_uses_most_outside_quotes() {
        assertThat(SheetReader.delimiter("\"a,b\";c;d\n1,2,3")).isEqualTo(';');
        assertThat(SheetReader.delimiter("a\tb\tc")).isEqualTo('\t');
        assertThat(SheetReader.delimiter("a,b")).isEqualTo(',');
        assertThat(SheetReader.parseCsv("a,\"b\nc\",d")).containsExactly(List.of("a", "b\nc", "d"));
    }
}
