package app.cairn.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * One open event stream, written without blocking: messages queue here and go out as the
 * socket takes them, so a slow phone never holds up anyone else. A client that falls too far
 * behind has its queue dropped and is later sent one catch-up from the last message it got.
 */
final class Connection implements WriteListener {
    private static final int MAX_QUEUED_BYTES = 256 * 1024;

    final long eventId;
    final Audience audience;
    final Long participantId;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private int queuedBytes;
    private volatile boolean closed;
    private final Runnable onClose;

    /** The last sequence number queued to this client; a catch-up starts after it. */
    volatile long sentSeq;

    private record Message(byte[] bytes, long seq) {}

    Connection(long eventId, Audience audience, Long participantId, long after, AsyncContext async, Runnable onClose)
            throws IOException {
        this.eventId = eventId;
        this.audience = audience;
        this.participantId = participantId;
        this.sentSeq = after;
        this.async = async;
        this.out = async.getResponse().getOutputStream();
        this.onClose = onClose;
    }

    void start() {
        out.setWriteListener(this);
    }

    boolean closed() {
        return closed;
    }

    /** Queues a message carrying everything up to {@code seq} (0 for a heartbeat) and writes what the socket will take. */
    void offer(byte[] bytes, long seq) {
        if (closed) return;
        synchronized (this) {
            if (queuedBytes + bytes.length > MAX_QUEUED_BYTES && seq > 0) {
                // Too far behind: forget the queue; the hub sends one catch-up after the last seq that went out.
                queue.removeIf(m -> {
                    if (m.seq() > 0) {
                        queuedBytes -= m.bytes().length;
                        return true;
                    }
                    return false;
                });
                sentSeq = lastWrittenSeq;
                return;
            }
            queue.add(new Message(bytes, seq));
            queuedBytes += bytes.length;
            if (seq > 0) sentSeq = seq;
        }
        drain();
    }

    private long lastWrittenSeq;
    private boolean needFlush;

    /** Writes queued messages while the socket is ready; the container calls back when it is ready again. */
    private void drain() {
        synchronized (this) {
            try {
                while (!closed && out.isReady()) {
                    if (needFlush) {
                        needFlush = false;
                        out.flush();
                        continue;
                    }
                    Message m = queue.poll();
                    if (m == null) return;
                    queuedBytes -= m.bytes().length;
                    out.write(m.bytes());
                    if (m.seq() > 0) lastWrittenSeq = m.seq();
                    needFlush = true;
                }
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable t) {
        close();
    }

    void close() {
        if (closed) return;
        closed = true;
        try {
            async.complete();
        } catch (RuntimeException ignored) {
            // Already completed by the container after an error.
        }
        onClose.run();
    }
}
