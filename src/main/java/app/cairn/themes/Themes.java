package app.cairn.themes;

import app.cairn.community.CommunityService;
import app.cairn.live.LiveService;
import app.cairn.registration.RegistrationService;
import app.cairn.synthesis.Embeddings;
import app.cairn.synthesis.Synthesiser;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The themes feature wired together: one synthesiser (the model loads on first use) over the
 * persistent embedding cache, the worker that fills the cache as people speak, and the service.
 */
public final class Themes implements AutoCloseable {
    private final ThemeService service;
    private final EmbeddingWorker worker;

    public Themes(Jdbi jdbi, LiveService live, RegistrationService registrations, CommunityService communities,
            Clock clock) {
        Synthesiser[] ref = new Synthesiser[1];
        EmbeddingStore cache = new EmbeddingStore(jdbi, () -> ref[0].embeddings().modelId(), clock);
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        Synthesiser synthesiser = new Synthesiser(Embeddings.miniLm(cache, threads));
        ref[0] = synthesiser;
        this.service = new ThemeService(live, registrations, communities, new CurationStore(jdbi), synthesiser, clock);
        this.worker = new EmbeddingWorker(live, synthesiser, cache);
    }

    public ThemeService service() {
        return service;
    }

    /** Called with an event's id whenever its log moves on. */
    public EmbeddingWorker worker() {
        return worker;
    }

    public Themes start() {
        worker.start();
        return this;
    }

    @Override
    public void close() {
        worker.close();
    }
}
