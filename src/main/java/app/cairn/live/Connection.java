package app.cairn.live;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * One open event stream, written with Jetty's non-blocking core API: messages queue here and go
 * out one write at a time as the socket takes them, so a slow phone never holds up anyone else.
 * A client that falls too far behind has its queue dropped and later gets one catch-up from the
 * last message that went out.
 */
final class Connection {
    private static final int MAX_QUEUED_BYTES = 256 * 1024;

    final long eventId;
    final Audience audience;
    final Long participantId;
    private final Response response;
    private final Callback done;
    private final Runnable onClose;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private int queuedBytes;
    private volatile boolean closed;
    private volatile long lastWrittenSeq;
    private final Flusher flusher = new Flusher();

    /** The last sequence number queued to this client; a catch-up starts after it. */
    volatile long sentSeq;

    private record Message(byte[] bytes, long seq) {}

    Connection(long eventId, Audience audience, Long participantId, long after, Response response, Callback done,
            Runnable onClose) {
        this.eventId = eventId;
        this.audience = audience;
        this.participantId = participantId;
        this.sentSeq = after;
        this.lastWrittenSeq = after;
        this.response = response;
        this.done = done;
        this.onClose = onClose;
    }

    boolean closed() {
        return closed;
    }

    /** Queues a message carrying everything up to {@code seq} (0 for a heartbeat) and starts writing if idle. */
    void offer(byte[] bytes, long seq) {
        if (closed) return;
        synchronized (this) {
            if (queuedBytes + bytes.length > MAX_QUEUED_BYTES && seq > 0) {
                // Too far behind: forget what is queued; the hub sends one catch-up from the last seq that went out.
                queue.removeIf(m -> m.seq() > 0);
                queuedBytes = queue.stream().mapToInt(m -> m.bytes().length).sum();
                sentSeq = lastWrittenSeq;
                return;
            }
            if (seq > 0) sentSeq = seq;
            queue.add(new Message(bytes, seq));
            queuedBytes += bytes.length;
        }
        flusher.iterate();
    }

    /** Writes queued messages one after another; Jetty calls back when each has gone. */
    private final class Flusher extends IteratingCallback {
        private Message current;

        @Override
        protected Action process() {
            synchronized (Connection.this) {
                if (closed) return Action.SUCCEEDED;
                current = queue.poll();
                if (current == null) return Action.IDLE;
                queuedBytes -= current.bytes().length;
            }
            response.write(false, ByteBuffer.wrap(current.bytes()), this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onSuccess() {
            if (current != null && current.seq() > 0) lastWrittenSeq = current.seq();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            fail(cause);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    /** Ends the stream; the browser reconnects (to this node after a restart, or to another). */
    void close() {
        if (end()) done.succeeded();
    }

    /**
     * The client has gone (a write failed): the request fails, so Jetty closes the connection.
     * Ending it as a success would leave Jetty holding a socket the client had already closed,
     * one file descriptor for every person who ever left.
     */
    private void fail(Throwable cause) {
        if (end()) done.failed(cause);
    }

    private boolean end() {
        synchronized (this) {
            if (closed) return false;
            closed = true;
            queue.clear();
        }
        onClose.run();
        return true;
    }
}
