package app.cairn.live;

import app.cairn.live.Contribution.Answer;
import app.cairn.live.Contribution.PollKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The live state of one event, a projection of its log: the running segment, polls and their
 * votes, messages and questions, reflections. Rebuilt by replaying the log; every item
 * remembers the sequence number that last changed it, so a stream can send exactly what a
 * client has not seen yet. Mutated only by the {@link Sequencer} under the write lock.
 */
public final class LiveState {
    final long eventId;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    long appliedSeq;

    // Run of show
    Long segmentId;
    Instant segmentStartedAt;
    int segmentMinutes;
    long segmentChangedSeq;
    boolean ended;
    Instant silenceStartedAt;
    int silenceSeconds;
    Announcement announcement;

    final Map<String, Poll> polls = new LinkedHashMap<>();
    final Map<Long, Message> messages = new LinkedHashMap<>();
    final Map<String, Prompt> prompts = new LinkedHashMap<>();
    final Map<Long, Reflection> reflections = new LinkedHashMap<>();
    final Map<Long, String> presentSectors = new HashMap<>();
    /** How many present people are in each sector ("unknown" for none given), kept as people join. */
    final Map<String, Integer> sectorCounts = new java.util.TreeMap<>();
    long presenceChangedSeq;
    /** The last entry that changed anything but who is present: later ones only move the count. */
    long otherChangedSeq;
    final RoomsState rooms = new RoomsState();

    LiveState(long eventId) {
        this.eventId = eventId;
    }

    /** A facilitator's message to everyone. */
    record Announcement(long seq, String text, Instant at) {}

    /** A poll and everyone's current vote. */
    static final class Poll {
        final String key;
        final String question;
        final PollKind kind;
        final List<String> options;
        final long openedSeq;
        boolean open = true;
        boolean showResults;
        long changedSeq;
        final Map<Long, Contribution.Vote> votes = new LinkedHashMap<>();

        Poll(String key, String question, PollKind kind, List<String> options, long openedSeq, boolean showResults) {
            this.key = key;
            this.question = question;
            this.kind = kind;
            this.options = List.copyOf(options);
            this.openedSeq = openedSeq;
            this.showResults = showResults;
            this.changedSeq = openedSeq;
        }
    }

    /** A chat message or question, with its support and how it was answered. */
    static final class Message {
        final long seq;
        final Long participantId;
        final Long accountId;
        final String text;
        final boolean question;
        final boolean anonymous;
        final Instant at;
        final Long segmentId;
        final Set<Long> upvoters = new HashSet<>();
        Answer answer = Answer.unanswered;
        String recordingAt;
        boolean hidden;
        String hiddenReason;
        boolean withdrawn;
        long changedSeq;

        Message(Entry e, Contribution.Message m, Long segmentId) {
            this.seq = e.seq();
            this.participantId = e.participantId();
            this.accountId = e.accountId();
            this.text = m.text();
            this.question = m.question();
            this.anonymous = m.anonymous();
            this.at = e.at();
            this.segmentId = segmentId;
            this.changedSeq = e.seq();
        }

        boolean visible() {
            return !hidden && !withdrawn;
        }
    }

    /** A reflection prompt opened on everyone's screen. */
    record Prompt(String key, String text, long seq) {}

    /** One person's reflection. */
    static final class Reflection {
        final long seq;
        final String promptKey;
        final Long participantId;
        final String text;
        final boolean anonymous;
        boolean hidden;
        boolean withdrawn;
        long changedSeq;

        Reflection(Entry e, Contribution.Reflection r) {
            this.seq = e.seq();
            this.promptKey = r.promptKey();
            this.participantId = e.participantId();
            this.text = r.text();
            this.anonymous = r.anonymous();
            this.changedSeq = e.seq();
        }

        boolean visible() {
            return !hidden && !withdrawn;
        }
    }

    /** Applies one committed (or about to be committed) entry. Entries must come in sequence order. */
    void apply(Entry e) {
        if (e.seq() != appliedSeq + 1) {
            throw new IllegalStateException("event " + eventId + " expected seq " + (appliedSeq + 1) + " got " + e.seq());
        }
        appliedSeq = e.seq();
        Contribution c = e.contribution();
        if (!(c instanceof Contribution.Joined)) otherChangedSeq = e.seq();
        if (c instanceof Contribution.SegmentStarted s) {
            segmentId = s.segmentId();
            segmentStartedAt = e.at();
            segmentMinutes = s.plannedMinutes();
            segmentChangedSeq = e.seq();
            silenceStartedAt = null;
            ended = false;
        } else if (c instanceof Contribution.SegmentExtended x) {
            if (segmentId != null && x.segmentId() == segmentId) segmentMinutes += x.minutes();
            segmentChangedSeq = e.seq();
        } else if (c instanceof Contribution.SessionEnded) {
            ended = true;
            segmentChangedSeq = e.seq();
            for (Poll p : polls.values()) {
                if (p.open) {
                    p.open = false;
                    p.changedSeq = e.seq();
                }
            }
        } else if (c instanceof Contribution.SilenceStarted s) {
            silenceStartedAt = e.at();
            silenceSeconds = s.seconds();
            segmentChangedSeq = e.seq();
        } else if (c instanceof Contribution.Announcement a) {
            announcement = new Announcement(e.seq(), a.text(), e.at());
            segmentChangedSeq = e.seq();
        } else if (c instanceof Contribution.PollOpened p) {
            Poll existing = polls.get(p.pollKey());
            if (existing != null) {
                existing.open = true;
                existing.changedSeq = e.seq();
            } else {
                polls.put(p.pollKey(), new Poll(p.pollKey(), p.question(), p.pollKind(), p.options(), e.seq(), p.showResults()));
            }
        } else if (c instanceof Contribution.PollClosed p) {
            Poll poll = polls.get(p.pollKey());
            if (poll != null) {
                poll.open = false;
                poll.changedSeq = e.seq();
            }
        } else if (c instanceof Contribution.PollResultsShown p) {
            Poll poll = polls.get(p.pollKey());
            if (poll != null) {
                poll.showResults = p.shown();
                poll.changedSeq = e.seq();
            }
        } else if (c instanceof Contribution.Vote v) {
            Poll poll = polls.get(v.pollKey());
            // Votes on a closed poll are refused before they reach the log; this also guards replay.
            if (poll != null && poll.open && e.participantId() != null) {
                poll.votes.put(e.participantId(), v);
                poll.changedSeq = e.seq();
            }
        } else if (c instanceof Contribution.Message m) {
            messages.put(e.seq(), new Message(e, m, segmentId));
        } else if (c instanceof Contribution.Upvote u) {
            Message q = messages.get(u.questionSeq());
            if (q != null && e.participantId() != null && q.upvoters.add(e.participantId())) q.changedSeq = e.seq();
        } else if (c instanceof Contribution.AnswerStatus a) {
            Message q = messages.get(a.questionSeq());
            if (q != null) {
                q.answer = a.answer();
                q.recordingAt = a.recordingAt();
                q.changedSeq = e.seq();
            }
        } else if (c instanceof Contribution.ReflectionOpened r) {
            prompts.put(r.promptKey(), new Prompt(r.promptKey(), r.prompt(), e.seq()));
            segmentChangedSeq = e.seq();
        } else if (c instanceof Contribution.Reflection r) {
            reflections.put(e.seq(), new Reflection(e, r));
        } else if (c instanceof Contribution.Moderation m) {
            moderate(m, e);
        } else if (c instanceof Contribution.Joined j) {
            if (e.participantId() != null) {
                String sector = j.sector() == null ? "" : j.sector();
                String before = presentSectors.put(e.participantId(), sector);
                if (before != null) sectorCounts.computeIfPresent(before.isEmpty() ? "unknown" : before, (k, n) -> n > 1 ? n - 1 : null);
                sectorCounts.merge(sector.isEmpty() ? "unknown" : sector, 1, Integer::sum);
                presenceChangedSeq = e.seq();
            }
        } else if (!rooms.apply(e)) {
            throw new IllegalStateException("no projection for " + c.getClass().getSimpleName());
        }
    }

    private void moderate(Contribution.Moderation m, Entry e) {
        Message msg = messages.get(m.targetSeq());
        if (msg != null) {
            switch (m.action()) {
                case hide -> {
                    msg.hidden = true;
                    msg.hiddenReason = m.reason();
                }
                case unhide -> msg.hidden = false;
                case withdraw -> msg.withdrawn = true;
                default -> throw new IllegalStateException("unknown moderation " + m.action());
            }
            msg.changedSeq = e.seq();
            return;
        }
        Reflection r = reflections.get(m.targetSeq());
        if (r != null) {
            switch (m.action()) {
                case hide -> r.hidden = true;
                case unhide -> r.hidden = false;
                case withdraw -> r.withdrawn = true;
            }
            r.changedSeq = e.seq();
        }
    }

    /** Runs {@code reader} under the read lock: how features outside live (the pack) read a consistent state. */
    public <T> T read(java.util.function.Function<LiveState, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    // Read helpers used by checks and views (callers hold the read or write lock).

    /** The breakout rooms (read under the lock, or in a sequencer check). */
    public RoomsState rooms() {
        return rooms;
    }

    /** The last sequence number applied. */
    public long seq() {
        return appliedSeq;
    }

    /** The segment running now, if any. */
    public java.util.Optional<Long> segmentId() {
        return java.util.Optional.ofNullable(segmentId);
    }

    Poll poll(String key) {
        return polls.get(key);
    }

    Message message(long seq) {
        return messages.get(seq);
    }

    List<Message> messagesChangedAfter(long seq) {
        List<Message> out = new ArrayList<>();
        for (Message m : messages.values()) if (m.changedSeq > seq) out.add(m);
        return out;
    }

    List<Reflection> reflectionsChangedAfter(long seq) {
        List<Reflection> out = new ArrayList<>();
        for (Reflection r : reflections.values()) if (r.changedSeq > seq) out.add(r);
        return out;
    }

    List<Poll> pollsChangedAfter(long seq) {
        List<Poll> out = new ArrayList<>();
        for (Poll p : polls.values()) if (p.changedSeq > seq) out.add(p);
        return out;
    }

    int presentCount() {
        return presentSectors.size();
    }
}
