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
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Planning conversations: events made from templates, their details, cloning and cancelling
 * ({@link AgendaService} changes their agendas). Anyone on a community's team may look; only
 * organisers and owners may change anything.
 */
public final class EventService {
    private static final Logger log = LoggerFactory.getLogger(EventService.class);

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

    /**
     * An event and its agenda with no permission check, for features that serve people outside
     * the team (participants joining live, the public event page). Callers check their own access.
     */
    public Optional<EventPlan> find(long eventId) {
        return store.byId(eventId).map(e -> new EventPlan(e, store.segments(eventId)));
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

    private Event event(long eventId) {
        return store.byId(eventId).orElseThrow(EventService::noSuchEvent);
    }

    private Event requireOrganiser(long accountId, long eventId) {
        Event event = event(eventId);
        communities.requireRole(accountId, event.communityId(), Role.ORGANISER);
        return event;
    }

    static NotFound noSuchEvent() {
        return new NotFound("There is no such conversation.");
    }

    static Conflict changedMeanwhile() {
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

    /** An event by its web address in a community, with no permission check (the public event page). */
    public Optional<EventPlan> findBySlug(long communityId, String slug) {
        return store.byCommunity(communityId).stream()
                .filter(s -> s.event().slug().equals(slug))
                .findFirst()
                .flatMap(s -> find(s.event().id()));
    }

    /** A community's events with no permission check, earliest first (series reports and background jobs). */
    public List<EventSummary> inCommunity(long communityId) {
        return store.byCommunity(communityId);
    }
}
