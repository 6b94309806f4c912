package app.cairn.rooms;

import app.cairn.event.EventService;
import app.cairn.event.EventSummary;
import app.cairn.live.LiveService;
import app.cairn.live.Participant;
import app.cairn.live.RoomsState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who shared a breakout room at a community's earlier conversations, read from those events'
 * logs. The same person at two events is matched by email, or by name and organisation when a
 * walk-in gave no email.
 */
public final class SeriesHistory implements RoomsService.History {
    private final EventService events;
    private final LiveService live;

    public SeriesHistory(EventService events, LiveService live) {
        this.events = events;
        this.live = live;
    }

    @Override
    public Set<RoomAssigner.Pair> metBefore(long eventId, List<Participant> people) {
        var plan = events.find(eventId).orElseThrow();
        Instant start = plan.event().start().toInstant();
        Map<String, Long> now = new HashMap<>();
        for (Participant p : people) now.putIfAbsent(key(p), p.id());
        Set<RoomAssigner.Pair> met = new HashSet<>();
        for (EventSummary earlier : events.inCommunity(plan.event().communityId())) {
            long id = earlier.event().id();
            if (id == eventId || !earlier.event().start().toInstant().isBefore(start)) continue;
            Map<Long, Long> then = new HashMap<>();
            for (Participant p : live.participants(id)) {
                Long current = now.get(key(p));
                if (current != null) then.put(p.id(), current);
            }
            if (then.size() < 2) continue;
            live.state(id).read(s -> {
                for (RoomsState.Round round : s.rooms().rounds()) {
                    for (RoomsState.Room room : round.rooms()) {
                        List<Long> here = room.members().stream().map(then::get).filter(java.util.Objects::nonNull).toList();
                        for (int i = 0; i < here.size(); i++) {
                            for (int j = i + 1; j < here.size(); j++) met.add(RoomAssigner.Pair.of(here.get(i), here.get(j)));
                        }
                    }
                }
                return null;
            });
        }
        return met;
    }

    static String key(Participant p) {
        if (p.email() != null && !p.email().isBlank()) return "e:" + p.email().strip().toLowerCase(Locale.ROOT);
        return "n:" + p.name().strip().toLowerCase(Locale.ROOT) + "|" + (p.organisation() == null ? ""
                : p.organisation().strip().toLowerCase(Locale.ROOT));
    }
}
