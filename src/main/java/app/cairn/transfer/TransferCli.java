package app.cairn.transfer;

import app.cairn.account.Account;
import app.cairn.account.AccountService;
import app.cairn.common.Invalid;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.event.EventInput;
import app.cairn.event.EventPlan;
import app.cairn.event.EventService;
import app.cairn.registration.ImportService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the command line's {@code import} and {@code export} do, on services wired without the
 * web server: find (or create) the event, read the files, print the preview, bring them in.
 */
public final class TransferCli {
    private final AccountService accounts;
    private final CommunityService communities;
    private final EventService events;
    private final TransferService transfer;
    private final ArchiveService archives;
    private final ImportService sheets;
    private final PrintWriter out;

    public TransferCli(AccountService accounts, CommunityService communities, EventService events,
            TransferService transfer, ArchiveService archives, ImportService sheets, PrintWriter out) {
        this.accounts = accounts;
        this.communities = communities;
        this.events = events;
        this.transfer = transfer;
        this.archives = archives;
        this.sheets = sheets;
        this.out = out;
    }

    /** How to create the event first ({@code import --create}). */
    public record Create(String title, String starts, String zone, String template, String community) {}

    /** The account the command acts as: the one named, or the instance's first account. */
    public long account(String email) {
        if (email != null) {
            return accounts.byEmail(email).map(Account::id)
                    .orElseThrow(() -> new IllegalArgumentException("no account with the email " + email));
        }
        return accounts.byId(1).map(Account::id).orElseThrow(() -> new IllegalArgumentException(
                "there are no accounts yet: start Cairn, sign up, then run this again (or name one with --as)"));
    }

    /** An event by its id, by "community-slug/event-slug", or by its slug in one of the account's communities. */
    public long event(long accountId, String ref) {
        if (ref.matches("\\d+")) return Long.parseLong(ref);
        if (ref.contains("/")) {
            String[] p = ref.split("/", 2);
            Community c = communities.get(p[0]);
            return events.findBySlug(c.id(), p[1]).orElseThrow(() -> new IllegalArgumentException("no event " + ref))
                    .event().id();
        }
        List<Long> found = new ArrayList<>();
        for (var m : communities.membershipsOf(accountId)) {
            events.findBySlug(m.community().id(), ref).ifPresent(p -> found.add(p.event().id()));
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.isEmpty() ? "no event with the slug " + ref + " in your communities"
                    : "several events have the slug " + ref + ": give community-slug/" + ref + " or the event's id");
        }
        return found.get(0);
    }

    public long create(long accountId, Create c) {
        if (c.title() == null || c.starts() == null || c.community() == null) {
            throw new IllegalArgumentException("--create needs --title, --starts and --community");
        }
        LocalDateTime starts;
        try {
            starts = LocalDateTime.parse(c.starts());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--starts must look like 2021-03-09T10:00");
        }
        long communityId = archives.communityNamed(accountId, c.community());
        EventInput input = new EventInput(c.title(), "", EventInput.DateInput.iso(starts.toLocalDate().toString()),
                starts.toLocalTime().toString().substring(0, 5), c.zone() == null ? "Europe/London" : c.zone(), List.of(),
                "", "", "");
        EventPlan plan = events.create(accountId, communityId,
                c.template() == null ? "community-conversation-2-hours" : c.template(), input);
        out.println("Created the event " + plan.event().id() + " (" + plan.event().slug() + ") in "
                + communities.get(communityId).name() + ".");
        return plan.event().id();
    }

    /** Imports files into an event: archives become new events, sheets of people go through the registration import. */
    public int importFiles(long accountId, Long eventId, String community, List<Path> paths) {
        return importFiles(accountId, eventId, community, paths, Map.of(), java.util.Set.of());
    }

    /** The same, matching senders by name to registrations' emails ({@code matches}) or to hosts. */
    public int importFiles(long accountId, Long eventId, String community, List<Path> paths, Map<String, String> matches,
            java.util.Set<String> hosts) {
        List<TransferService.Upload> files = new ArrayList<>();
        for (Path p : paths) {
            byte[] bytes = read(p);
            String name = p.getFileName().toString();
            if (ArchiveService.isArchive(bytes)) {
                if (community == null) throw new IllegalArgumentException(name + " is an event archive: say which "
                        + "community it goes into with --community");
                var done = archives.importArchive(accountId, archives.communityNamed(accountId, community), bytes);
                out.println(name + ": brought in as the event " + done.eventId() + " (" + done.slug() + "), "
                        + done.registrations() + " registrations, " + done.entries() + " log entries.");
                continue;
            }
            var loaded = TransferService.load(new TransferService.Upload(name, bytes));
            if (loaded.parsed() instanceof Parsed.People) {
                if (eventId == null) throw new IllegalArgumentException(name + " is a sheet of people: give --event");
                long id = sheets.upload(accountId, eventId, name, bytes);
                var preview = sheets.preview(accountId, eventId, id, null);
                var result = sheets.commit(accountId, eventId, id, preview.mapping(), false);
                out.println(name + ": registrations " + result.added() + " added, " + result.updated() + " updated, "
                        + result.bad().size() + " rows with problems.");
                continue;
            }
            files.add(new TransferService.Upload(name, bytes));
        }
        if (files.isEmpty()) return 0;
        if (eventId == null) throw new IllegalArgumentException("give --event, or --create, to bring these files into");
        ImportPlan plan = transfer.preview(accountId, eventId, files, Map.of());
        Map<String, String> choices = transfer.choices(accountId, eventId, plan, matches, hosts);
        if (!choices.isEmpty()) plan = transfer.preview(accountId, eventId, files, choices);
        for (var f : plan.files()) {
            out.println(f.filename() + ": " + (f.problem() != null ? "cannot be read. " + f.problem() : f.label()
                    + (f.alreadyOn() != null ? ", already brought in " + f.alreadyOn() : "")));
        }
        if (plan.blocked()) {
            out.println("Nothing was brought in.");
            return 1;
        }
        for (var s : plan.skipped()) out.println("  skipped " + s.file() + " " + s.where() + ": " + s.reason());
        for (var s : plan.senders()) {
            if (!s.key().startsWith("voter:")) out.println("  sender " + s.name() + ": " + (s.matched()
                    ? "matched to " + s.matchedTo() : s.host() ? "a host (their words are the organiser's)"
                    : "anonymous (match them with --match \"" + s.name() + "=their email\" if you know who they are)"));
        }
        var fb = plan.feedback();
        if (fb.any()) {
            out.println("  feedback: " + fb.responses().size() + " responses (" + fb.matched()
                    + " matched to registrations, the others kept without one)");
            for (var q : fb.questions()) {
                out.println("  feedback question to add: \"" + q.label() + "\" (" + q.kind().label()
                        + (q.choices().isEmpty() ? "" : ": " + String.join(", ", q.choices())) + ")");
            }
            for (String q : fb.reused()) out.println("  feedback question already on the form: \"" + q + "\"");
        }
        try {
            var result = transfer.importFiles(accountId, eventId, files, choices);
            out.println("Brought in " + result.added() + " items, " + result.participants() + " people and "
                    + result.feedbackResponses() + " feedback responses; " + result.skipped() + " skipped.");
            return 0;
        } catch (Invalid e) {
            out.println(String.join(" ", e.fields().values()));
            return 1;
        }
    }

    public void export(long accountId, long eventId, Path to) {
        byte[] zip = archives.export(accountId, eventId);
        try {
            Files.write(to, zip);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + to, e);
        }
        out.println("Wrote " + to + " (" + zip.length / 1024 + " KB).");
    }

    private static byte[] read(Path p) {
        try {
            if (Files.size(p) > ArchiveService.MAX_ARCHIVE) throw new IllegalArgumentException(p + " is larger than 50 MB");
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage());
        }
    }
}
