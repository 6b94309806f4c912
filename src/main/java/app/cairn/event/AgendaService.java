package app.cairn.event;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Changing an event's agenda: re-timing, reordering, adding, editing and removing segments, or
 * replacing the whole. Organisers and owners only; every change is checked as a whole agenda.
 */
public final class AgendaService {
    private static final int RETRIES = 3;

    private final EventStore store;
    private final EventService events;
    private final CommunityService communities;
    private final Clock clock;

    public AgendaService(Jdbi jdbi, EventService events, CommunityService communities, Clock clock) {
        this.store = new EventStore(jdbi);
        this.events = events;
        this.communities = communities;
        this.clock = clock;
    }

    /** Which way to move a segment in its agenda. */
    public enum Direction {
        UP,
        DOWN;

        public static Direction parse(String s) {
            if ("up".equalsIgnoreCase(s)) return UP;
            if ("down".equalsIgnoreCase(s)) return DOWN;
            throw Invalid.field("direction", "Say which way to move the segment: \"up\" or \"down\"");
        }
    }

    /** A segment just added, and the agenda it is now part of. */
    public record SegmentAdded(EventPlan plan, Segment segment) {}

    /** Replaces the whole agenda; segments and polls given with their ids keep them. */
    public EventPlan replaceAgenda(long accountId, long eventId, List<SegmentInput> segments, Integer expectedVersion) {
        List<Segment> checked = AgendaRules.checkAgenda(segments);
        return change(accountId, eventId, expectedVersion, current -> {
            Map<String, String> errors = new LinkedHashMap<>();
            for (int i = 0; i < checked.size(); i++) {
                Segment s = checked.get(i);
                if (s.id() != 0) {
                    Segment saved = find(current, s.id(), "segments[" + i + "].id", errors);
                    if (saved != null) checkPollIds(s, saved, "segments[" + i + "].", errors);
                }
            }
            AgendaRules.throwIfAny(errors);
            return checked;
        });
    }

    /** Adds a segment at {@code position} (0 is first), or at the end when it is null. */
    public SegmentAdded addSegment(long accountId, long eventId, SegmentInput input, Integer position) {
        Map<String, String> errors = new LinkedHashMap<>();
        Segment segment = AgendaRules.check(withoutIds(input), "", errors);
        AgendaRules.throwIfAny(errors);
        int[] at = new int[1];
        EventPlan plan = change(accountId, eventId, null, current -> {
            List<Segment> next = new ArrayList<>(current);
            at[0] = position == null ? next.size() : Math.max(0, Math.min(position, next.size()));
            next.add(at[0], segment);
            return next;
        });
        return new SegmentAdded(plan, plan.segments().get(at[0]));
    }

    /** Changes one segment: its title, kind, minutes, guidance, prompts and polls. */
    public EventPlan updateSegment(long accountId, long eventId, long segmentId, SegmentInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        Segment changed = AgendaRules.check(input, "", errors);
        AgendaRules.throwIfAny(errors);
        return change(accountId, eventId, null, current -> {
            Segment saved = find(current, segmentId, "segment", null);
            Segment withId = new Segment(segmentId, changed.kind(), changed.title(), changed.minutes(), changed.guidance(),
                    changed.prompts(), changed.polls());
            Map<String, String> idErrors = new LinkedHashMap<>();
            checkPollIds(withId, saved, "", idErrors);
            AgendaRules.throwIfAny(idErrors);
            return current.stream().map(s -> s.id() == segmentId ? withId : s).toList();
        });
    }

    public EventPlan removeSegment(long accountId, long eventId, long segmentId) {
        return change(accountId, eventId, null, current -> {
            find(current, segmentId, "segment", null);
            return current.stream().filter(s -> s.id() != segmentId).toList();
        });
    }

    /** Moves a segment one place earlier or later; at either end it stays where it is. */
    public EventPlan moveSegment(long accountId, long eventId, long segmentId, Direction direction) {
        return change(accountId, eventId, null, current -> {
            find(current, segmentId, "segment", null);
            List<Segment> next = new ArrayList<>(current);
            int i = indexOf(next, segmentId);
            int j = direction == Direction.UP ? i - 1 : i + 1;
            if (j >= 0 && j < next.size()) Collections.swap(next, i, j);
            return next;
        });
    }

    /**
     * Re-times several segments at once (the agenda page's minutes boxes), keyed by segment id.
     * Errors are keyed {@code minutes-<id>}, the ids of the boxes on the page.
     */
    public EventPlan retime(long accountId, long eventId, Map<Long, String> minutes) {
        return change(accountId, eventId, null, current -> {
            Map<String, String> errors = new LinkedHashMap<>();
            List<Segment> next = new ArrayList<>();
            for (Segment s : current) {
                String typed = minutes.get(s.id());
                if (typed == null) {
                    next.add(s);
                    continue;
                }
                Integer m = AgendaRules.minutes(typed, "minutes-" + s.id(), errors);
                next.add(m == null ? s : s.withMinutes(m));
            }
            AgendaRules.throwIfAny(errors);
            return next;
        });
    }

    /**
     * Applies an edit to the current agenda and saves it, in one transaction that claims the
     * event's next version; if someone else saved in between, the edit is applied again to what
     * they saved (or refused, when the caller named the version it edited).
     */
    private EventPlan change(long accountId, long eventId, Integer expectedVersion, UnaryOperator<List<Segment>> edit) {
        requireOrganiser(accountId, eventId);
        for (int attempt = 1; ; attempt++) {
            boolean saved = store.jdbi().inTransaction(h -> {
                Event event = store.event(h, eventId).orElseThrow(EventService::noSuchEvent);
                if (expectedVersion != null && expectedVersion != event.version()) throw EventService.changedMeanwhile();
                List<Segment> next = edit.apply(store.segments(h, eventId));
                Map<String, String> errors = new LinkedHashMap<>();
                AgendaRules.checkShape(next, errors);
                AgendaRules.throwIfAny(errors);
                if (!store.bumpVersion(h, eventId, event.version(), clock.instant())) return false;
                store.saveAgenda(h, eventId, next);
                return true;
            });
            if (saved) return events.get(accountId, eventId);
            if (expectedVersion != null || attempt >= RETRIES) throw EventService.changedMeanwhile();
        }
    }

    private static Segment find(List<Segment> segments, long id, String field, Map<String, String> errors) {
        for (Segment s : segments) {
            if (s.id() == id) return s;
        }
        if (errors == null) throw new NotFound("There is no such segment in this agenda. Someone may have removed it.");
        errors.put(field, "There is no segment " + id + " in this agenda. Leave the id out to add a new segment");
        return null;
    }

    private static void checkPollIds(Segment changed, Segment saved, String prefix, Map<String, String> errors) {
        Set<Long> known = saved.polls().stream().map(Poll::id).collect(Collectors.toSet());
        for (int i = 0; i < changed.polls().size(); i++) {
            long id = changed.polls().get(i).id();
            if (id != 0 && !known.contains(id)) {
                errors.put(prefix + "polls[" + i + "].id",
                        "There is no poll " + id + " in this segment. Leave the id out to add a new poll");
            }
        }
    }

    private static SegmentInput withoutIds(SegmentInput in) {
        return new SegmentInput(null, in.kind(), in.title(), in.minutes(), in.guidance(), in.prompts(),
                in.polls().stream().map(p -> new SegmentInput.PollInput(null, p.question(), p.kind(), p.options())).toList());
    }

    private static int indexOf(List<Segment> segments, long id) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).id() == id) return i;
        }
        return -1;
    }

    private void requireOrganiser(long accountId, long eventId) {
        Event event = store.byId(eventId).orElseThrow(EventService::noSuchEvent);
        communities.requireRole(accountId, event.communityId(), Role.ORGANISER);
    }
}
