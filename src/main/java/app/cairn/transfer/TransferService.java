package app.cairn.transfer;

import app.cairn.common.Invalid;
import app.cairn.event.EventPlan;
import app.cairn.event.Host;
import app.cairn.feedback.FeedbackForm;
import app.cairn.feedback.FeedbackService;
import app.cairn.live.Contribution;
import app.cairn.live.Entry;
import app.cairn.live.LiveService;
import app.cairn.registration.Registration;
import app.cairn.registration.RegistrationService;
import app.cairn.transfer.ImportPlan.Item;
import app.cairn.transfer.ImportPlan.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings files from other tools into an event: reads them, previews what would be added and
 * skipped, and on confirm writes the items to the event's live log with their original times.
 * Nothing is written unless every file reads cleanly; each item carries a key made from what it
 * says, so the same file (or the same message in another export) is never added twice.
 */
public final class TransferService {
    private static final Logger log = LoggerFactory.getLogger(TransferService.class);
    public static final int MAX_FILES = 20;

    private final TransferStore store;
    private final RegistrationService registrations;
    private final LiveService live;
    private final FeedbackService feedback;
    private final LongFunction<String> accountName;
    private final Clock clock;

    public TransferService(Jdbi jdbi, RegistrationService registrations, LiveService live, FeedbackService feedback,
            LongFunction<String> accountName, Clock clock) {
        this.store = new TransferStore(jdbi);
        this.registrations = registrations;
        this.live = live;
        this.feedback = feedback;
        this.accountName = accountName;
        this.clock = clock;
    }

    /** A file as uploaded. */
    public record Upload(String filename, byte[] content) {}

    /** What was brought in: log items, people from attendance reports, feedback responses, and what was skipped. */
    public record Result(int added, int participants, int skipped, List<String> files, int feedbackResponses) {}

    // ---- uploads held for the web page

    /** Keeps uploaded files until the organiser confirms; returns the batch that names them. */
    public String hold(long accountId, long eventId, List<Upload> files) {
        registrations.manage(accountId, eventId);
        List<Upload> usable = files.stream().filter(f -> f.content() != null && f.content().length > 0).toList();
        if (usable.isEmpty()) throw Invalid.field("files", "Choose one or more files to bring in");
        if (usable.size() > MAX_FILES) throw Invalid.field("files", "Choose at most " + MAX_FILES + " files at a time");
        store.deleteOlderThan(clock.instant().minus(Duration.ofDays(1)));
        String batch = app.cairn.account.Tokens.newSecret().substring(0, 24);
        for (Upload f : usable) store.insertUpload(batch, eventId, accountId, name(f.filename()), f.content(), clock.instant());
        return batch;
    }

    /** The files held under a batch, for the organiser who uploaded them. */
    public List<Upload> held(long accountId, long eventId, String batch) {
        registrations.manage(accountId, eventId);
        var uploads = store.batch(batch);
        if (uploads.isEmpty() || uploads.stream().anyMatch(u -> u.eventId() != eventId || u.accountId() != accountId)) {
            throw new app.cairn.common.NotFound("These uploads are gone: they are kept for a day. Upload the files again.");
        }
        return uploads.stream().map(u -> new Upload(u.filename(), u.content())).toList();
    }

    public void forget(String batch) {
        store.deleteBatch(batch);
    }

    // ---- preview and import

    /** What importing these files would do, with the organiser's choices for senders ("reg:ID", "host", "anonymous"). */
    public ImportPlan preview(long accountId, long eventId, List<Upload> files, Map<String, String> choices) {
        var managed = registrations.manage(accountId, eventId);
        List<Registration> people = registrations.registrations(accountId, eventId);
        return plan(accountId, managed.plan(), people, files, choices);
    }

    private ImportPlan plan(long accountId, EventPlan plan, List<Registration> people, List<Upload> files,
            Map<String, String> choices) {
        long eventId = plan.event().id();
        List<Planner.Loaded> loaded = new ArrayList<>();
        for (Upload f : files) loaded.add(load(f));
        Set<String> hosts = new HashSet<>();
        for (Host h : plan.event().hosts()) hosts.add(h.name());
        String me = accountName.apply(accountId);
        if (me != null) hosts.add(me);
        boolean segments = live.log(eventId).stream().anyMatch(e -> e.contribution() instanceof Contribution.SegmentStarted);
        var context = new Planner.Context(plan,
                people.stream().filter(r -> r.status() != Registration.Status.CANCELLED)
                        .map(r -> new Planner.Registrant(r.id(), r.name(), r.email())).toList(),
                hosts, store.itemKeys(eventId), store.importedFiles(eventId), segments,
                choices == null ? Map.of() : choices, feedbackForm(eventId));
        return Planner.plan(context, loaded);
    }

    /**
     * Choices for senders named on the command line: "Name=email" matches a sender to the
     * registration with that email, a host's name makes their words the organiser's.
     */
    public Map<String, String> choices(long accountId, long eventId, ImportPlan plan, Map<String, String> matches,
            Set<String> hostNames) {
        Map<String, String> out = new HashMap<>();
        List<Registration> people = registrations.registrations(accountId, eventId);
        for (Sender s : plan.senders()) {
            for (String host : hostNames) if (Names.key(host).equals(Names.key(s.name()))) out.put(s.key(), "host");
            for (var m : matches.entrySet()) {
                if (!Names.key(m.getKey()).equals(Names.key(s.name()))) continue;
                Registration r = people.stream().filter(x -> x.email().equalsIgnoreCase(m.getValue().strip())).findFirst()
                        .orElseThrow(() -> Invalid.field("match", "Nobody registered with the email " + m.getValue()));
                out.put(s.key(), "reg:" + r.id());
            }
        }
        return out;
    }

    static Planner.Loaded load(Upload f) {
        String sha = Planner.hash(f.content());
        try {
            return new Planner.Loaded(name(f.filename()), sha, Formats.read(f.content(), f.filename()), null);
        } catch (TransferProblem p) {
            return new Planner.Loaded(name(f.filename()), sha, null, p.getMessage());
        }
    }

    private FeedbackRows.Form feedbackForm(long eventId) {
        FeedbackForm form = feedback.form(eventId);
        return new FeedbackRows.Form(form.anonymous(), form.questions(), feedback.respondents(eventId));
    }

    /**
     * Imports the files: all of them, or, when any cannot be read, none. Feedback responses and the
     * questions they answer are saved first, in one transaction, so a failure there saves nothing.
     */
    public Result importFiles(long accountId, long eventId, List<Upload> files, Map<String, String> choices) {
        var managed = registrations.manage(accountId, eventId);
        List<Registration> people = registrations.registrations(accountId, eventId);
        ImportPlan plan = plan(accountId, managed.plan(), people, files, choices);
        if (plan.blocked()) {
            var bad = plan.files().stream().filter(f -> f.problem() != null).findFirst().orElseThrow();
            throw Invalid.field("files", bad.filename() + ": " + bad.problem() + " Nothing was brought in.");
        }
        int responses = 0;
        ImportPlan.Feedback fb = plan.feedback();
        if (fb.any()) {
            responses = feedback.bringIn(accountId, eventId, fb.questions().stream()
                    .map(q -> new FeedbackService.NewQuestion(q.kind(), q.label(), q.choices())).toList(),
                    fb.responses().stream().map(r -> new FeedbackService.Brought(r.key(), r.name(), r.recommend(), r.score(),
                            r.valued(), r.better(), r.answers())).toList());
        }
        Map<Long, Registration> byId = new HashMap<>();
        for (Registration r : people) byId.put(r.id(), r);
        Map<String, Sender> senders = new HashMap<>();
        for (Sender s : plan.senders()) senders.put(s.key(), s);
        // People from attendance reports join in time order among the other items, so the log reads as the day went.
        List<ImportPlan.Person> joining = new ArrayList<>(plan.people());
        joining.sort(java.util.Comparator.comparing(ImportPlan.Person::joined));
        int nextPerson = 0;
        Map<String, Long> seqs = new HashMap<>();
        for (Item item : plan.items()) {
            while (nextPerson < joining.size() && !joining.get(nextPerson).joined().isAfter(item.at())) {
                join(eventId, joining.get(nextPerson++), byId);
            }
            Long participantId = null;
            Long accountIdOrNull = null;
            Contribution c = item.contribution();
            if (item.author().organiser()) {
                accountIdOrNull = accountId;
            } else {
                Sender s = senders.get(item.author().senderKey());
                Registration r = s != null && s.matched() ? byId.get(Long.parseLong(s.choice().substring(4))) : null;
                String name = r != null ? r.name() : s != null && s.key().startsWith("voter:") ? s.name() : "Anonymous participant";
                participantId = participant(eventId, r != null ? "reg:" + r.id() : item.author().senderKey(), r, name,
                        null, item.at().minusSeconds(1));
                if (r == null) c = anonymous(c);
            }
            if (c instanceof Contribution.Upvote || c instanceof Contribution.AnswerStatus
                    || c instanceof Contribution.RoomNote || c instanceof Contribution.RoomsClosed) {
                Long target = seqs.get(item.answers());
                if (target == null) continue;
                c = withTarget(c, target);
            }
            Entry e = live.record(eventId, c, participantId, accountIdOrNull, item.at(), item.key());
            seqs.put(item.key(), e.seq());
            store.insertItem(eventId, item.key());
        }
        while (nextPerson < joining.size()) join(eventId, joining.get(nextPerson++), byId);
        List<String> names = new ArrayList<>();
        for (ImportPlan.FileSummary f : plan.files()) {
            if (f.alreadyOn() != null || f.format() == null || f.format() == Format.REGISTRATIONS) continue;
            int added = (int) (plan.items().stream().filter(i -> i.file().equals(f.filename())).count()
                    + fb.responses().stream().filter(r -> r.file().equals(f.filename())).count());
            store.insertImport(eventId, f.sha256(), f.filename(), f.format().name(), added, accountId, clock.instant());
            names.add(f.filename());
        }
        log.info("transfer imported event={} files={} items={} people={} feedback={}", eventId, names.size(),
                plan.items().size(), plan.people().size(), responses);
        return new Result(plan.items().size(), plan.people().size(), plan.skipped().size(), names, responses);
    }

    private void join(long eventId, ImportPlan.Person p, Map<Long, Registration> byId) {
        Registration r = p.registrationId() == null ? null : byId.get(p.registrationId());
        participant(eventId, p.key(), r, p.name(), p.email(), p.joined());
        store.insertItem(eventId, Planner.key("joined", p.key()));
    }

    /** An item that refers to another (a question, a round of rooms) with the log number that one was given. */
    private static Contribution withTarget(Contribution c, long target) {
        if (c instanceof Contribution.Upvote) return new Contribution.Upvote(target);
        if (c instanceof Contribution.AnswerStatus a) return new Contribution.AnswerStatus(target, a.answer(), null);
        if (c instanceof Contribution.RoomNote n) return new Contribution.RoomNote(target, n.room(), n.text());
        if (c instanceof Contribution.RoomsClosed) return new Contribution.RoomsClosed(target);
        return c;
    }

    private static Contribution anonymous(Contribution c) {
        if (c instanceof Contribution.Message m) return new Contribution.Message(m.text(), m.question(), true);
        if (c instanceof Contribution.Reflection r) return new Contribution.Reflection(r.promptKey(), r.text(), true);
        return c;
    }

    /** The participant a sender is (made once per event, then reused). */
    private long participant(long eventId, String key, Registration r, String name, String email, Instant at) {
        Optional<Long> known = store.participant(eventId, key);
        if (known.isPresent()) return known.get();
        var p = r != null
                ? live.recordParticipant(eventId, r.id(), r.name(), r.role(), r.organisationName(), r.sector(), r.email(), at)
                : live.recordParticipant(eventId, null, name, "", "", "", email == null || email.isBlank() ? null : email, at);
        store.insertParticipant(eventId, key, p.id());
        return p.id();
    }

    private static String name(String filename) {
        String n = filename == null || filename.isBlank() ? "upload" : filename.replaceAll("[\\\\/]", "_");
        return n.length() > 200 ? n.substring(0, 200) : n;
    }
}
