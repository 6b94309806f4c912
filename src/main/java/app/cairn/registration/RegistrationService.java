package app.cairn.registration;

import app.cairn.common.Conflict;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.config.InstanceSettings;
import app.cairn.event.EventPlan;
import app.cairn.event.EventService;
import app.cairn.event.EventSummary;
import app.cairn.mail.Mail;
import app.cairn.mail.Mailer;
import app.cairn.registration.Registration.Status;
import app.cairn.registration.RegistrationRules.Strictness;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registering for events: the public form and API, personal links (join on the day, cancel),
 * capacity and the waiting list, and what organisers do with an event's registrations. Every
 * change to who has a place happens under a lock on the event's settings row.
 */
public final class RegistrationService {
    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final RegistrationStore store;
    private final EventService events;
    private final CommunityService communities;
    private final OrganisationService organisations;
    private final Mailer mailer;
    private final RegistrationTokens tokens;
    private final RegistrationEmails emails;
    private final Clock clock;

    public RegistrationService(Jdbi jdbi, EventService events, CommunityService communities,
            OrganisationService organisations, Mailer mailer, InstanceSettings settings, Function<String, String> link,
            String host, Clock clock) {
        this.store = new RegistrationStore(jdbi);
        this.events = events;
        this.communities = communities;
        this.organisations = organisations;
        this.mailer = mailer;
        this.tokens = RegistrationTokens.of(settings);
        this.emails = new RegistrationEmails(link, host);
        this.clock = clock;
    }

    RegistrationStore store() {
        return store;
    }

    public OrganisationService organisations() {
        return organisations;
    }

    // ---- the public page

    /** Whether people can register, and if not why. */
    public enum State { OPEN, FULL, CLOSED, CANCELLED, PAST }

    /** An event as the public sees it, with what its form asks. */
    public record PublicEvent(Community community, EventPlan plan, RegistrationSettings settings, List<Question> questions,
            int confirmed, int waiting, State state) {
        public Integer capacity() {
            return plan.event().capacity();
        }

        /** Places left, or null when there is no limit. */
        public Integer placesLeft() {
            return capacity() == null ? null : Math.max(0, capacity() - confirmed);
        }
    }

    public PublicEvent publicEvent(String communitySlug, String eventSlug) {
        Community community = communities.get(communitySlug);
        EventPlan plan = events.findBySlug(community.id(), eventSlug)
                .orElseThrow(() -> new NotFound("There is no such conversation."));
        return publicEvent(community, plan);
    }

    private PublicEvent publicEvent(Community community, EventPlan plan) {
        long eventId = plan.event().id();
        RegistrationSettings settings = store.settings(eventId);
        Map<Status, Integer> counts = store.counts(eventId);
        int confirmed = counts.get(Status.CONFIRMED);
        return new PublicEvent(community, plan, settings, store.questions(eventId), confirmed, counts.get(Status.WAITING),
                state(plan, settings, confirmed));
    }

    private State state(EventPlan plan, RegistrationSettings settings, int confirmed) {
        if (plan.event().cancelled()) return State.CANCELLED;
        if (new EventSummary(plan.event(), plan.totalMinutes()).pastAt(clock.instant())) return State.PAST;
        if (!settings.open()) return State.CLOSED;
        Integer capacity = plan.event().capacity();
        return capacity != null && confirmed >= capacity ? State.FULL : State.OPEN;
    }

    /** What happened to a registration, for the page and the email that follow. */
    public record Outcome(Registration registration, boolean updated, int waitingPosition, String token) {
        public boolean waiting() {
            return registration.status() == Status.WAITING;
        }
    }

    /** Registers a person from the public form or API. The same email again updates their registration. */
    public Outcome register(String communitySlug, String eventSlug, RegistrationInput input, String source) {
        PublicEvent pe = publicEvent(communitySlug, eventSlug);
        String consent = consentVersion(pe.community());
        Outcome outcome = save(pe.community(), pe.plan(), input, Strictness.PERSON, source, consent, true);
        notify(pe.community(), pe.plan(), outcome);
        return outcome;
    }

    /** The consent text people tick, as shown on the form; its version is kept with each registration. */
    public static String consentText(Community community) {
        return "I agree that " + community.name() + " keeps my details to run this conversation, to send me "
                + "its reminders, and to report, without my name, who took part.";
    }

    /** "privacy-" and a short hash of the consent text and the community's privacy notice as they were agreed to. */
    static String consentVersion(Community community) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (consentText(community) + "\n" + community.privacyNotice()).getBytes(StandardCharsets.UTF_8));
            return "privacy-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Outcome save(Community community, EventPlan plan, RegistrationInput input, Strictness strictness,
            String source, String consentVersion, boolean forPublic) {
        long eventId = plan.event().id();
        List<Question> questions = store.questions(eventId);
        String known = organisations.sectorOf(community.id(), input.organisation());
        RegistrationRules.Checked c = RegistrationRules.check(input, questions, strictness, known, community.name());
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            RegistrationSettings settings = store.settings(h, eventId, true);
            int confirmed = store.count(h, eventId, Status.CONFIRMED);
            if (forPublic) refuseIfClosed(state(plan, settings, confirmed));
            long personId = store.ensurePerson(h, community.id(), c.email(), c.emailKey(), c.name(), now);
            Optional<Registration> existing = store.byPerson(h, eventId, personId);
            Long orgId = organisations.resolve(h, community.id(), c.organisation(), c.sector());
            var details = new RegistrationStore.Details(c.name(), c.email(), c.role(), c.organisation(), orgId, c.sector(),
                    c.oneQuestion(), c.accessNeeds());
            Instant consentAt = consentVersion == null ? null : now;
            long id;
            boolean updated;
            if (existing.isPresent() && existing.get().status() != Status.CANCELLED) {
                id = existing.get().id();
                updated = true;
                store.updateDetails(h, id, details, consentVersion, consentAt, now);
            } else {
                Integer capacity = plan.event().capacity();
                Status status = capacity != null && confirmed >= capacity && !source.equals("import") ? Status.WAITING
                        : Status.CONFIRMED;
                if (existing.isPresent()) {
                    id = existing.get().id();
                    store.updateDetails(h, id, details, consentVersion, consentAt, now);
                    store.setStatus(h, id, status, now);
                } else {
                    id = store.insert(h, eventId, personId, details, status, source,
                            consentVersion == null ? "" : consentVersion, consentAt, RegistrationTokens.salt(), now);
                }
                updated = false;
            }
            store.saveAnswers(h, id, c.answers());
            Registration saved = store.byId(h, id).orElseThrow();
            int position = saved.status() == Status.WAITING ? store.waiting(h, eventId).indexOf(id) + 1 : 0;
            log.info("registration saved id={} event={} status={} updated={} source={}", id, eventId,
                    saved.status().code(), updated, source);
            return new Outcome(saved, updated, position, tokens.token(id, saved.tokenSalt()));
        });
    }

    private static void refuseIfClosed(State state) {
        switch (state) {
            case CANCELLED -> throw new Conflict("This conversation has been cancelled, so it is not taking registrations.");
            case PAST -> throw new Conflict("This conversation has already taken place, so it is not taking registrations.");
            case CLOSED -> throw new Conflict("Registration for this conversation is closed.");
            default -> { }
        }
    }

    private void notify(Community community, EventPlan plan, Outcome o) {
        var about = new RegistrationEmails.About(community, plan, o.registration(), o.token());
        mailer.send(o.waiting() ? emails.waiting(about, o.waitingPosition(), o.updated()) : emails.confirmation(about, o.updated()));
    }

    // ---- personal links

    /** Who a personal join link belongs to, for a confirmed registration only (the live feature resolves /j/{token} here). */
    public Optional<JoinTicket> ticket(String token) {
        return byToken(token)
                .filter(r -> r.status() == Status.CONFIRMED)
                .map(r -> new JoinTicket(r.id(), r.eventId(), r.name(), r.role(),
                        r.organisationName(), r.sector(), r.email()));
    }

    private Optional<Registration> byToken(String token) {
        return RegistrationTokens.idOf(token)
                .flatMap(store::byId)
                .filter(r -> tokens.matches(token, r.id(), r.tokenSalt()));
    }

    /** A registration found by its personal link, with its event as the public sees it. */
    public record Held(Registration registration, PublicEvent event) {}

    public Optional<Held> held(String token) {
        return byToken(token).flatMap(r -> events.find(r.eventId()).map(plan ->
                new Held(r, publicEvent(communities.get(plan.event().communityId()), plan))));
    }

    /** Cancels from the person's own link; the first on the waiting list gets the place and is told. */
    public Held cancel(String token) {
        Held held = held(token).orElseThrow(() -> new NotFound("This link is not valid. Check you copied all of it."));
        if (held.registration().status() != Status.CANCELLED) cancelAndPromote(held.event(), held.registration().id(), true);
        return held(token).orElseThrow();
    }

    private void cancelAndPromote(PublicEvent pe, long registrationId, boolean tellThem) {
        long eventId = pe.plan().event().id();
        Instant now = clock.instant();
        List<Long> promoted = store.jdbi().inTransaction(h -> {
            store.settings(h, eventId, true);
            Registration r = store.byId(h, registrationId).orElseThrow();
            if (r.status() == Status.CANCELLED) return List.<Long>of();
            store.setStatus(h, registrationId, Status.CANCELLED, now);
            return promote(h, pe.plan(), now);
        });
        log.info("registration cancelled id={} event={} promoted={}", registrationId, eventId, promoted.size());
        Registration cancelled = store.byId(registrationId).orElseThrow();
        if (tellThem) {
            mailer.send(emails.cancelled(new RegistrationEmails.About(pe.community(), pe.plan(), cancelled,
                    tokens.token(cancelled.id(), cancelled.tokenSalt()))));
        }
        tellPromoted(pe, promoted);
    }

    /** Gives free places to the waiting list, first in line first. Call with the event's lock held. */
    private List<Long> promote(Handle h, EventPlan plan, Instant now) {
        long eventId = plan.event().id();
        Integer capacity = plan.event().capacity();
        List<Long> promoted = new ArrayList<>();
        if (plan.event().cancelled()) return promoted;
        int confirmed = store.count(h, eventId, Status.CONFIRMED);
        for (Long id : store.waiting(h, eventId)) {
            if (capacity != null && confirmed >= capacity) break;
            store.setStatus(h, id, Status.CONFIRMED, now);
            promoted.add(id);
            confirmed++;
        }
        return promoted;
    }

    private void tellPromoted(PublicEvent pe, List<Long> promoted) {
        for (Long id : promoted) {
            Registration r = store.byId(id).orElseThrow();
            mailer.send(emails.promoted(new RegistrationEmails.About(pe.community(), pe.plan(), r,
                    tokens.token(r.id(), r.tokenSalt()))));
        }
    }

    /** Sends a reminder (the reminders job calls this once it has claimed it). */
    void remind(EventPlan plan, Registration r, boolean hourBefore) {
        Community community = communities.get(plan.event().communityId());
        mailer.send(emails.reminder(new RegistrationEmails.About(community, plan, r, tokens.token(r.id(), r.tokenSalt())),
                hourBefore));
    }

    // ---- organisers

    /** The event's plan and community once the viewer is checked to be an organiser there. */
    public record Managed(Community community, EventPlan plan) {}

    public Managed manage(long accountId, long eventId) {
        EventPlan plan = events.find(eventId).orElseThrow(() -> new NotFound("There is no such conversation."));
        communities.requireRole(accountId, plan.event().communityId(), Role.ORGANISER);
        return new Managed(communities.get(plan.event().communityId()), plan);
    }

    /** Adds someone by hand: no consent box (the organiser answers for it) and no capacity check on questions. */
    public Outcome addByHand(long accountId, long eventId, RegistrationInput input, boolean email) {
        Managed m = manage(accountId, eventId);
        Outcome o = save(m.community(), m.plan(), input, Strictness.ORGANISER, "organiser", "added-by-organiser", false);
        if (email) notify(m.community(), m.plan(), o);
        return o;
    }

    /**
     * Records a registration someone made earlier (the demo, restoring an archive): checked like
     * the form and kept with today's consent text, but sent no email and allowed after the event.
     */
    public Outcome record(long accountId, long eventId, RegistrationInput input) {
        Managed m = manage(accountId, eventId);
        return save(m.community(), m.plan(), input, Strictness.PERSON, "form", consentVersion(m.community()), false);
    }

    /** Saves one row of an import, in its own transaction so one bad row cannot undo the good ones (see {@link ImportService}). */
    Outcome importRow(Managed m, RegistrationInput input) {
        return save(m.community(), m.plan(), input, Strictness.ORGANISER, "import", "imported", false);
    }

    void notifyImported(Managed m, Outcome o) {
        notify(m.community(), m.plan(), o);
    }

    public void cancelByOrganiser(long accountId, long eventId, long registrationId, boolean tellThem) {
        Managed m = manage(accountId, eventId);
        Registration r = store.byId(registrationId).filter(x -> x.eventId() == eventId)
                .orElseThrow(() -> new NotFound("There is no such registration."));
        cancelAndPromote(publicEvent(m.community(), m.plan()), r.id(), tellThem);
    }

    /** Offers free places (say, after capacity was raised) to the waiting list in order; how many were given. */
    public int fillPlaces(long accountId, long eventId) {
        Managed m = manage(accountId, eventId);
        List<Long> promoted = store.jdbi().inTransaction(h -> {
            store.settings(h, eventId, true);
            return promote(h, m.plan(), clock.instant());
        });
        tellPromoted(publicEvent(m.community(), m.plan()), promoted);
        return promoted.size();
    }

    public RegistrationSettings settings(long accountId, long eventId) {
        manage(accountId, eventId);
        return store.settings(eventId);
    }

    public RegistrationSettings updateSettings(long accountId, long eventId, boolean open, boolean remindDay,
            boolean remindHour) {
        manage(accountId, eventId);
        var s = new RegistrationSettings(eventId, open, remindDay, remindHour);
        store.jdbi().useTransaction(h -> store.saveSettings(h, s, clock.instant()));
        log.info("registration settings saved event={} open={} day={} hour={}", eventId, open, remindDay, remindHour);
        return store.settings(eventId);
    }

    /** A registration of the organiser's event, with its answers. */
    public Registration registration(long accountId, long eventId, long registrationId) {
        manage(accountId, eventId);
        return store.byId(registrationId).filter(r -> r.eventId() == eventId)
                .orElseThrow(() -> new NotFound("There is no such registration."));
    }

    /** Every registration of an event with its answers, in the order made (for the roster, exports and the API). */
    public List<Registration> registrations(long accountId, long eventId) {
        manage(accountId, eventId);
        return store.byEvent(eventId);
    }

    /** The question one person brought to an event ("If this event could answer one question..."). */
    public record BroughtQuestion(long registrationId, long personId, String text) {}

    /**
     * The questions people brought when they registered, cancelled registrations left out: text and
     * pseudonymous ids only, for synthesis, which checks its own access (facilitators curate themes
     * but do not see personal data in bulk).
     */
    public List<BroughtQuestion> questionsBrought(long eventId) {
        return store.byEvent(eventId).stream()
                .filter(r -> r.status() != Registration.Status.CANCELLED)
                .filter(r -> r.oneQuestion() != null && !r.oneQuestion().isBlank())
                .map(r -> new BroughtQuestion(r.id(), r.personId(), r.oneQuestion()))
                .toList();
    }

    /** The organiser's view of the event's registrations, searched and filtered. */
    public Roster roster(long accountId, long eventId, Roster.Filter filter) {
        Managed m = manage(accountId, eventId);
        long communityId = m.community().id();
        Map<Long, Instant> starts = new java.util.HashMap<>();
        events.inCommunity(communityId).forEach(s -> starts.put(s.event().id(), s.event().start().toInstant()));
        return Roster.of(store.byEvent(eventId), reach(communityId), starts, eventId, organisations.canonical(communityId),
                store.questions(eventId), filter);
    }

    // ---- questions

    public List<Question> questions(long accountId, long eventId) {
        manage(accountId, eventId);
        return store.questions(eventId);
    }

    /** What an organiser gives for a question; choices one per line. */
    public record QuestionInput(String kind, String label, String hint, boolean required, List<String> choices) {}

    public Question addQuestion(long accountId, long eventId, QuestionInput in) {
        manage(accountId, eventId);
        var q = QuestionRules.check(in);
        long id = store.jdbi().inTransaction(h -> {
            if (store.questions(h, eventId).size() >= QuestionRules.MAX_QUESTIONS) {
                throw Invalid.field("label", "A form can have at most " + QuestionRules.MAX_QUESTIONS + " questions");
            }
            return store.insertQuestion(h, eventId, q.kind(), q.label(), q.hint(), q.required(), q.choices(), clock.instant());
        });
        return question(eventId, id);
    }

    public Question updateQuestion(long accountId, long eventId, long questionId, QuestionInput in) {
        manage(accountId, eventId);
        var q = QuestionRules.check(in);
        boolean found = store.jdbi().inTransaction(h ->
                store.updateQuestion(h, eventId, questionId, q.kind(), q.label(), q.hint(), q.required(), q.choices()));
        if (!found) throw new NotFound("There is no such question.");
        return question(eventId, questionId);
    }

    public void deleteQuestion(long accountId, long eventId, long questionId) {
        manage(accountId, eventId);
        boolean found = store.jdbi().inTransaction(h -> store.deleteQuestion(h, eventId, questionId));
        if (!found) throw new NotFound("There is no such question.");
    }

    private Question question(long eventId, long id) {
        return store.questions(eventId).stream().filter(q -> q.id() == id).findFirst().orElseThrow();
    }

    // ---- reach across a community's events, for the roster and for insights

    /** One registration as series reports see it: its event, person, canonical organisation and sector. */
    public record Reach(long registrationId, long eventId, long personId, Long organisationId, String organisation,
            String sector, Status status) {}

    /** Every registration in the community's events, organisations followed through merges. */
    public List<Reach> reach(long accountId, long communityId) {
        communities.requireRole(accountId, communityId, Role.ORGANISER);
        return reach(communityId);
    }

    List<Reach> reach(long communityId) {
        Map<Long, Organisation> canonical = organisations.canonical(communityId);
        return store.reach(communityId).stream().map(r -> {
            Organisation o = r.organisationId() == null ? null : canonical.get(r.organisationId());
            return new Reach(r.registrationId(), r.eventId(), r.personId(), o == null ? null : o.id(),
                    o == null ? r.organisationName() : o.name(), r.sector(), r.status());
        }).toList();
    }

    Mail previewConfirmation(Community community, EventPlan plan, Registration r) {
        return emails.confirmation(new RegistrationEmails.About(community, plan, r, tokens.token(r.id(), r.tokenSalt())), false);
    }

    /** The person's personal token, for organisers resending a link. */
    String tokenOf(Registration r) {
        return tokens.token(r.id(), r.tokenSalt());
    }

    Instant now() {
        return clock.instant();
    }

    EventService events() {
        return events;
    }
}
