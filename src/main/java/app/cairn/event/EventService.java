package app.cairn.event;

import app.cairn.common.Conflict;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.CommunityService;
import app.cairn.community.Membership;
import app.cairn.community.Role;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Planning conversations: events made from templates, their details and their agendas. Anyone on
 * a community's team may look; only organisers and owners may change anything.
 */
public final class EventService {
    private static final Logger log = LoggerFactory.getLogger(EventService.class);
    private static final int RETRIES = 3;

    private final EventStore store;
    private final CommunityService communities;
    private final TemplateService templates;
    private final Clock clock;

    public EventService(Jdbi jdbi, CommunityService communities, TemplateService templates, Clock clock) {
        this.store = new EventStore(jdbi);
        this.communities = communities;
        this.templates = templates;
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

    // ---- reading

    /** A community's events, earliest first, for anyone on its team. */
    public List<EventSummary> list(long accountId, long communityId) {
        communities.requireRole(accountId, communityId, Role.FACILITATOR);
        return store.byCommunity(communityId);
    }

    /** Events yet to end in every community the person is on the team of, soonest first. */
    public List<EventSummary> upcomingFor(long accountId) {
        Set<Long> ids = communities.membershipsOf(accountId).stream()
                .map(m -> m.community().id())
                .collect(Collectors.toSet());
        return store.upcomingIn(ids, clock.instant());
    }

    /** An event and its agenda, for anyone on its community's team. */
    public EventPlan get(long accountId, long eventId) {
        Event event = event(eventId);
        communities.requireRole(accountId, event.communityId(), Role.FACILITATOR);
        return new EventPlan(event, store.segments(eventId));
    }

    /** The person's role in the event's community (they must be on its team). */
    public Role roleIn(long accountId, Event event) {
        return communities.requireRole(accountId, event.communityId(), Role.FACILITATOR);
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- events

    /** Plans a new conversation from a template: its agenda starts as a copy of the template's. */
    public EventPlan create(long accountId, long communityId, String templateId, EventInput input) {
        communities.requireRole(accountId, communityId, Role.ORGANISER);
        if (templateId == null || templateId.isBlank()) throw Invalid.field("template", "Choose a template to start from");
        Template template = templates.find(communityId, templateId);
        EventDetails details = EventDetails.check(input);
        return insert(accountId, communityId, details, template.name(), template.segments());
    }

    /** Plans another conversation like this one: same agenda and hosts, with the details given. */
    public EventPlan duplicate(long accountId, long eventId, EventInput input) {
        EventPlan source = get(accountId, eventId);
        communities.requireRole(accountId, source.event().communityId(), Role.ORGANISER);
        EventDetails details = EventDetails.check(input);
        EventPlan copy = insert(accountId, source.event().communityId(), details, source.event().templateName(),
                source.segments());
        log.info("event cloned from={} to={}", eventId, copy.event().id());
        return copy;
    }

    private EventPlan insert(long accountId, long communityId, EventDetails details, String templateName,
            List<Segment> segments) {
        List<Segment> copies = segments.stream().map(Segment::unsaved).toList();
        Instant now = clock.instant();
        long id = store.jdbi().inTransaction(h -> {
            String base = slugify(details.title());
            String slug = base;
            for (int n = 2; store.slugTaken(h, communityId, slug); n++) slug = base + "-" + n;
            long newId = store.insert(h, communityId, slug, details, templateName, accountId, now);
            store.saveAgenda(h, newId, copies);
            return newId;
        });
        log.info("event created id={} community={}", id, communityId);
        return get(accountId, id);
    }

    /**
     * Changes an event's details. With {@code expectedVersion}, refuses if someone changed the
     * event since that version was read.
     */
    public EventPlan update(long accountId, long eventId, EventInput input, Integer expectedVersion) {
        Event event = requireOrganiser(accountId, eventId);
        EventDetails details = EventDetails.check(input);
        store.jdbi().useTransaction(h -> {
            int version = expectedVersion != null ? expectedVersion : store.event(h, eventId).orElseThrow().version();
            if (!store.bumpVersion(h, event.id(), version, clock.instant())) throw changedMeanwhile();
            store.updateDetails(h, eventId, details, clock.instant());
        });
        return get(accountId, eventId);
    }

    /** Marks the event cancelled. It stays, with everything in it, and {@link #restore} undoes this. */
    public EventPlan cancel(long accountId, long eventId) {
        return setCancelled(accountId, eventId, true);
    }

    public EventPlan restore(long accountId, long eventId) {
        return setCancelled(accountId, eventId, false);
    }

    private EventPlan setCancelled(long accountId, long eventId, boolean cancelled) {
        Event event = requireOrganiser(accountId, eventId);
        if (event.cancelled() != cancelled) {
            Instant now = clock.instant();
            store.jdbi().useTransaction(h -> {
                store.bumpVersion(h, eventId, store.event(h, eventId).orElseThrow().version(), now);
                store.setCancelled(h, eventId, cancelled ? now : null);
            });
            log.info("event {} id={}", cancelled ? "cancelled" : "restored", eventId);
        }
        return get(accountId, eventId);
    }

    /** Saves a copy of the event's agenda as one of its community's templates. */
    public Template saveAsTemplate(long accountId, long eventId, String name, String description) {
        EventPlan plan = get(accountId, eventId);
        return templates.save(accountId, plan.event().communityId(), name, description, plan.segments());
    }

    // ---- agendas

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
            if (j >= 0 && j < next.size()) java.util.Collections.swap(next, i, j);
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
                if (expectedVersion != null && expectedVersion != event.version()) throw changedMeanwhile();
                List<Segment> next = edit.apply(store.segments(h, eventId));
                Map<String, String> errors = new LinkedHashMap<>();
                AgendaRules.checkShape(next, errors);
                AgendaRules.throwIfAny(errors);
                if (!store.bumpVersion(h, eventId, event.version(), clock.instant())) return false;
                store.saveAgenda(h, eventId, next);
                return true;
            });
            if (saved) return get(accountId, eventId);
            if (expectedVersion != null || attempt >= RETRIES) throw changedMeanwhile();
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

    private Event event(long eventId) {
        return store.byId(eventId).orElseThrow(EventService::noSuchEvent);
    }

    private Event requireOrganiser(long accountId, long eventId) {
        Event event = event(eventId);
        communities.requireRole(accountId, event.communityId(), Role.ORGANISER);
        return event;
    }

    private static NotFound noSuchEvent() {
        return new NotFound("There is no such conversation.");
    }

    private static Conflict changedMeanwhile() {
        return new Conflict("Someone else changed this conversation since you opened it. "
                + "Look at it again, then make your change.");
    }

    /** "Leading with compassion: a conversation" becomes "leading-with-compassion-a-conversation". */
    static String slugify(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-$", "");
        return slug.isEmpty() ? "conversation" : slug;
    }

    /** Memberships, for pages listing events across communities. */
    public List<Membership> memberships(long accountId) {
        return communities.membershipsOf(accountId);
    }
}
