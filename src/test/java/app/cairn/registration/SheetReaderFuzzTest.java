package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes at all, read as an uploaded file, give either a sheet that keeps its promises or a
 * {@link Sheet.Problem} with a message for the organiser: never another exception, never a hang.
 * {@code mvn test} replays the saved inputs beside this class (SheetReaderFuzzTestInputs);
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=SheetReaderFuzzTest} fuzzes for 30 seconds.
 */
class SheetReaderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void reading_any_file_gives_a_sheet_or_a_plain_problem(byte[] data) {
        String name = data.length % 3 == 0 ? "upload.xlsx" : data.length % 3 == 1 ? "upload.csv" : "upload.txt";
        Sheet sheet;
        try {
            sheet = SheetReader.read(data, name);
        } catch (Sheet.Problem problem) {
            assertThat(problem.getMessage()).isNotBlank();
            return;
        }
        assertThat(sheet.headers()).isNotEmpty().allMatch(h -> !h.isBlank());
        assertThat(sheet.headers().size()).isLessThanOrEqualTo(SheetReader.MAX_COLUMNS);
        assertThat(sheet.rows().size()).isLessThanOrEqualTo(SheetReader.MAX_ROWS + 2);
        assertThat(sheet.rows()).allMatch(r -> r.size() == sheet.headers().size());
        assertThat(sheet.rows()).anyMatch(r -> r.stream().anyMatch(c -> !c.isBlank()));
        // Whatever was read can be planned without surprises.
        ImportPlan.of(sheet, ColumnMatcher.match(sheet.headers(), java.util.List.of()), java.util.List.of(),
                java.util.Set.of(), "Fuzzers");
    }
}
