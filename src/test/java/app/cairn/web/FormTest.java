package app.cairn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormTest {

    @Test
    void over_long_text_gets_a_message_naming_the_limit() {
        Form form = Form.filled(Map.of("title", "x".repeat(201)));
        form.text("title", "Title", 200, "Enter a title");
        assertThat(form.errorFor("title")).isEqualTo("Title must be 200 characters or fewer");
    }

    @Test
    void a_missing_required_field_gets_its_own_message_and_errors_keep_field_order() {
        Form form = Form.filled(Map.of("email", "not-an-email"));
        form.text("name", "Name", 100, "Enter your name");
        form.email("email", "Email", "Enter your email");
        assertThat(form.errors()).extracting(Map.Entry::getKey).containsExactly("name", "email");
        assertThat(form.errorFor("email")).startsWith("Enter an email address in the correct format");
    }

    @Test
    void numbers_outside_the_range_or_not_numbers_are_explained() {
        Form form = Form.filled(Map.of("capacity", "lots", "minutes", "0"));
        form.integer("capacity", "Capacity", 1, 100_000, null);
        form.integer("minutes", "Minutes", 1, 600, "Enter the minutes");
        assertThat(form.errorFor("capacity")).isEqualTo("Capacity must be a whole number, like 1");
        assertThat(form.errorFor("minutes")).isEqualTo("Minutes must be between 1 and 600");
    }

    @Test
    void text_in_other_scripts_counts_characters_not_bytes() {
        Form form = Form.filled(Map.of("name", "Ceòl 😀".repeat(20)));
        form.text("name", "Name", 120, null);
        assertThat(form.valid()).isTrue();
    }
}
