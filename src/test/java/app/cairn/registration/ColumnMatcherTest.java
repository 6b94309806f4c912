package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMatcherTest {
    static final Question HEARD = new Question(7, 1, 1, QuestionKind.SINGLE_CHOICE, "How did you hear about this conversation?",
            "", false, List.of("Colleague", "Newsletter"));

    @Test
    void an_eventbrite_attendee_export_is_read_by_its_headers() {
        List<String> headers = List.of("Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type",
                "Attendee #", "Attendee Status", "Job Title", "Company", "Currency", "Total Paid");
        assertThat(ColumnMatcher.match(headers, List.of())).containsExactly("", "", "first_name", "last_name", "email", "",
                "", "", "status", "role", "organisation", "", "");
    }

    @Test
    void a_microsoft_forms_export_prefers_the_questions_to_the_respondents_account() {
        List<String> headers = List.of("ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
                "Your full name", "Your email address", "Job title / role", "Which organisation do you work for?",
                "Which sector do you work in?", "If this event could answer one question, what would it be?",
                "Do you have any access requirements?");
        assertThat(ColumnMatcher.match(headers, List.of())).containsExactly("", "", "", "", "", "", "name", "email", "role",
                "organisation", "sector", "one_question", "access_needs");
    }

    @Test
    void a_google_forms_export_and_the_events_own_questions_are_matched() {
        List<String> headers = List.of("Timestamp", "Email address", "Name", "Organisation", "Role",
                "How did you hear about this conversation?");
        assertThat(ColumnMatcher.match(headers, List.of(HEARD)))
                .containsExactly("", "email", "name", "organisation", "role", "q7");
    }

    @Test
    void any_sheet_with_plain_headers_works_and_unknown_columns_are_left_out() {
        List<String> headers = List.of("E-mail", "Full name", "Employer", "Position", "Dietary requirements", "Notes",
                "Organisation name", "Surname");
        List<String> mapping = ColumnMatcher.match(headers, List.of());
        assertThat(mapping.get(0)).isEqualTo("email");
        assertThat(mapping.get(1)).isEqualTo("name");
        assertThat(mapping.get(3)).isEqualTo("role");
        assertThat(mapping.get(5)).isEmpty();
        // Each field goes to one column only: "Organisation name" beats "Employer".
        assertThat(mapping.stream().filter(m -> m.equals("organisation"))).hasSize(1);
        assertThat(mapping.get(6)).isEqualTo("organisation");
        assertThat(mapping.get(7)).isEqualTo("last_name");
    }

    @Test
    void a_full_name_gives_way_to_first_and_last_names_only_when_both_are_there() {
        assertThat(ColumnMatcher.match(List.of("Name", "First name", "Surname", "Email"), List.of()))
                .containsExactly("", "first_name", "last_name", "email");
        assertThat(ColumnMatcher.match(List.of("Name", "Surname", "Email"), List.of()))
                .containsExactly("name", "last_name", "email");
    }
}
