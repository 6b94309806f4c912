package app.cairn.transfer;

import app.cairn.event.EventPlan;
import app.cairn.event.Schedule;
import app.cairn.event.Segment;
import app.cairn.event.SegmentKind;
import app.cairn.live.Contribution;
import app.cairn.live.Contribution.PollKind;
import app.cairn.transfer.ImportPlan.Author;
import app.cairn.transfer.ImportPlan.FileSummary;
import app.cairn.transfer.ImportPlan.Item;
import app.cairn.transfer.ImportPlan.Person;
import app.cairn.transfer.ImportPlan.Sender;
import app.cairn.transfer.ImportPlan.Skipped;
import app.cairn.transfer.Parsed.ChatLine;
import app.cairn.transfer.Parsed.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns files that were read into an {@link ImportPlan} for one event: places each chat message
 * in the agenda's segment by its time, turns the answers after a facilitator's prompt into
 * reflections, matches senders to registrations, and skips (saying why) what is not a public
 * contribution or was brought in before. Pure: it reads nothing and saves nothing.
 */
final class Planner {
    static final int MAX_TEXT = 2_000;
    static final int MAX_VOTES_PER_POLL = 2_000;

    /** A registration as the planner needs it. */
    record Registrant(long id, String name, String email) {}

    /** An uploaded file, read (or not). */
    record Loaded(String filename, String sha256, Parsed parsed, String problem) {}

    /** What the planner knows of the event: {@code feedback} is what its feedback form has already. */
    record Context(EventPlan plan, List<Registrant> registrants, Set<String> hostNames, Set<String> existingKeys,
            Map<String, String> importedFiles, boolean logHasSegments, Map<String, String> choices,
            FeedbackRows.Form feedback) {
        Context(EventPlan plan, List<Registrant> registrants, Set<String> hostNames, Set<String> existingKeys,
                Map<String, String> importedFiles, boolean logHasSegments, Map<String, String> choices) {
            this(plan, registrants, hostNames, existingKeys, importedFiles, logHasSegments, choices, FeedbackRows.Form.NONE);
        }
    }

    private final Context context;
    private final Schedule schedule;
    private final List<Segment> segments;
    private final List<Item> items = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final Map<String, SenderDraft> senders = new LinkedHashMap<>();
    private final List<Person> people = new ArrayList<>();
    private final Map<String, Integer> seenKeys = new java.util.HashMap<>();
    private final FeedbackRows feedback;
    private int reactions;

    private Planner(Context context) {
        this.context = context;
        this.schedule = context.plan().schedule();
        this.segments = context.plan().segments();
        this.feedback = new FeedbackRows(context.feedback() == null ? FeedbackRows.Form.NONE : context.feedback(),
                this::match, skipped);
    }

    static ImportPlan plan(Context context, List<Loaded> files) {
        return new Planner(context).run(files);
    }

    private ImportPlan run(List<Loaded> files) {
        List<FileSummary> summaries = new ArrayList<>();
        Map<String, Boolean> batch = new java.util.HashMap<>();
        for (Loaded f : files) {
            String already = context.importedFiles().get(f.sha256());
            if (batch.put(f.sha256(), true) != null) already = "earlier in this upload";
            Format format = f.parsed() == null ? null : f.parsed().format();
            summaries.add(new FileSummary(f.filename(), f.sha256(), format, f.problem(), already));
            if (f.problem() != null) continue;
            if (already != null) {
                skipped.add(new Skipped(f.filename(), "whole file", "Already brought in (" + already + ")."));
                continue;
            }
            Parsed p = f.parsed();
            if (p instanceof Parsed.Chat c) chat(f.filename(), c);
            else if (p instanceof Parsed.Attendance a) attendance(f.filename(), a);
            else if (p instanceof Parsed.Notes n) notes(f.filename(), n);
            else if (p instanceof Parsed.Results r) results(f.filename(), r);
            else if (p instanceof Parsed.Feedback fb) feedback.add(f.filename(), f.sha256(), fb);
            else if (p instanceof Parsed.People) {
                skipped.add(new Skipped(f.filename(), "whole file", "A sheet of people: it goes through the "
                        + "registration import, where you check how its columns are matched."));
            }
        }
        boolean any = !items.isEmpty();
        if (any && !context.logHasSegments()) segmentStarts();
        items.sort(Comparator.comparing(Item::at));
        List<Sender> out = new ArrayList<>();
        for (SenderDraft d : senders.values()) out.add(d.finish());
        return new ImportPlan(summaries, items, skipped, out, people, reactions, feedback.finish());
    }

    // ---- chats

    private void chat(String file, Parsed.Chat chat) {
        String promptKey = null;
        int promptSegment = -1;
        for (ChatLine l : chat.lines()) {
            String where = "line " + l.line();
            if (l.kind() == Kind.DIRECT) {
                skipped.add(new Skipped(file, where, "A direct message to one person: never made public."));
                continue;
            }
            if (l.kind() == Kind.REACTION) {
                reactions++;
                continue;
            }
            if (l.text().isBlank()) {
                skipped.add(new Skipped(file, where, "An empty message."));
                continue;
            }
            if (l.text().length() > MAX_TEXT) {
                skipped.add(new Skipped(file, where, "Longer than " + MAX_TEXT + " characters."));
                continue;
            }
            Instant at = at(l.time(), l.elapsed());
            int segment = segmentAt(at);
            String senderKey = senderKey(l.sender(), null);
            boolean host = isHost(l.sender(), senderKey);
            SenderDraft draft = sender(senderKey, l.sender(), null);
            if (host) {
                draft.host = true;
                draft.items++;
            }
            String agendaPrompt = agendaPrompt(l.text());
            if ((host && (agendaPrompt != null || promptLike(l.text())))
                    || (agendaPrompt != null && segments.get(segment).kind() == SegmentKind.REFLECTION)) {
                String text = agendaPrompt != null ? agendaPrompt : l.text();
                promptKey = "r" + Math.abs(text.hashCode());
                promptSegment = segment;
                add(file, where, at, Author.ORGANISER, new Contribution.ReflectionOpened(promptKey, text), segment,
                        "prompt", text, null);
                continue;
            }
            if (host) promptKey = null;
            if (promptKey != null && segment != promptSegment) promptKey = null;
            Author author = host ? Author.ORGANISER : Author.sender(senderKey);
            if (promptKey != null) {
                add(file, where, at, author, new Contribution.Reflection(promptKey, l.text(), false), segment,
                        "reflection", l.text(), null);
            } else {
                add(file, where, at, author, new Contribution.Message(l.text(), false, false), segment, "message",
                        l.text(), null);
            }
        }
    }

    /** Words a facilitator uses to ask for reflections. */
    static boolean promptLike(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        boolean asks = t.endsWith("?") || t.endsWith("...") || t.endsWith("…") || t.endsWith(":");
        return asks && (t.contains("reflection") || t.contains("take away") || t.contains("takeaway")
                || t.contains("one word") || t.contains("one thing") || t.contains("step") || t.contains("will you do"));
    }

    /** The agenda's reflection prompt this text asks, if any. */
    private String agendaPrompt(String text) {
        String t = Names.key(text);
        if (t.length() < 8) return null;
        for (Segment s : segments) {
            if (s.kind() != SegmentKind.REFLECTION) continue;
            for (String p : s.prompts()) {
                String k = Names.key(p);
                if (!k.isEmpty() && (t.contains(k) || k.contains(t) && t.length() * 2 > k.length())) return p;
            }
        }
        return null;
    }

    // ---- attendance

    private void attendance(String file, Parsed.Attendance report) {
        for (Parsed.Attendee a : report.people()) {
            String where = "row " + a.row();
            String key = senderKey(a.name(), a.email());
            if (a.organiser() || isHost(a.name(), key)) {
                skipped.add(new Skipped(file, where, Names.display(a.name()) + " ran the meeting (" + a.role() + ")."));
                continue;
            }
            Registrant r = match(a.name(), a.email());
            Instant joined = a.joined() == null ? schedule.start().toInstant() : at(a.joined(), false);
            String itemKey = key("joined", key);
            if (context.existingKeys().contains(itemKey)) {
                skipped.add(new Skipped(file, where, Names.display(a.name()) + " was brought in before."));
                continue;
            }
            people.add(new Person(key, Names.display(a.name()), a.email(), r == null ? null : r.id(), joined, file, where));
        }
    }

    // ---- breakout notes

    /** Notes become a round of breakout rooms (opened, a note per paragraph or bullet, closed) in the breakout segment. */
    private void notes(String file, Parsed.Notes notes) {
        int segment = indexOf(SegmentKind.BREAKOUT);
        Schedule.Slot slot = schedule.slots().get(segment);
        Segment breakout = segments.get(segment);
        List<Contribution.BreakoutRoom> rooms = new ArrayList<>();
        for (int i = 0; i < notes.rooms().size(); i++) {
            rooms.add(new Contribution.BreakoutRoom(i + 1, shorten(notes.rooms().get(i).name(), 80), "", List.of()));
        }
        String names = String.join(", ", rooms.stream().map(Contribution.BreakoutRoom::name).toList());
        String round = add(file, "line " + notes.rooms().get(0).line(), slot.start().toInstant().plusSeconds(1),
                Author.ORGANISER, new Contribution.RoomsOpened(breakout.id(), "by_hand", breakout.minutes(), rooms), segment,
                "rooms", names, null);
        if (round == null) return;
        Instant at = slot.end().toInstant().minusSeconds(60);
        for (int i = 0; i < notes.rooms().size(); i++) {
            Parsed.Room room = notes.rooms().get(i);
            if (room.notes().isEmpty()) {
                skipped.add(new Skipped(file, "line " + room.line(), room.name() + " has no notes."));
                continue;
            }
            for (String note : room.notes()) {
                if (note.length() > MAX_TEXT) {
                    skipped.add(new Skipped(file, "line " + room.line(), "A note longer than " + MAX_TEXT + " characters."));
                    continue;
                }
                add(file, "line " + room.line(), at, Author.ORGANISER, new Contribution.RoomNote(-1, i + 1, note), segment,
                        "room note", room.name() + ": " + note, round);
            }
        }
        add(file, "end of notes", slot.end().toInstant().minusSeconds(1), Author.ORGANISER, new Contribution.RoomsClosed(-1),
                segment, "rooms closed", names, round);
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    // ---- polls and Q&A

    private void results(String file, Parsed.Results results) {
        for (Parsed.PollResult poll : results.polls()) poll(file, results.format(), poll);
        int segment = indexOf(SegmentKind.PERSPECTIVE);
        Instant base = schedule.slots().get(segment).start().toInstant().plusSeconds(120);
        int n = 0;
        for (Parsed.Question q : results.questions()) {
            String where = "row " + q.row();
            if (q.text().length() > MAX_TEXT) {
                skipped.add(new Skipped(file, where, "Longer than " + MAX_TEXT + " characters."));
                continue;
            }
            Instant at = base.plusSeconds(30L * n++);
            boolean anonymous = q.author().isBlank() || q.author().equalsIgnoreCase("anonymous");
            Author author = anonymous ? Author.sender(voterKey(0)) : Author.sender(sender(senderKey(q.author(), null),
                    q.author(), null).key);
            if (anonymous) voter(0);
            String key = add(file, where, at, author, new Contribution.Message(q.text(), true, anonymous), segment,
                    "question", q.text(), null);
            if (key == null) continue;
            for (int u = 1; u <= Math.min(q.upvotes(), MAX_VOTES_PER_POLL); u++) {
                voter(u);
                add(file, where, at.plusMillis(u), Author.sender(voterKey(u)), new Contribution.Upvote(-1), segment,
                        "upvote", q.text(), key);
            }
            if (q.answered()) {
                add(file, where, at.plusSeconds(10), Author.ORGANISER,
                        new Contribution.AnswerStatus(-1, Contribution.Answer.live, null), segment, "answered", q.text(), key);
            }
        }
    }

    private void poll(String file, Format format, Parsed.PollResult poll) {
        String where = "row " + poll.row();
        if (poll.votes() > MAX_VOTES_PER_POLL) {
            skipped.add(new Skipped(file, where, "\"" + poll.question() + "\" has more than " + MAX_VOTES_PER_POLL
                    + " votes: too many to bring in one by one."));
            return;
        }
        var planned = plannedPoll(poll.question());
        int segment = planned == null ? indexOf(poll.kind() == PollKind.rating ? SegmentKind.EVALUATION : SegmentKind.WELCOME)
                : planned[0];
        String pollKey = planned == null ? "i" + hash(format + "|" + poll.question()).substring(0, 12)
                : "p" + segments.get(planned[0]).polls().get(planned[1]).id();
        Instant at = schedule.slots().get(segment).start().toInstant().plusSeconds(60 + 5L * items.size() % 600);
        boolean choices = poll.kind() == PollKind.single_choice || poll.kind() == PollKind.multiple_choice;
        List<String> options = choices ? poll.options().stream().map(Parsed.Option::text).toList() : List.of();
        String opened = add(file, where, at, Author.ORGANISER, new Contribution.PollOpened(pollKey, poll.question(),
                poll.kind(), options, false), segment, "poll", poll.question(), null);
        if (opened == null) return;
        int voter = 0;
        for (int o = 0; o < poll.options().size(); o++) {
            Parsed.Option option = poll.options().get(o);
            for (int v = 0; v < option.votes(); v++) {
                voter++;
                voter(voter);
                Contribution.Vote vote;
                if (choices) vote = new Contribution.Vote(pollKey, List.of(o), null, null);
                else if (poll.kind() == PollKind.rating) vote = new Contribution.Vote(pollKey, List.of(), rating(option.text()),
                        null);
                else vote = new Contribution.Vote(pollKey, List.of(), null, option.text());
                if (poll.kind() == PollKind.rating && vote.rating() == null) {
                    skipped.add(new Skipped(file, where, "\"" + option.text() + "\" is not a rating from 1 to 5."));
                    break;
                }
                add(file, where, at.plusMillis(voter), Author.sender(voterKey(voter)), vote, segment, "vote",
                        option.text(), opened + "#" + voter);
            }
        }
        add(file, where, at.plusSeconds(59), Author.ORGANISER, new Contribution.PollClosed(pollKey), segment,
                "poll closed", poll.question(), opened);
    }

    private static Integer rating(String s) {
        try {
            int r = (int) Double.parseDouble(s.strip());
            return r >= 1 && r <= 10 ? r : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The agenda poll asking this question: {segment index, poll index}, or null. */
    private int[] plannedPoll(String question) {
        String q = Names.key(question);
        for (int s = 0; s < segments.size(); s++) {
            for (int p = 0; p < segments.get(s).polls().size(); p++) {
                if (Names.key(segments.get(s).polls().get(p).question()).equals(q)) return new int[] {s, p};
            }
        }
        return null;
    }

    // ---- segments

    private void segmentStarts() {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            add("agenda", s.title(), schedule.slots().get(i).start().toInstant(), Author.ORGANISER,
                    new Contribution.SegmentStarted(s.id(), s.minutes(), false), i, "segment", s.title(), null);
        }
        Instant end = schedule.end().toInstant();
        add("agenda", "end", end, Author.ORGANISER, new Contribution.SessionEnded(), segments.size() - 1, "segment", "End",
                null);
    }

    private Instant at(LocalTime time, boolean elapsed) {
        ZonedDateTime start = schedule.start();
        if (elapsed) return start.plus(Duration.ofSeconds(time.toSecondOfDay())).toInstant();
        return ZonedDateTime.of(start.toLocalDate(), time, start.getZone()).toInstant();
    }

    private int segmentAt(Instant at) {
        List<Schedule.Slot> slots = schedule.slots();
        for (int i = 0; i < slots.size(); i++) if (at.isBefore(slots.get(i).end().toInstant())) return i;
        return slots.size() - 1;
    }

    private int indexOf(SegmentKind kind) {
        for (int i = 0; i < segments.size(); i++) if (segments.get(i).kind() == kind) return i;
        return 0;
    }

    // ---- items and senders

    /** Adds an item unless it was brought in before; returns its key, or null when skipped. */
    private String add(String file, String where, Instant at, Author author, Contribution c, int segment, String kind,
            String text, String answers) {
        String base = hash(kind + "|" + at + "|" + (author.senderKey() == null ? "" : author.senderKey()) + "|" + text
                + "|" + (answers == null ? "" : answers));
        int n = seenKeys.merge(base, 1, Integer::sum);
        String key = "x" + hash(base + "#" + n).substring(0, 40);
        if (context.existingKeys().contains(key)) {
            skipped.add(new Skipped(file, where, "Already brought in: " + ZoomChat.shorten(text)));
            return null;
        }
        items.add(new Item(key, at, file, where, author, c, segments.isEmpty() ? "" : segments.get(segment).title(), kind,
                text, answers));
        if (author.senderKey() != null && senders.containsKey(author.senderKey())) senders.get(author.senderKey()).items++;
        return key;
    }

    static String key(String kind, String text) {
        return "x" + hash(kind + "|" + text).substring(0, 40);
    }

    private String senderKey(String name, String email) {
        if (email != null && !email.isBlank()) {
            Registrant r = match(name, email);
            if (r != null) return "reg:" + r.id();
        }
        Registrant r = match(name, null);
        if (r != null) return "reg:" + r.id();
        return "name:" + Names.key(name);
    }

    private boolean isHost(String name, String senderKey) {
        String choice = context.choices().get(senderKey);
        if (choice != null) return choice.equals("host");
        return context.hostNames().stream().map(Names::key).anyMatch(h -> !h.isEmpty() && h.equals(Names.key(name)));
    }

    private SenderDraft sender(String key, String name, String email) {
        return senders.computeIfAbsent(key, k -> new SenderDraft(k, Names.display(name), email));
    }

    static String voterKey(int n) {
        return "voter:" + n;
    }

    private void voter(int n) {
        senders.computeIfAbsent(voterKey(n), k -> new SenderDraft(k, "Poll voter " + n, null));
    }

    private Registrant match(String name, String email) {
        if (email != null && !email.isBlank()) {
            for (Registrant r : context.registrants()) if (r.email() != null && r.email().equalsIgnoreCase(email.strip())) return r;
        }
        String k = Names.key(name);
        if (k.isEmpty()) return null;
        Registrant found = null;
        for (Registrant r : context.registrants()) {
            if (Names.key(r.name()).equals(k)) {
                if (found != null) return null; // two people of that name: the organiser chooses
                found = r;
            }
        }
        return found;
    }

    private Registrant byId(long id) {
        return context.registrants().stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }

    private final class SenderDraft {
        final String key;
        final String name;
        final String email;
        int items;
        boolean host;

        SenderDraft(String key, String name, String email) {
            this.key = key;
            this.name = name;
            this.email = email;
        }

        Sender finish() {
            String chosen = context.choices().get(key);
            if (key.startsWith("voter:")) return new Sender(key, name, email, "anonymous", "", items, false);
            if (chosen != null && chosen.startsWith("reg:")) {
                Registrant r = byId(Long.parseLong(chosen.substring(4)));
                if (r != null) return new Sender(key, name, email, chosen, r.name(), items, false);
            }
            if (chosen != null && (chosen.equals("anonymous") || chosen.equals("host"))) {
                return new Sender(key, name, email, chosen, "", items, false);
            }
            if (host) return new Sender(key, name, email, "host", "", items, true);
            if (key.startsWith("reg:")) {
                Registrant r = byId(Long.parseLong(key.substring(4)));
                return new Sender(key, name, email, key, r == null ? "" : r.name(), items, true);
            }
            return new Sender(key, name, email, "anonymous", "", items, false);
        }
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
