package app.cairn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.live.Wakeups;
import app.cairn.store.Database;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class WakeupMessagesTest {

    @Test
    void a_message_survives_the_channel_and_anything_else_on_it_is_ignored() {
        var m = new Wakeups.Message("a1b2c3", 42, 1_234);
        assertThat(Wakeups.Message.decode(m.encode())).contains(m);
        assertThat(Wakeups.Message.decode("a1b2c3 42")).isEmpty();
        assertThat(Wakeups.Message.decode("a1b2c3 forty-two 1")).isEmpty();
        assertThat(Wakeups.Message.decode(null)).isEmpty();
        assertThat(Wakeups.Message.decode(" 1 2")).isEmpty();
    }

    @Test
    void channels_are_per_schema_and_always_a_plain_identifier() {
        assertThat(PostgresWakeups.channelFor("public")).isEqualTo("cairn_log_public");
        assertThat(PostgresWakeups.channelFor("Cairn-Prod; DROP")).isEqualTo("cairn_log_cairn_prod__drop");
        assertThat(PostgresWakeups.channelFor("x".repeat(100))).hasSize(63);
    }

    @Test
    void only_a_lost_connection_counts_as_the_database_being_unreachable() {
        assertThat(Database.unreachable(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(Database.unreachable(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(Database.unreachable(new IllegalStateException(new ConnectException("refused")))).isTrue();
        assertThat(Database.unreachable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Database.unreachable(new IllegalArgumentException("bad"))).isFalse();
    }
}
