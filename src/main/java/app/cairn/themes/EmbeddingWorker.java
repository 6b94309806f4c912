package app.cairn.themes;

import app.cairn.live.LiveService;
import app.cairn.synthesis.Synthesiser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows events' logs and embeds what people say as it arrives, in batches, into the persistent
 * cache, so suggestions during the event only group and write up. Woken by the live feature each
 * time a log moves on; its progress per event is kept, so a restart does not embed twice.
 */
public final class EmbeddingWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);
    /** Texts embedded per batch before progress is saved. */
    static final int BATCH = 256;

    private final LiveService live;
    private final Synthesiser synthesiser;
    private final EmbeddingStore store;
    private final Set<Long> pending = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    EmbeddingWorker(LiveService live, Synthesiser synthesiser, EmbeddingStore store) {
        this.live = live;
        this.synthesiser = synthesiser;
        this.store = store;
        this.thread = new Thread(this::run, "cairn-embeddings");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    void start() {
        thread.start();
    }

    /** Notes that the event's log moved on; returns at once. */
    public void advanced(long eventId) {
        synchronized (pending) {
            pending.add(eventId);
            pending.notifyAll();
        }
    }

    /** Embeds everything said at the event since the worker last read it; returns the texts looked at. */
    int catchUp(long eventId) {
        long from = store.progress(eventId);
        LiveService.Transcript t = live.transcript(eventId);
        if (t.seq() <= from) return 0;
        List<String> texts = new ArrayList<>();
        for (LiveService.Said s : t.said()) if (s.seq() > from) texts.add(s.text());
        for (int i = 0; i < texts.size(); i += BATCH) {
            if (!running) return i;
            synthesiser.warm(texts.subList(i, Math.min(texts.size(), i + BATCH)));
        }
        store.saveProgress(eventId, t.seq());
        return texts.size();
    }

    private void run() {
        while (running) {
            Long next;
            synchronized (pending) {
                while (running && pending.isEmpty()) {
                    try {
                        pending.wait(1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (!running) return;
                next = pending.iterator().next();
                pending.remove(next);
            }
            try {
                catchUp(next);
            } catch (RuntimeException e) {
                log.warn("embedding the log failed event={} reason={}", next, e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (pending) {
            pending.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
