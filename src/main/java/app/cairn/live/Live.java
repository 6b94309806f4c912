package app.cairn.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Jdbi;

/** The live feature wired together: the sequencer, this node's stream hub, the service and its views. */
public final class Live implements AutoCloseable {
    private final Sequencer sequencer;
    private final StreamHub hub;
    private final LiveService service;
    private final LiveViews views;
    private final ParticipantStore participants;
    private final java.util.List<java.util.function.LongConsumer> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Wakeups wakeups;

    public Live(Jdbi jdbi, Clock clock, ObjectMapper json, LivePlan.Plans plans, LongFunction<String> organiserNames,
            app.cairn.mail.Mailer mailer) {
        this(jdbi, clock, json, plans, organiserNames, mailer, Wakeups.none());
    }

    public Live(Jdbi jdbi, Clock clock, ObjectMapper json, LivePlan.Plans plans, LongFunction<String> organiserNames,
            app.cairn.mail.Mailer mailer, Wakeups wakeups) {
        this.wakeups = wakeups;
        this.participants = new ParticipantStore(jdbi);
        StreamHub[] hubRef = new StreamHub[1];
        this.sequencer = new Sequencer(new EventLogStore(jdbi), clock, eventId -> {
            if (hubRef[0] != null) hubRef[0].advanced(eventId);
            for (java.util.function.LongConsumer l : listeners) l.accept(eventId);
        }, wakeups);
        var people = new java.util.concurrent.ConcurrentHashMap<Long, Participant>();
        LongFunction<Participant> lookup = id -> people.computeIfAbsent(id, k -> participants.byId(k).orElse(null));
        var names = new java.util.concurrent.ConcurrentHashMap<Long, String>();
        this.views = new LiveViews(lookup, id -> names.computeIfAbsent(id, organiserNames::apply));
        this.hub = new StreamHub(sequencer, views, json);
        hubRef[0] = hub;
        this.service = new LiveService(sequencer, participants, plans, clock, mailer);
    }

    public LiveService service() {
        return service;
    }

    public LiveViews views() {
        return views;
    }

    public StreamHub hub() {
        return hub;
    }

    /** The Jetty handler serving {@code /stream/*} in front of the web app. */
    public StreamHandler streamHandler(StaffGate staff) {
        StreamHandler handler = new StreamHandler(service, hub);
        handler.staffGate(staff);
        return handler;
    }

    /**
     * Calls {@code listener} with an event's id each time its log moves on (on the sequencer's thread:
     * the listener must only note it and return).
     */
    public void onAdvance(java.util.function.LongConsumer listener) {
        listeners.add(listener);
    }

    /** Tells this node that another node appended to an event (from the cross-node bus). */
    public void remoteAdvance(long eventId) {
        sequencer.catchUp(eventId);
    }

    /** Starts hearing other nodes' wake-ups. */
    public void listen() {
        wakeups.start(new Wakeups.Listener() {
            @Override
            public void advanced(long eventId, long seq) {
                sequencer.woken(eventId, seq);
            }

            @Override
            public void resync() {
                sequencer.catchUpAll();
            }
        });
    }

    public Wakeups wakeups() {
        return wakeups;
    }

    @Override
    public void close() {
        hub.close();
        wakeups.close();
        sequencer.close();
    }
}
