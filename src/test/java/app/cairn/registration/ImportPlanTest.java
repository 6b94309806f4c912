package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportPlanTest {
    @Test
    void an_eventbrite_export_merges_duplicates_skips_cancelled_rows_and_lists_bad_ones() {
        Sheet sheet = SheetReader.read(Samples.bytes("eventbrite-attendees.csv"), "attendees.csv");
        List<String> mapping = ColumnMatcher.match(sheet.headers(), List.of());
        ImportPlan plan = ImportPlan.of(sheet, mapping, List.of(), Set.of("tom.reid@care.example"), "Care Leaders");

        assertThat(plan.people()).extracting(p -> p.input().email())
                .containsExactly("aileen.grant@nhs.example", "tom.reid@care.example", "morag.oneill@alzheimer.example",
                        "formula@example.org");
        // Aileen's second row (same email, other case) is merged into her first; its newer role wins.
        assertThat(plan.merged()).singleElement().satisfies(m -> {
            assertThat(m.row()).isEqualTo(6);
            assertThat(m.into()).isEqualTo(2);
        });
        assertThat(plan.people().get(0).input().role()).isEqualTo("Senior Charge Nurse");
        assertThat(plan.people().get(0).input().name()).isEqualTo("Aileen Grant");
        assertThat(plan.skipped()).singleElement().satisfies(s -> {
            assertThat(s.row()).isEqualTo(4);
            assertThat(s.name()).isEqualTo("Priya Sharma");
        });
        assertThat(plan.bad()).singleElement().satisfies(b -> {
            assertThat(b.row()).isEqualTo(5);
            assertThat(b.reason()).contains("Enter an email address in the correct format");
        });
        assertThat(plan.updating()).isEqualTo(1);
        assertThat(plan.adding()).isEqualTo(3);
        // A formula typed as a name stays text.
        assertThat(plan.people().get(3).input().name()).startsWith("=HYPERLINK");
    }

    @Test
    void an_xlsx_forms_export_uses_the_question_columns_and_skips_blank_rows() {
        Sheet sheet = SheetReader.read(Samples.bytes("microsoft-forms.xlsx"), "Form1.xlsx");
        ImportPlan plan = ImportPlan.of(sheet, ColumnMatcher.match(sheet.headers(), List.of()), List.of(), Set.of(), "C");
        assertThat(plan.people()).extracting(p -> p.input().name())
                .containsExactly("Shona Munro", "Gregor Baird", "=CONCATENATE(\"Kerry\",\" \",\"Hunter\")");
        assertThat(plan.people().get(0).input().oneQuestion()).isEqualTo("How do we make time to reflect?");
        assertThat(plan.people().get(2).row()).isEqualTo(5);
        assertThat(plan.bad()).isEmpty();
    }

    @Test
    void statuses_that_mean_cancelled_are_recognised() {
        for (String s : List.of("Cancelled", "Refunded", "Not Attending", "Declined", "canceled")) {
            assertThat(ImportPlan.cancelled(s)).as(s).isTrue();
        }
        for (String s : List.of("Attending", "Checked In", "", "Confirmed")) assertThat(ImportPlan.cancelled(s)).as(s).isFalse();
    }
}
