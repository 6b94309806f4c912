package app.cairn.live;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * How nodes that share one database wake each other when an event's log moves on. The log in
 * the database is the truth; a wake-up only says "event E advanced to sequence N", so a lost
 * wake-up costs time, never data: after reconnecting, a transport asks for a resync and every
 * node reads forward from the log.
 */
public interface Wakeups extends AutoCloseable {

    /** Called inside the transaction that appended to an event, once per batch and event. */
    default void inTransaction(Handle h, long eventId, long seq) {}

    /** Called after that transaction committed. */
    default void committed(long eventId, long seq) {}

    /** Starts listening for other nodes; {@code listener} is called from the transport's own thread. */
    void start(Listener listener);

    /** Why this node may be missing other nodes' wake-ups right now, if it may. */
    default Optional<String> problem() {
        return Optional.empty();
    }

    /** The transport's name for /health: none, postgres or redis. */
    String transport();

    @Override
    default void close() {}

    /** What a node does when woken. */
    interface Listener {
        /** Another node appended to {@code eventId} up to {@code seq}. */
        void advanced(long eventId, long seq);

        /** Wake-ups may have been missed (a reconnect): read every followed event forward from the log. */
        void resync();
    }

    /** One node alone: nothing to tell, nobody to hear. */
    static Wakeups none() {
        return new Wakeups() {
            @Override
            public void start(Listener listener) {}

            @Override
            public String transport() {
                return "none";
            }
        };
    }

    /** The "node event seq" text a transport carries; node ids let a node ignore its own wake-ups. */
    record Message(String node, long eventId, long seq) {
        public String encode() {
            return node + " " + eventId + " " + seq;
        }

        /** Parses a message, or empty for anything else on the channel. */
        public static Optional<Message> decode(String text) {
            if (text == null) return Optional.empty();
            String[] parts = text.trim().split(" ");
            if (parts.length != 3 || parts[0].isEmpty()) return Optional.empty();
            try {
                return Optional.of(new Message(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
