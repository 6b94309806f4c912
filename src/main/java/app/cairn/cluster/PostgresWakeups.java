package app.cairn.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wake-ups over PostgreSQL's LISTEN/NOTIFY. The NOTIFY is sent inside the append transaction, so
 * PostgreSQL delivers it exactly when the batch commits, once per batch and event, and never for
 * a batch that rolled back. Listening uses one dedicated autocommit connection outside the pool.
 */
public final class PostgresWakeups extends Transport {
    private static final long PING_MS = 10_000;
    private final String channel;
    private final Connections connections;
    private volatile Connection current;

    /** Opens the dedicated connection (outside the pool, with the pool's URL, user and schema). */
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** @param schema the schema Cairn's tables live in: nodes of one Cairn share a channel, other Cairns on the server do not */
    public PostgresWakeups(Connections connections, String schema) {
        super("cairn-wakeups-postgres");
        this.connections = connections;
        this.channel = channelFor(schema);
    }

    static String channelFor(String schema) {
        String safe = schema == null ? "" : schema.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name = "cairn_log_" + safe;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    @Override
    public void inTransaction(Handle h, long eventId, long seq) {
        // One statement text for every batch, the channel and payload bound: nothing to escape, and nothing
        // new for the driver or Jdbi to parse and cache each time.
        try (var s = h.getConnection().prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, channel);
            s.setString(2, new Message(node, eventId, seq).encode());
            s.execute();
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    @Override
    void listen(Runnable connected) throws Exception {
        try (Connection c = connections.open()) {
            current = c;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + channel);
            }
            connected.run();
            PGConnection pg = c.unwrap(PGConnection.class);
            long pinged = System.nanoTime();
            while (running()) {
                PGNotification[] notes = pg.getNotifications(500);
                if (notes != null) for (PGNotification n : notes) deliver(n.getParameter());
                if (System.nanoTime() - pinged > PING_MS * 1_000_000) {
                    // A quiet connection is not proof of a live one: ask.
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT 1");
                    }
                    pinged = System.nanoTime();
                }
            }
        } finally {
            current = null;
        }
    }

    @Override
    void interrupt() {
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Closing to stop; nothing to do.
            }
        }
    }

    @Override
    public String transport() {
        return "postgres";
    }
}
