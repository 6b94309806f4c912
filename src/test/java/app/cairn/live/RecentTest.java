package app.cairn.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentTest {

    @Test
    void a_value_is_read_once_within_its_time_and_again_after_it_or_when_forgotten() {
        MutableClock clock = MutableClock.startingNow();
        Recent<String, String> recent = new Recent<>(clock, Duration.ofSeconds(5), 100);
        AtomicInteger loads = new AtomicInteger();
        java.util.function.Function<String, Optional<String>> load = k -> Optional.of(k + loads.incrementAndGet());

        assertThat(recent.get("KX4", load)).contains("KX41");
        assertThat(recent.get("KX4", load)).contains("KX41");
        clock.advance(Duration.ofSeconds(6));
        assertThat(recent.get("KX4", load)).contains("KX42");
        recent.forget("KX4");
        assertThat(recent.get("KX4", load)).contains("KX43");
    }

    @Test
    void a_miss_is_not_kept_so_something_made_a_moment_later_is_found() {
        Recent<String, String> recent = new Recent<>(MutableClock.startingNow(), Duration.ofSeconds(5), 100);
        assertThat(recent.get("new", k -> Optional.empty())).isEmpty();
        assertThat(recent.get("new", k -> Optional.of("here"))).contains("here");
    }
}
