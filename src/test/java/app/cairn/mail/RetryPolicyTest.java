package app.cairn.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void the_wait_doubles_after_each_failed_try_up_to_the_cap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMinutes(1), Duration.ofMinutes(10));

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.delayAfter(500)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_message_may_be_tried_until_it_has_had_its_tries() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(policy.mayRetry(1)).isTrue();
        assertThat(policy.mayRetry(2)).isTrue();
        assertThat(policy.mayRetry(3)).isFalse();
    }

    @Test
    void the_default_keeps_trying_for_hours_but_not_for_ever() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        Duration total = Duration.ZERO;
        for (int attempt = 1; policy.mayRetry(attempt); attempt++) total = total.plus(policy.delayAfter(attempt));

        assertThat(total).isBetween(Duration.ofHours(2), Duration.ofHours(6));
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
