package app.cairn.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailsTest {
    static final Account AILEEN = new Account(1, "aileen@example.org", "Aileen Grant", false, Instant.EPOCH);

    @Test
    void the_reset_email_greets_gives_the_link_says_how_long_it_works_and_what_to_do_if_not_asked() {
        String text = Emails.resetLink(AILEEN, "https://cairn.example.org/reset/abc");

        assertThat(text).startsWith("Hello Aileen Grant,")
                .contains("aileen@example.org")
                .contains("\nhttps://cairn.example.org/reset/abc\n")
                .contains("works once, within the next hour")
                .contains("If you did not ask for this, you do not need to do anything")
                .doesNotContain("%s");
    }

    @Test
    void the_changed_email_says_when_in_uk_time_and_how_to_take_the_account_back() {
        String text = Emails.passwordChanged(AILEEN, Instant.parse("2026-07-01T09:30:00Z"),
                "https://cairn.example.org/forgot-password");

        assertThat(text).contains("was changed on 1 July 2026 at 10:30 (UK time)")
                .contains("If you did not, someone else may know your password")
                .contains("https://cairn.example.org/forgot-password");
    }

    @Test
    void times_read_in_uk_time_and_say_never_when_there_is_none() {
        assertThat(Times.format(Instant.parse("2026-11-27T10:32:00Z"))).isEqualTo("27 November 2026 at 10:32");
        assertThat(Times.format(null, "Not used yet")).isEqualTo("Not used yet");
        assertThat(Times.date(Instant.parse("2026-03-29T00:30:00Z"))).isEqualTo("29 March 2026");
    }
}
