package app.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaults_need_no_environment() {
        Settings s = Settings.fromEnvironment(Map.of());
        assertThat(s.port()).isEqualTo(7070);
        assertThat(s.dataDir()).isEqualTo(Path.of("data"));
        assertThat(s.databaseUrl()).isEmpty();
        assertThat(s.link("/x")).isEqualTo("http://localhost:7070/x");
        assertThat(s.mail().smtpConfigured()).isFalse();
        assertThat(s.secureCookies()).isFalse();
    }

    @Test
    void environment_variables_are_read_and_the_port_option_moves_the_default_base_url() {
        Settings s = Settings.fromEnvironment(Map.of("CAIRN_PORT", "8080", "CAIRN_SMTP_HOST", "smtp.example.org"));
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.mail().smtpConfigured()).isTrue();
        assertThat(s.withPort(9000).link("/")).isEqualTo("http://localhost:9000/");
    }

    @Test
    void an_https_base_url_makes_cookies_secure_and_is_kept_when_the_port_changes() {
        Settings s = Settings.fromEnvironment(Map.of("CAIRN_BASE_URL", "https://cairn.example.org/"));
        assertThat(s.secureCookies()).isTrue();
        assertThat(s.withPort(9000).link("/reset/abc")).isEqualTo("https://cairn.example.org/reset/abc");
    }

    @Test
    void bad_values_say_what_to_fix() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("CAIRN_PORT", "eighty")))
                .hasMessageContaining("CAIRN_PORT must be a whole number");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("CAIRN_BASE_URL", "cairn")))
                .hasMessageContaining("CAIRN_BASE_URL must be an absolute URL");
    }

    @Test
    void wake_ups_default_to_auto_and_bad_transports_say_what_to_set() {
        assertThat(Settings.fromEnvironment(Map.of()).cluster().wakeups()).isEqualTo("auto");
        assertThat(Settings.fromEnvironment(Map.of("CAIRN_WAKEUPS", "Redis", "CAIRN_REDIS_URL", "redis://10.0.0.5:6379"))
                .cluster().redisUrl()).contains("redis://10.0.0.5:6379");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("CAIRN_WAKEUPS", "kafka")))
                .hasMessageContaining("CAIRN_WAKEUPS must be postgres, redis or none");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("CAIRN_WAKEUPS", "redis")))
                .hasMessageContaining("needs CAIRN_REDIS_URL");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("CAIRN_REDIS_URL", "10.0.0.5:6379")))
                .hasMessageContaining("must start with redis://");
    }
}
