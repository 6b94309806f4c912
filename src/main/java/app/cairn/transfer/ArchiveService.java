package app.cairn.transfer;

import app.cairn.common.Invalid;
import app.cairn.community.CommunityService;
import app.cairn.event.AgendaService;
import app.cairn.event.EventInput;
import app.cairn.event.EventPlan;
import app.cairn.event.EventService;
import app.cairn.event.Segment;
import app.cairn.feedback.FeedbackForm;
import app.cairn.feedback.FeedbackQuestion;
import app.cairn.feedback.FeedbackResponse;
import app.cairn.feedback.FeedbackService;
import app.cairn.registration.QuestionKind;
import app.cairn.event.SegmentInput;
import app.cairn.live.Contribution;
import app.cairn.live.Entry;
import app.cairn.live.LiveService;
import app.cairn.live.Participant;
import app.cairn.registration.Registration;
import app.cairn.registration.RegistrationExport;
import app.cairn.registration.RegistrationInput;
import app.cairn.registration.RegistrationService;
import app.cairn.transfer.Archive.EntryPart;
import app.cairn.transfer.Archive.EventPart;
import app.cairn.transfer.Archive.Manifest;
import app.cairn.transfer.Archive.ParticipantPart;
import app.cairn.transfer.Archive.PollPart;
import app.cairn.transfer.Archive.RegistrationPart;
import app.cairn.transfer.Archive.SegmentPart;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports an event (plan, agenda, registrations, participants and live log) as one versioned
 * archive, and imports an archive as a new event in a community, giving everything new ids and
 * mapping the references between them (segments, polls, participants, log numbers).
 */
public final class ArchiveService {
    private static final Logger log = LoggerFactory.getLogger(ArchiveService.class);
    static final int MAX_ARCHIVE = 50 * 1024 * 1024;
    static final int MAX_PART = 64 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final EventService events;
    private final AgendaService agendas;
    private final CommunityService communities;
    private final RegistrationService registrations;
    private final LiveService live;
    private final app.cairn.pack.PackService packs;
    private final app.cairn.themes.ThemeService themes;
    private final FeedbackService feedback;
    private final Clock clock;

    /**
     * {@code packs}, {@code themes} and {@code feedback} may be null, when those features are not
     * wired (then archives carry no pack, themes or feedback part).
     */
    public ArchiveService(EventService events, AgendaService agendas, CommunityService communities,
            RegistrationService registrations, LiveService live, app.cairn.pack.PackService packs,
            app.cairn.themes.ThemeService themes, FeedbackService feedback, Clock clock) {
        this.themes = themes;
        this.feedback = feedback;
        this.events = events;
        this.agendas = agendas;
        this.communities = communities;
        this.registrations = registrations;
        this.live = live;
        this.packs = packs;
        this.clock = clock;
    }

    /** The archive's file name for an event. */
    public static String filename(EventPlan plan) {
        return plan.event().slug() + "-" + plan.event().date() + ".cairn.zip";
    }

    // ---- export

    public byte[] export(long accountId, long eventId) {
        var managed = registrations.manage(accountId, eventId);
        EventPlan plan = managed.plan();
        var e = plan.event();
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("event.json", new EventPart(managed.community().name(), managed.community().slug(), e.slug(), e.title(),
                e.purpose(), e.date().toString(), e.startTime().toString(), e.zone().getId(),
                e.hosts().stream().map(h -> new Archive.HostPart(h.name(), h.role(), h.organisation())).toList(),
                e.recordingUrl(), e.contactEmail(), e.capacity(), e.templateName(), e.cancelled()));
        parts.put("agenda.json", plan.segments().stream().map(s -> new SegmentPart(s.id(), s.kind().code(), s.title(),
                s.minutes(), s.guidance(), s.prompts(), s.polls().stream()
                        .map(p -> new PollPart(p.id(), p.question(), p.kind().code(), p.options())).toList())).toList());
        List<Registration> people = registrations.registrations(accountId, eventId);
        parts.put("registrations.json", people.stream().map(r -> new RegistrationPart(r.id(), r.name(), r.email(), r.role(),
                r.organisationName(), r.sector(), r.oneQuestion(), r.accessNeeds(), r.status().code(), r.source(),
                r.createdAt())).toList());
        parts.put("participants.json", live.participants(eventId).stream().map(p -> new ParticipantPart(p.id(),
                p.registrationId(), p.name(), p.roleTitle(), p.organisation(), p.sector(), p.email())).toList());
        parts.put("log.json", live.log(eventId).stream().map(x -> new EntryPart(x.seq(), x.participantId(),
                x.accountId() != null, x.at(), x.contribution())).toList());
        if (packs != null) parts.put("pack.json", pack(accountId, eventId));
        if (themes != null) parts.put("themes.json", themes.keptThemes(eventId));
        if (feedback != null) parts.put("feedback.json", feedbackPart(accountId, eventId));
        Map<String, String> manifestParts = new LinkedHashMap<>();
        parts.keySet().forEach(k -> manifestParts.put(k, "1"));
        manifestParts.put("registrations.csv", "1");
        var manifest = new Manifest(Archive.FORMAT, Archive.VERSION, "Cairn", clock.instant(), manifestParts);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            for (var part : parts.entrySet()) put(zip, part.getKey(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(part.getValue()));
            put(zip, "registrations.csv", RegistrationExport.csv(
                    List.of("Name", "Email", "Role", "Organisation", "Sector", "Status", "One question"),
                    people.stream().map(r -> List.of(r.name(), r.email(), nz(r.role()), nz(r.organisationName()),
                            nz(r.sector()), r.status().code(), nz(r.oneQuestion()))).toList()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        log.info("archive exported event={} entries={}", eventId, ((List<?>) parts.get("log.json")).size());
        return bytes.toByteArray();
    }

    private Archive.PackPart pack(long accountId, long eventId) {
        var settings = packs.manage(accountId, eventId).settings();
        var inputs = packs.inputs(accountId, eventId);
        Map<String, Archive.SectionPart> sections = new LinkedHashMap<>();
        inputs.edits().forEach((k, v) -> sections.put(k, new Archive.SectionPart(v.text(), v.hidden())));
        return new Archive.PackPart(settings.visibility().code(), settings.attributeQuotes(), settings.includeHosts(),
                sections, inputs.leftOut().stream().sorted().toList(), packs.handThemes(accountId, eventId).stream()
                        .map(t -> new Archive.HandThemePart(t.label(), t.summary(), t.seqs())).toList());
    }

    private Archive.FeedbackPart feedbackPart(long accountId, long eventId) {
        FeedbackForm form = feedback.form(eventId);
        return new Archive.FeedbackPart(form.anonymous(), form.state().name(), form.openedAt(), form.closedAt(),
                form.linksSentAt(), form.questions().stream().map(q -> new Archive.FeedbackQuestionPart(q.id(),
                        q.kind().code(), q.label(), q.choices())).toList(),
                feedback.storedResponses(accountId, eventId).stream().map(x -> {
                    FeedbackResponse r = x.response();
                    return new Archive.FeedbackResponsePart(r.id(), x.personKey(), form.anonymous() ? null : r.name(),
                            r.recommend() == null ? null : r.recommend() ? "yes" : "no", r.score(), r.valued(), r.better(),
                            new java.util.TreeMap<>(r.answers()), r.updatedAt());
                }).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    // ---- import

    /** True when the bytes are a Cairn event archive (a ZIP whose first entry is its manifest). */
    public static boolean isArchive(byte[] bytes) {
        if (!TextFile.starts(bytes, 0x50, 0x4B, 0x03, 0x04)) return false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry first = zip.getNextEntry();
            return first != null && first.getName().equals("manifest.json");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The archive read back, checked before anything is saved. */
    record Read(Manifest manifest, EventPart event, List<SegmentPart> agenda, List<RegistrationPart> registrations,
            List<ParticipantPart> participants, List<EntryPart> log, Archive.PackPart pack,
            List<app.cairn.themes.ThemeService.KeptTheme> themes, Archive.FeedbackPart feedback, List<String> unknown) {}

    static Read read(byte[] bytes) {
        if (bytes.length > MAX_ARCHIVE) throw new TransferProblem("The archive is larger than 50 MB.");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            long total = 0;
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                byte[] content = zip.readNBytes(MAX_PART + 1);
                total += content.length;
                if (content.length > MAX_PART || total > MAX_PART) {
                    throw new TransferProblem("The archive unpacks to more than 64 MB: it is not one event's archive.");
                }
                files.put(entry.getName(), content);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof TransferProblem p) throw p;
            throw new TransferProblem("The archive could not be opened: it may be cut short or damaged. Export it again.");
        }
        byte[] manifestBytes = files.get("manifest.json");
        if (manifestBytes == null) throw new TransferProblem("This ZIP file has no manifest.json: it is not a Cairn event archive.");
        Manifest manifest = part(manifestBytes, "manifest.json", JSON.constructType(Manifest.class));
        if (!Archive.FORMAT.equals(manifest.format())) {
            throw new TransferProblem("manifest.json: the format is not " + Archive.FORMAT + ".");
        }
        if (manifest.version() > Archive.VERSION) {
            throw new TransferProblem("manifest.json: this archive is version " + manifest.version() + ", newer than this "
                    + "Cairn reads (" + Archive.VERSION + "). Update Cairn, then import it.");
        }
        var tf = JSON.getTypeFactory();
        EventPart event = part(required(files, "event.json"), "event.json", tf.constructType(EventPart.class));
        List<SegmentPart> agenda = part(required(files, "agenda.json"), "agenda.json",
                tf.constructCollectionType(List.class, SegmentPart.class));
        List<RegistrationPart> regs = files.containsKey("registrations.json") ? part(files.get("registrations.json"),
                "registrations.json", tf.constructCollectionType(List.class, RegistrationPart.class)) : List.of();
        List<ParticipantPart> parts = files.containsKey("participants.json") ? part(files.get("participants.json"),
                "participants.json", tf.constructCollectionType(List.class, ParticipantPart.class)) : List.of();
        List<EntryPart> entries = files.containsKey("log.json") ? part(files.get("log.json"), "log.json",
                tf.constructCollectionType(List.class, EntryPart.class)) : List.of();
        Archive.PackPart pack = files.containsKey("pack.json") ? part(files.get("pack.json"), "pack.json",
                tf.constructType(Archive.PackPart.class)) : null;
        List<app.cairn.themes.ThemeService.KeptTheme> kept = files.containsKey("themes.json") ? part(files.get("themes.json"),
                "themes.json", tf.constructCollectionType(List.class, app.cairn.themes.ThemeService.KeptTheme.class)) : List.of();
        Archive.FeedbackPart fb = files.containsKey("feedback.json") ? part(files.get("feedback.json"), "feedback.json",
                tf.constructType(Archive.FeedbackPart.class)) : null;
        List<String> known = List.of("manifest.json", "event.json", "agenda.json", "registrations.json",
                "participants.json", "log.json", "registrations.csv", "pack.json", "themes.json", "feedback.json");
        List<String> unknown = files.keySet().stream().filter(k -> !known.contains(k)).toList();
        Read read = new Read(manifest, event, agenda, regs, parts, entries, pack, kept, fb, unknown);
        check(read);
        return read;
    }

    /** Refuses an archive whose parts do not hang together, before anything is saved. */
    private static void check(Read a) {
        if (a.event().title() == null || a.event().date() == null || a.event().startTime() == null
                || a.event().timeZone() == null) {
            throw new TransferProblem("event.json: the title, date, start time or time zone is missing.");
        }
        for (SegmentPart s : a.agenda()) {
            if (s == null || s.kind() == null || s.title() == null || s.prompts() == null || s.polls() == null) {
                throw new TransferProblem("agenda.json: a segment is missing its kind, title, prompts or polls.");
            }
        }
        if (a.pack() != null && a.pack().leftOut() != null) {
            for (String ref : a.pack().leftOut()) {
                if (ref == null || ref.startsWith("log:") && !ref.substring(4).matches("\\d{1,18}")) {
                    throw new TransferProblem("pack.json: \"" + ref + "\" is not a quote's reference.");
                }
            }
        }
        java.util.Set<Long> people = new java.util.HashSet<>();
        for (ParticipantPart p : a.participants()) {
            if (p == null || p.name() == null) throw new TransferProblem("participants.json: a participant has no name.");
            people.add(p.id());
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (EntryPart e : a.log()) {
            if (e == null || e.contribution() == null || e.at() == null) {
                throw new TransferProblem("log.json: an entry has no time or no contribution.");
            }
            if (e.participantId() != null && !people.contains(e.participantId())) {
                throw new TransferProblem("log.json: entry " + e.seq() + " is by a participant the archive does not list.");
            }
            List<Long> named = new ArrayList<>();
            if (e.contribution() instanceof Contribution.RoomsOpened o) {
                for (var r : o.rooms()) {
                    if (r == null || r.members() == null) throw new TransferProblem("log.json: entry " + e.seq()
                            + " opens a room with no list of members.");
                    named.addAll(r.members());
                }
            }
            if (e.contribution() instanceof Contribution.RoomMoves m) {
                for (var x : m.moves()) named.add(x.participantId());
            }
            for (Long id : named) {
                if (id == null || !people.contains(id)) throw new TransferProblem("log.json: entry " + e.seq()
                        + " puts a participant the archive does not list in a room.");
            }
            Long ref = reference(e.contribution());
            if (ref != null && !seen.contains(ref)) {
                throw new TransferProblem("log.json: entry " + e.seq() + " refers to entry " + ref + ", which comes later or "
                        + "is missing.");
            }
            if (!seen.add(e.seq())) throw new TransferProblem("log.json: entry " + e.seq() + " appears twice.");
        }
        if (a.feedback() != null) checkFeedback(a.feedback(), a.registrations(), people);
    }

    /** Refuses a feedback part whose questions or responses do not hang together with the rest of the archive. */
    private static void checkFeedback(Archive.FeedbackPart f, List<RegistrationPart> registrations,
            java.util.Set<Long> participants) {
        if (f.state() != null && java.util.Arrays.stream(FeedbackForm.State.values()).noneMatch(x -> x.name().equals(f.state()))) {
            throw new TransferProblem("feedback.json: the form's state \"" + ZoomChat.shorten(f.state())
                    + "\" is not draft, open or closed.");
        }
        if (f.questions() == null || f.responses() == null) {
            throw new TransferProblem("feedback.json: the questions or the responses are missing.");
        }
        java.util.Set<Long> questions = new java.util.HashSet<>();
        for (var q : f.questions()) {
            var kind = q == null || q.kind() == null ? java.util.Optional.<QuestionKind>empty() : QuestionKind.ofCode(q.kind());
            if (kind.isEmpty() || q.label() == null || q.label().isBlank() || q.label().length() > 300
                    || q.choices() == null || q.choices().stream().anyMatch(c -> c == null || c.length() > 200)
                    || kind.get().hasChoices() && q.choices().size() < 2) {
                throw new TransferProblem("feedback.json: a question has no kind Cairn knows, no label, or choices that "
                        + "do not fit it.");
            }
            if (!questions.add(q.id())) throw new TransferProblem("feedback.json: question " + q.id() + " appears twice.");
        }
        java.util.Set<Long> regs = new java.util.HashSet<>();
        for (RegistrationPart r : registrations) if (r != null) regs.add(r.id());
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (var r : f.responses()) {
            if (r == null || r.personKey() == null) throw new TransferProblem("feedback.json: a response says nobody gave it.");
            String who = "feedback.json: response " + r.id();
            if (KeptIds.person(r.personKey(), id -> regs.contains(id) ? id : null,
                    id -> participants.contains(id) ? id : null) == null) {
                throw new TransferProblem(who + " is by a person the archive does not list.");
            }
            if (!keys.add(r.personKey())) throw new TransferProblem(who + ": the same person answered twice.");
            if (r.recommend() != null && !r.recommend().equals("yes") && !r.recommend().equals("no")) {
                throw new TransferProblem(who + ": the recommend answer is neither yes nor no.");
            }
            if (r.score() != null && (r.score() < 1 || r.score() > 5)) {
                throw new TransferProblem(who + ": the score is not from 1 to 5.");
            }
            List<String> texts = new ArrayList<>();
            texts.add(r.valued());
            texts.add(r.better());
            if (r.answers() != null) {
                for (var answer : r.answers().entrySet()) {
                    if (answer.getKey() == null || !questions.contains(answer.getKey()) || answer.getValue() == null) {
                        throw new TransferProblem(who + " answers a question the archive does not list.");
                    }
                    texts.add(answer.getValue());
                }
            }
            if (texts.stream().anyMatch(t -> t != null && t.codePointCount(0, t.length()) > FeedbackService.MAX_TEXT)) {
                throw new TransferProblem(who + " has an answer longer than " + FeedbackService.MAX_TEXT + " characters.");
            }
        }
    }

    private static byte[] required(Map<String, byte[]> files, String name) {
        byte[] b = files.get(name);
        if (b == null) throw new TransferProblem("The archive has no " + name + ": it is not complete. Export it again.");
        return b;
    }

    private static <T> T part(byte[] content, String name, JavaType type) {
        try {
            T value = JSON.readValue(content, type);
            if (value == null) throw new TransferProblem(name + " is empty.");
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new TransferProblem(name + ": could not be read" + where + ". Export the archive again.");
        } catch (IOException | RuntimeException e) {
            throw new TransferProblem(name + ": could not be read. Export the archive again.");
        }
    }

    /** What importing an archive made. */
    public record Imported(long eventId, String slug, int segments, int registrations, int participants, int entries,
            List<String> notBroughtIn) {}

    /** The name of the community an archive's event belonged to (checked as a whole archive first). */
    public static String communityOf(byte[] bytes) {
        return read(bytes).event().community();
    }

    /** Imports an archive as a new event in the community (the importer must be one of its organisers). */
    public Imported importArchive(long accountId, long communityId, byte[] bytes) {
        Read a = read(bytes);
        var ev = a.event();
        EventInput input = new EventInput(ev.title(), nz(ev.purpose()), EventInput.DateInput.iso(ev.date()),
                ev.startTime().length() > 5 ? ev.startTime().substring(0, 5) : ev.startTime(), ev.timeZone(),
                ev.hosts() == null ? List.of() : ev.hosts().stream()
                        .map(h -> new EventInput.HostInput(h.name(), h.role(), h.organisation())).toList(),
                nz(ev.recordingUrl()), nz(ev.contactEmail()), ev.capacity() == null ? "" : ev.capacity().toString());
        EventPlan plan = events.create(accountId, communityId, "community-conversation-2-hours", input);
        long eventId = plan.event().id();
        try {
            return fill(accountId, a, plan);
        } catch (RuntimeException e) {
            // Checked up front, so this is rare (a registration the rules refuse, a database failure): do not
            // leave a half-made conversation looking complete.
            events.cancel(accountId, eventId);
            log.warn("archive import failed event={} reason={}", eventId, e.toString());
            String why = e instanceof Invalid i ? String.join(" ", i.fields().values()) : e.getMessage();
            throw new TransferProblem("The archive could not be brought in completely (" + why + "). The half-made "
                    + "conversation was cancelled; fix the archive and bring it in again.");
        }
    }

    private Imported fill(long accountId, Read a, EventPlan plan) {
        long eventId = plan.event().id();
        List<SegmentInput> segments = a.agenda().stream().map(s -> new SegmentInput(null, s.kind(), s.title(),
                Integer.toString(s.minutes()), nz(s.guidance()), s.prompts(), s.polls() == null ? List.of()
                        : s.polls().stream().map(p -> new SegmentInput.PollInput(null, p.question(), p.kind(), p.options()))
                                .toList())).toList();
        plan = agendas.replaceAgenda(accountId, eventId, segments, null);
        Map<Long, Long> segmentIds = new HashMap<>();
        Map<String, String> pollKeys = new HashMap<>();
        for (int i = 0; i < a.agenda().size() && i < plan.segments().size(); i++) {
            SegmentPart old = a.agenda().get(i);
            Segment now = plan.segments().get(i);
            segmentIds.put(old.id(), now.id());
            for (int p = 0; p < old.polls().size() && p < now.polls().size(); p++) {
                pollKeys.put("p" + old.polls().get(p).id(), "p" + now.polls().get(p).id());
            }
        }
        Map<Long, Long> registrationIds = new HashMap<>();
        for (RegistrationPart r : a.registrations()) {
            var outcome = registrations.record(accountId, eventId, new RegistrationInput(r.name(), r.email(), nz(r.role()),
                    nz(r.organisation()), nz(r.sector()), nz(r.oneQuestion()), nz(r.accessNeeds()), Map.of(), true));
            registrationIds.put(r.id(), outcome.registration().id());
            if ("cancelled".equals(r.status())) {
                registrations.cancelByOrganiser(accountId, eventId, outcome.registration().id(), false);
            }
        }
        Map<Long, ParticipantPart> oldParticipants = new HashMap<>();
        for (ParticipantPart p : a.participants()) oldParticipants.put(p.id(), p);
        Map<Long, Long> participantIds = new HashMap<>();
        Map<Long, Long> seqs = new HashMap<>();
        int entries = 0;
        for (EntryPart e : a.log()) {
            Long participant = null;
            if (e.participantId() != null) {
                Long known = participantIds.get(e.participantId());
                if (known == null) {
                    ParticipantPart p = oldParticipants.get(e.participantId());
                    if (p == null) throw new TransferProblem("log.json: entry " + e.seq() + " is by a participant the "
                            + "archive does not list.");
                    Participant made = live.recordParticipant(eventId, p.registrationId() == null ? null
                            : registrationIds.get(p.registrationId()), p.name(), nz(p.role()), nz(p.organisation()),
                            nz(p.sector()), p.email(), e.at());
                    participantIds.put(p.id(), made.id());
                    if (e.contribution() instanceof Contribution.Joined) {
                        seqs.put(e.seq(), lastSeq(eventId));
                        entries++;
                        continue;
                    }
                    known = made.id();
                }
                participant = known;
            }
            java.util.function.LongUnaryOperator person = old -> participantIds.computeIfAbsent(old, o -> {
                ParticipantPart p = oldParticipants.get(o);
                if (p == null) throw new TransferProblem("log.json: entry " + e.seq() + " names a participant the "
                        + "archive does not list.");
                return live.recordParticipant(eventId, p.registrationId() == null ? null
                        : registrationIds.get(p.registrationId()), p.name(), nz(p.role()), nz(p.organisation()),
                        nz(p.sector()), p.email(), e.at()).id();
            });
            Contribution c = remap(e.contribution(), segmentIds, pollKeys, seqs, person);
            Entry saved = live.record(eventId, c, participant, e.organiser() ? accountId : null, e.at(), null);
            seqs.put(e.seq(), saved.seq());
            entries++;
        }
        for (ParticipantPart p : a.participants()) {
            if (participantIds.containsKey(p.id())) continue;
            Participant made = live.recordParticipant(eventId, p.registrationId() == null ? null
                    : registrationIds.get(p.registrationId()), p.name(), nz(p.role()), nz(p.organisation()), nz(p.sector()),
                    p.email(), plan.event().start().toInstant());
            participantIds.put(p.id(), made.id());
        }
        List<String> notBroughtIn = new ArrayList<>(a.unknown());
        Map<Long, Long> responseIds = Map.of();
        if (a.feedback() != null) {
            if (feedback == null) notBroughtIn.add("feedback.json");
            else responseIds = feedback.restore(accountId, eventId, restore(a.feedback(), eventId, registrationIds,
                    participantIds));
        }
        if (a.pack() != null) {
            if (packs == null) notBroughtIn.add("pack.json");
            else restorePack(accountId, eventId, a.pack(), seqs, responseIds);
        }
        if (!a.themes().isEmpty()) {
            if (themes == null) notBroughtIn.add("themes.json");
            else themes.restoreKeptThemes(eventId, KeptIds.renumber(a.themes(), segmentIds, pollKeys, registrationIds,
                    participantIds, seqs));
        }
        log.info("archive imported event={} segments={} registrations={} entries={}", eventId, plan.segments().size(),
                registrationIds.size(), entries);
        return new Imported(eventId, plan.event().slug(), plan.segments().size(), registrationIds.size(),
                participantIds.size(), entries, notBroughtIn);
    }

    /** The archive's form for this event: people's keys renumbered (already checked to be listed). */
    private static FeedbackService.Restore restore(Archive.FeedbackPart f, long eventId, Map<Long, Long> registrationIds,
            Map<Long, Long> participantIds) {
        List<FeedbackQuestion> questions = new ArrayList<>();
        for (int i = 0; i < f.questions().size(); i++) {
            var q = f.questions().get(i);
            questions.add(new FeedbackQuestion(q.id(), i + 1, QuestionKind.ofCode(q.kind()).orElseThrow(), q.label(),
                    q.choices()));
        }
        List<FeedbackService.Stored> responses = new ArrayList<>();
        for (var r : f.responses()) {
            String key = KeptIds.person(r.personKey(), registrationIds::get, participantIds::get);
            if (key == null) continue;
            responses.add(new FeedbackService.Stored(new FeedbackResponse(r.id(), eventId, r.name(),
                    r.recommend() == null ? null : r.recommend().equals("yes"), r.score(), nz(r.valued()), nz(r.better()),
                    r.answers() == null ? Map.of() : r.answers(), r.updatedAt()), key));
        }
        return new FeedbackService.Restore(f.anonymous(), f.state() == null ? FeedbackForm.State.draft
                : FeedbackForm.State.valueOf(f.state()), f.openedAt(), f.closedAt(), f.linksSentAt(), questions, responses);
    }

    private void restorePack(long accountId, long eventId, Archive.PackPart pack, Map<Long, Long> seqs,
            Map<Long, Long> responses) {
        if (pack.visibility() != null) {
            packs.updateSettings(accountId, eventId, pack.visibility(), pack.attributeQuotes(), pack.includeHosts());
        }
        if (pack.sections() != null) {
            pack.sections().forEach((key, edit) -> packs.editSection(accountId, eventId, key, edit.text(), edit.hidden()));
        }
        if (pack.leftOut() != null) {
            for (String ref : pack.leftOut()) {
                // Quotes follow their log entry or their feedback response; a question is the same text anywhere.
                if (ref.startsWith("log:") && seqs.containsKey(Long.parseLong(ref.substring(4)))) {
                    packs.leaveOut(accountId, eventId, "log:" + seqs.get(Long.parseLong(ref.substring(4))));
                }
                var feedbackRef = java.util.regex.Pattern.compile("(feedback-valued|feedback-better):(\\d{1,18})").matcher(ref);
                if (feedbackRef.matches() && responses.containsKey(Long.parseLong(feedbackRef.group(2)))) {
                    packs.leaveOut(accountId, eventId, feedbackRef.group(1) + ":" + responses.get(Long.parseLong(feedbackRef.group(2))));
                }
            }
        }
        if (pack.themes() != null) {
            for (var t : pack.themes()) {
                packs.addTheme(accountId, eventId, t.label(), t.summary(), t.seqs() == null ? List.of()
                        : t.seqs().stream().filter(seqs::containsKey).map(seqs::get).toList());
            }
        }
    }

    private long lastSeq(long eventId) {
        var all = live.log(eventId);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    static Contribution remap(Contribution c, Map<Long, Long> segments, Map<String, String> polls, Map<Long, Long> seqs,
            java.util.function.LongUnaryOperator person) {
        Contribution rooms = remapRooms(c, segments, seqs, person);
        if (rooms != null) return rooms;
        if (c instanceof Contribution.SegmentStarted s) {
            return new Contribution.SegmentStarted(segments.getOrDefault(s.segmentId(), s.segmentId()), s.plannedMinutes(),
                    s.skippedPrevious());
        }
        if (c instanceof Contribution.SegmentExtended s) {
            return new Contribution.SegmentExtended(segments.getOrDefault(s.segmentId(), s.segmentId()), s.minutes());
        }
        if (c instanceof Contribution.PollOpened p) {
            return new Contribution.PollOpened(polls.getOrDefault(p.pollKey(), p.pollKey()), p.question(), p.pollKind(),
                    p.options(), p.showResults());
        }
        if (c instanceof Contribution.PollClosed p) return new Contribution.PollClosed(polls.getOrDefault(p.pollKey(), p.pollKey()));
        if (c instanceof Contribution.PollResultsShown p) {
            return new Contribution.PollResultsShown(polls.getOrDefault(p.pollKey(), p.pollKey()), p.shown());
        }
        if (c instanceof Contribution.Vote v) {
            return new Contribution.Vote(polls.getOrDefault(v.pollKey(), v.pollKey()), v.choices(), v.rating(), v.text());
        }
        if (c instanceof Contribution.Upvote u) return new Contribution.Upvote(seq(seqs, u.questionSeq()));
        if (c instanceof Contribution.AnswerStatus s) {
            return new Contribution.AnswerStatus(seq(seqs, s.questionSeq()), s.answer(), s.recordingAt());
        }
        if (c instanceof Contribution.Moderation m) return new Contribution.Moderation(seq(seqs, m.targetSeq()), m.action(), m.reason());
        return c;
    }

    /** Breakout rooms' entries: rounds and notes are log numbers, members are participants. Null for other kinds. */
    private static Contribution remapRooms(Contribution c, Map<Long, Long> segments, Map<Long, Long> seqs,
            java.util.function.LongUnaryOperator person) {
        if (c instanceof Contribution.RoomsOpened o) {
            List<Contribution.BreakoutRoom> rooms = new ArrayList<>();
            for (var r : o.rooms()) {
                rooms.add(new Contribution.BreakoutRoom(r.number(), r.name(), r.video(),
                        r.members().stream().map(person::applyAsLong).toList()));
            }
            Long segment = o.segmentId() == null ? null : segments.getOrDefault(o.segmentId(), o.segmentId());
            return new Contribution.RoomsOpened(segment, o.strategy(), o.minutes(), rooms);
        }
        if (c instanceof Contribution.RoomMoves m) {
            return new Contribution.RoomMoves(seq(seqs, m.round()), m.moves().stream()
                    .map(x -> new Contribution.RoomMove(person.applyAsLong(x.participantId()), x.fromRoom(), x.toRoom()))
                    .toList(), m.reason());
        }
        if (c instanceof Contribution.RoomNote n) return new Contribution.RoomNote(seq(seqs, n.round()), n.room(), n.text());
        if (c instanceof Contribution.RoomNoteEdited n) return new Contribution.RoomNoteEdited(seq(seqs, n.noteSeq()), n.text());
        if (c instanceof Contribution.RapporteurVolunteered v) {
            return new Contribution.RapporteurVolunteered(seq(seqs, v.round()), v.room());
        }
        if (c instanceof Contribution.RoomMessage m) return new Contribution.RoomMessage(seq(seqs, m.round()), m.room(), m.text());
        if (c instanceof Contribution.RoomsBroadcast b) return new Contribution.RoomsBroadcast(seq(seqs, b.round()), b.text());
        if (c instanceof Contribution.RoomsExtended x) return new Contribution.RoomsExtended(seq(seqs, x.round()), x.minutes());
        if (c instanceof Contribution.RoomsClosed x) return new Contribution.RoomsClosed(seq(seqs, x.round()));
        if (c instanceof Contribution.RoomThemes t) return new Contribution.RoomThemes(seq(seqs, t.round()), t.room(), t.themes());
        return null;
    }

    /** The earlier entry an entry refers to (a question, a round of rooms, a note), if any. */
    static Long reference(Contribution c) {
        if (c instanceof Contribution.Upvote u) return u.questionSeq();
        if (c instanceof Contribution.AnswerStatus st) return st.questionSeq();
        if (c instanceof Contribution.Moderation m) return m.targetSeq();
        if (c instanceof Contribution.RoomMoves m) return m.round();
        if (c instanceof Contribution.RoomNote n) return n.round();
        if (c instanceof Contribution.RoomNoteEdited n) return n.noteSeq();
        if (c instanceof Contribution.RapporteurVolunteered v) return v.round();
        if (c instanceof Contribution.RoomMessage m) return m.round();
        if (c instanceof Contribution.RoomsBroadcast b) return b.round();
        if (c instanceof Contribution.RoomsExtended x) return x.round();
        if (c instanceof Contribution.RoomsClosed x) return x.round();
        if (c instanceof Contribution.RoomThemes t) return t.round();
        return null;
    }

    private static long seq(Map<Long, Long> seqs, long old) {
        Long now = seqs.get(old);
        if (now == null) throw new TransferProblem("log.json: an entry refers to entry " + old + ", which comes later or is missing.");
        return now;
    }

    /** Finds a community the person organises by name, or creates it (for the command line). */
    public long communityNamed(long accountId, String name) {
        for (var m : communities.membershipsOf(accountId)) {
            if (m.community().name().equalsIgnoreCase(name.strip())) return m.community().id();
        }
        return communities.create(accountId, new CommunityService.Details(name.strip(), "", "", "")).id();
    }

    static Invalid invalid(TransferProblem p) {
        return Invalid.field("file", p.getMessage());
    }
}
