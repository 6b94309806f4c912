package app.cairn.pack;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.event.EventPlan;
import app.cairn.event.EventService;
import app.cairn.event.Template;
import app.cairn.event.TemplateService;
import app.cairn.feedback.FeedbackService;
import app.cairn.insights.InsightsService;
import app.cairn.live.LiveService;
import app.cairn.live.LiveViews;
import app.cairn.live.Participant;
import app.cairn.mail.Mail;
import app.cairn.mail.Mailer;
import app.cairn.registration.Registration;
import app.cairn.registration.RegistrationService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The event pack: written from the event through the other features' services, edited section
 * by section, published as a snapshot that readers see, and sent to participants as a link.
 */
public final class PackService {
    public static final int MAX_SECTION_TEXT = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PackStore store;
    private final EventService events;
    private final CommunityService communities;
    private final RegistrationService registrations;
    private final InsightsService insights;
    private final LiveService live;
    private final FeedbackService feedback;
    private final Mailer mailer;
    private final Function<String, String> link;
    private final Clock clock;
    private final HandThemes handThemes;
    private PackThemes themes;

    public PackService(Jdbi jdbi, EventService events, CommunityService communities, RegistrationService registrations,
            InsightsService insights, LiveService live, FeedbackService feedback, Mailer mailer,
            Function<String, String> link, Clock clock) {
        this.store = new PackStore(jdbi);
        this.events = events;
        this.communities = communities;
        this.registrations = registrations;
        this.insights = insights;
        this.live = live;
        this.feedback = feedback;
        this.mailer = mailer;
        this.link = link;
        this.clock = clock;
        this.handThemes = new HandThemes(store, live);
        this.themes = handThemes;
    }

    /** The themes grouped by hand in the pack editor (the default source of themes). */
    public PackThemes handThemes() {
        return handThemes;
    }

    /** Where themes come from; the hand-grouped ones until a themes workspace is wired in. */
    public void useThemes(PackThemes source) {
        this.themes = source;
    }

    /** An event, its community and its pack settings, once the viewer is checked to be an organiser there. */
    public record Managed(Community community, EventPlan plan, PackSettings settings) {}

    public Managed manage(long accountId, long eventId) {
        EventPlan plan = events.find(eventId).orElseThrow(() -> new NotFound("There is no such conversation."));
        communities.requireRole(accountId, plan.event().communityId(), Role.ORGANISER);
        return new Managed(communities.get(plan.event().communityId()), plan, store.settings(eventId, clock.instant()));
    }

    /** The pack as it is now (not necessarily published), for the editor and the downloads. */
    public Pack draft(long accountId, long eventId) {
        return PackBuilder.build(inputs(accountId, eventId));
    }

    /** What the pack is written from. {@code accountId} is the organiser on whose behalf registrations are read. */
    public PackInputs inputs(long accountId, long eventId) {
        Managed m = manage(accountId, eventId);
        var event = m.plan().event();
        List<Participant> joined = live.participants(eventId);
        List<Registration> regs = registrations.registrations(accountId, eventId).stream()
                .filter(r -> r.status() == Registration.Status.CONFIRMED).toList();
        PackInputs.People people = !joined.isEmpty()
                ? new PackInputs.People("joined the conversation", joined.stream()
                        .map(p -> new PackInputs.Person(p.roleTitle(), p.organisation(), p.sector())).toList())
                : new PackInputs.People("had a place", regs.stream()
                        .map(r -> new PackInputs.Person(r.role(), r.organisationName(), r.sector())).toList());
        Integer fresh = null, returning = null;
        for (var row : insights.series(accountId, event.communityId()).events()) {
            if (row.eventId() == eventId) {
                fresh = row.fresh();
                returning = row.returning();
            }
        }
        LiveViews.Update log = LiveRecord.read(live, eventId);
        List<LiveViews.ReflectionView> reflections = log.reflections();
        if (!m.settings().attributeQuotes()) {
            reflections = reflections.stream().map(r -> new LiveViews.ReflectionView(r.seq(), r.promptKey(), null, r.text(),
                    r.removed(), null)).toList();
        }
        Template diy = TemplateService.builtIns().stream().filter(t -> t.id().equals("diy-1-hour")).findFirst().orElse(null);
        return new PackInputs(event, m.community(), m.plan().segments(), m.settings(), people,
                regs.stream().map(Registration::oneQuestion).filter(q -> q != null && !q.isBlank()).toList(),
                fresh, returning, log.polls(), log.messages(), log.prompts(), reflections, diy,
                themes.themes(eventId), feedback.form(eventId), feedback.anonymisedResponses(eventId), store.edits(eventId),
                store.leftOut(eventId));
    }

    /** Saves the organiser's text for a section (blank text goes back to Cairn's), or leaves the section out. */
    public void editSection(long accountId, long eventId, String key, String text, boolean hidden) {
        manage(accountId, eventId);
        if (!Pack.ORDER.contains(key)) throw new NotFound("There is no such section.");
        String t = text == null || text.isBlank() ? null : text.strip();
        if (t != null && t.length() > MAX_SECTION_TEXT) {
            throw Invalid.field("text", "Keep a section to " + MAX_SECTION_TEXT + " characters or fewer");
        }
        store.saveEdit(eventId, key, t, hidden, clock.instant());
    }

    private static final java.util.regex.Pattern REF =
            java.util.regex.Pattern.compile("(log|feedback-valued|feedback-better):\\d{1,18}|question:[0-9a-f]{24}");

    /** Leaves one quote out of the pack (by the {@code ref} the pack gives it). */
    public void leaveOut(long accountId, long eventId, String ref) {
        manage(accountId, eventId);
        if (ref == null || !REF.matcher(ref).matches()) throw Invalid.field("ref", "Choose a quote in the pack to leave out");
        store.leaveOut(eventId, ref);
    }

    /** Puts every quote the organiser left out back in. */
    public void putBackAll(long accountId, long eventId) {
        manage(accountId, eventId);
        store.putBackAll(eventId);
    }

    public PackSettings updateSettings(long accountId, long eventId, String visibility, boolean attribute, boolean includeHosts) {
        manage(accountId, eventId);
        PackSettings.Visibility v;
        try {
            v = PackSettings.Visibility.valueOf(visibility == null ? "" : visibility.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("visibility", "Choose who can read the pack");
        }
        store.updateSettings(eventId, v, attribute, includeHosts, clock.instant());
        return store.settings(eventId, clock.instant());
    }

    /** The result of publishing: the link, and how many people were emailed it. */
    public record Published(String link, int emailed) {}

    /**
     * Publishes the pack as it is now: readers see this snapshot until the next publish. With
     * {@code email}, everyone who took part gets the link (never the pack as an attachment).
     */
    public Published publish(long accountId, long eventId, boolean email) {
        Managed m = manage(accountId, eventId);
        if (email && m.settings().visibility() == PackSettings.Visibility.ORGANISERS) {
            throw Invalid.field("visibility", "The pack is open to the team only, so people emailed the link could not "
                    + "read it. Choose who can read it first, or publish without emailing.");
        }
        Pack pack = draft(accountId, eventId);
        store.publish(eventId, toJson(pack), clock.instant());
        String url = link.apply("/p/" + m.settings().shareToken());
        int sent = 0;
        if (email) {
            Map<String, String> to = new LinkedHashMap<>();
            for (Participant p : live.participants(eventId)) {
                if (p.email() != null && !p.email().isBlank()) to.putIfAbsent(p.email().toLowerCase(java.util.Locale.ROOT), p.name());
            }
            if (to.isEmpty()) {
                for (Registration r : registrations.registrations(accountId, eventId)) {
                    if (r.status() == Registration.Status.CONFIRMED && r.email() != null && !r.email().isBlank()) {
                        to.putIfAbsent(r.email().toLowerCase(java.util.Locale.ROOT), r.name());
                    }
                }
            }
            for (var e : to.entrySet()) {
                // Each person gets their own reader link, so a pack for the people who took part opens for them alone.
                String reader = "cr_" + app.cairn.account.Tokens.newSecret();
                store.addReader(eventId, app.cairn.account.Tokens.hash(reader), clock.instant());
                String personal = url + "/r/" + reader;
                mailer.send(new Mail(e.getKey(), "The pack from " + pack.title(), """
                        Hello %s,

                        Thank you for being part of "%s" with %s. The pack of what was said and learned is ready:
                        %s

                        It has what people asked and said (without names), the poll results and how people rated the
                        event, and the steps to host this conversation in your own team. The link is yours: please do not
                        forward it if the pack is only for the people who took part.""".formatted(e.getValue(),
                        pack.title(), pack.community(), personal)));
                sent++;
            }
        }
        return new Published(url, sent);
    }

    /** A published pack found by its share link, with its settings (the caller checks who may read it). */
    public record Shared(PackSettings settings, Community community, Pack pack) {}

    public Optional<Shared> shared(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return store.eventByShareToken(token).flatMap(eventId -> store.snapshot(eventId).map(json -> {
            PackSettings s = store.settings(eventId, clock.instant());
            var plan = events.find(eventId).orElseThrow();
            return new Shared(s, communities.get(plan.event().communityId()), fromJson(json));
        }));
    }

    /** Whether a personal reader link's secret belongs to this event. */
    public boolean isReader(long eventId, String readerToken) {
        if (readerToken == null || !readerToken.startsWith("cr_") || readerToken.length() > 100) return false;
        return store.isReader(eventId, app.cairn.account.Tokens.hash(readerToken));
    }

    /** Whether an account is on the team of the event's community (organisers' packs). */
    public boolean onTeam(long accountId, long communityId) {
        return communities.roleOf(accountId, communityId).isPresent();
    }

    /** Whether a live participant's token belongs to this event. */
    public boolean tookPart(long eventId, java.util.function.Function<String, String> cookieByCode) {
        return live.session(eventId).map(s -> cookieByCode.apply(s.joinCode()))
                .flatMap(live::participant).filter(p -> p.eventId() == eventId).isPresent();
    }

    // Themes grouped by hand

    /** A chat message or question the organiser can tick into a theme. */
    public record Contribution(long seq, String text, boolean question) {}

    public record ThemeView(long id, String label, String summary, List<Long> seqs) {}

    public List<Contribution> contributions(long accountId, long eventId) {
        manage(accountId, eventId);
        List<Contribution> out = new ArrayList<>();
        for (var msg : LiveRecord.read(live, eventId).messages()) {
            if (!msg.removed() && msg.text() != null) out.add(new Contribution(msg.seq(), msg.text(), msg.question()));
        }
        return out;
    }

    public List<ThemeView> handThemes(long accountId, long eventId) {
        manage(accountId, eventId);
        return store.themes(eventId).stream().map(t -> new ThemeView(t.id(), t.label(), t.summary(), t.seqs())).toList();
    }

    public long addTheme(long accountId, long eventId, String label, String summary, List<Long> seqs) {
        manage(accountId, eventId);
        String l = checkLabel(label);
        long id = store.addTheme(eventId, "chat", l, summary == null ? "" : summary.strip(), clock.instant());
        store.setItems(id, seqs);
        return id;
    }

    public void updateTheme(long accountId, long eventId, long themeId, String label, String summary, List<Long> seqs) {
        manage(accountId, eventId);
        if (!store.updateTheme(eventId, themeId, checkLabel(label), summary == null ? "" : summary.strip())) {
            throw new NotFound("There is no such theme.");
        }
        store.setItems(themeId, seqs);
    }

    public void deleteTheme(long accountId, long eventId, long themeId) {
        manage(accountId, eventId);
        if (!store.deleteTheme(eventId, themeId)) throw new NotFound("There is no such theme.");
    }

    private static String checkLabel(String label) {
        String l = label == null ? "" : label.strip();
        if (l.isEmpty()) throw Invalid.field("label", "Enter a name for the theme");
        if (l.length() > 200) throw Invalid.field("label", "The theme's name must be 200 characters or fewer");
        return l;
    }

    static String toJson(Pack pack) {
        try {
            return JSON.writeValueAsString(pack);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pack could not be written as JSON", e);
        }
    }

    static Pack fromJson(String json) {
        try {
            return JSON.readValue(json, Pack.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored pack is not readable", e);
        }
    }
}
