package app.cairn.live;

import app.cairn.live.Contribution.PollKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Turns the live state into what a page shows, for one audience: either everything (a page
 * being drawn) or only what changed after a sequence number (a stream update or a reconnect).
 * Votes are never sent one by one: a poll that changed is sent once with its current results.
 */
public final class LiveViews {
    private final LongFunction<Participant> people;
    private final LongFunction<String> organiserNames;

    public LiveViews(LongFunction<Participant> people, LongFunction<String> organiserNames) {
        this.people = people;
        this.organiserNames = organiserNames;
    }

    /** An update for the stream: what changed in (after, seq]. {@code after} 0 gives everything. */
    public record Update(
            long seq,
            Now now,
            List<PollView> polls,
            List<MessageView> messages,
            List<ReflectionView> reflections,
            List<PromptView> prompts,
            RoomsState.Change rooms) {
        /** Without rooms: {@code rooms} says which breakout rooms changed, when any did. */
        public Update(long seq, Now now, List<PollView> polls, List<MessageView> messages,
                List<ReflectionView> reflections, List<PromptView> prompts) {
            this(seq, now, polls, messages, reflections, prompts, null);
        }

        public boolean empty() {
            return now == null && polls.isEmpty() && messages.isEmpty() && reflections.isEmpty() && prompts.isEmpty()
                    && rooms == null;
        }
    }

    /** The run of show as everyone sees it. */
    public record Now(Long segmentId, Instant startedAt, int minutes, boolean ended, Instant silenceStartedAt,
            int silenceSeconds, AnnouncementView announcement, int present, Map<String, Integer> sectors) {}

    public record AnnouncementView(long seq, String text, Instant at) {}

    public record PollView(String key, String question, PollKind kind, List<String> options, boolean open,
            boolean showResults, Results results) {}

    /** Results with their base: how many answered. Counts per option; for ratings the average; words for clouds. */
    public record Results(int answered, List<Integer> counts, Double average, List<WordCount> words, List<String> answers) {}

    public record WordCount(String word, int count) {}

    public record MessageView(long seq, String name, String organisation, String text, boolean question, int upvotes,
            String answer, String recordingAt, Instant at, boolean removed, String hiddenReason, Long participantId,
            Long segmentId) {}

    public record ReflectionView(long seq, String promptKey, String name, String text, boolean removed,
            Long participantId) {}

    public record PromptView(String key, String text) {}

    /** What changed after {@code after}, as {@code audience} may see it. Call under the state's read lock. */
    public Update since(LiveState s, long after, Audience audience) {
        Now now = null;
        if (after == 0 || s.segmentChangedSeq > after || s.presenceChangedSeq > after) now = now(s);
        List<PollView> polls = new ArrayList<>();
        for (LiveState.Poll p : after == 0 ? List.copyOf(s.polls.values()) : s.pollsChangedAfter(after)) {
            polls.add(poll(p, audience));
        }
        List<MessageView> messages = new ArrayList<>();
        for (LiveState.Message m : after == 0 ? List.copyOf(s.messages.values()) : s.messagesChangedAfter(after)) {
            if (!m.visible() && audience != Audience.staff) {
                // Clients that never had it ignore the removal; those that did, drop it.
                if (after > 0 && m.seq <= after) messages.add(removed(m));
                continue;
            }
            messages.add(message(m, audience));
        }
        List<ReflectionView> reflections = new ArrayList<>();
        for (LiveState.Reflection r
                : after == 0 ? List.copyOf(s.reflections.values()) : s.reflectionsChangedAfter(after)) {
            if (!r.visible() && audience != Audience.staff) {
                if (after > 0 && r.seq <= after) reflections.add(new ReflectionView(r.seq, r.promptKey, null, null, true, null));
                continue;
            }
            reflections.add(new ReflectionView(r.seq, r.promptKey, r.anonymous ? null : nameOf(r.participantId),
                    r.text, !r.visible(), audience == Audience.staff ? r.participantId : null));
        }
        List<PromptView> prompts = new ArrayList<>();
        for (LiveState.Prompt p : s.prompts.values()) {
            if (after == 0 || p.seq() > after) prompts.add(new PromptView(p.key(), p.text()));
        }
        RoomsState.Change rooms = s.rooms.changesAfter(after);
        return new Update(s.appliedSeq, now, polls, messages, reflections, prompts, rooms);
    }

    Now now(LiveState s) {
        Map<String, Integer> sectors = new TreeMap<>(s.sectorCounts);
        AnnouncementView a = s.announcement == null ? null
                : new AnnouncementView(s.announcement.seq(), s.announcement.text(), s.announcement.at());
        return new Now(s.segmentId, s.segmentStartedAt, s.segmentMinutes, s.ended, s.silenceStartedAt, s.silenceSeconds,
                a, s.presentCount(), sectors);
    }

    PollView poll(LiveState.Poll p, Audience audience) {
        boolean visible = audience == Audience.staff || p.showResults;
        return new PollView(p.key, p.question, p.kind, p.options, p.open, p.showResults,
                visible ? results(p, audience) : null);
    }

    /** Counts, average and words of a poll. Pure, so the pack can use the same figures. */
    public static Results results(LiveState.Poll p, Audience audience) {
        int answered = p.votes.size();
        switch (p.kind) {
            case single_choice, multiple_choice -> {
                int[] counts = new int[p.options.size()];
                for (Contribution.Vote v : p.votes.values()) {
                    for (int c : v.choices()) if (c >= 0 && c < counts.length) counts[c]++;
                }
                List<Integer> list = new ArrayList<>();
                for (int c : counts) list.add(c);
                return new Results(answered, list, null, List.of(), List.of());
            }
            case rating -> {
                int[] counts = new int[5];
                int sum = 0;
                for (Contribution.Vote v : p.votes.values()) {
                    if (v.rating() != null) {
                        counts[v.rating() - 1]++;
                        sum += v.rating();
                    }
                }
                List<Integer> list = new ArrayList<>();
                for (int c : counts) list.add(c);
                Double avg = answered == 0 ? null : Math.round(sum * 10.0 / answered) / 10.0;
                return new Results(answered, list, avg, List.of(), List.of());
            }
            case word_cloud -> {
                Map<String, Integer> counts = new HashMap<>();
                Map<String, String> display = new HashMap<>();
                for (Contribution.Vote v : p.votes.values()) {
                    if (v.text() == null) continue;
                    String key = v.text().strip().toLowerCase(Locale.ROOT);
                    counts.merge(key, 1, Integer::sum);
                    display.putIfAbsent(key, v.text().strip());
                }
                List<WordCount> words = new ArrayList<>();
                counts.forEach((k, n) -> words.add(new WordCount(display.get(k), n)));
                words.sort(Comparator.comparingInt(WordCount::count).reversed().thenComparing(WordCount::word));
                return new Results(answered, List.of(), null, words.size() > 60 ? words.subList(0, 60) : words, List.of());
            }
            case open_text -> {
                List<String> answers = new ArrayList<>();
                if (audience != Audience.participant) {
                    for (Contribution.Vote v : p.votes.values()) if (v.text() != null) answers.add(v.text());
                }
                return new Results(answered, List.of(), null, List.of(), answers);
            }
            default -> throw new IllegalStateException("unknown poll kind " + p.kind);
        }
    }

    private MessageView message(LiveState.Message m, Audience audience) {
        String name;
        String org = null;
        if (m.accountId != null) {
            name = organiserNames.apply(m.accountId) + " (host)";
        } else if (m.anonymous) {
            name = null;
        } else {
            Participant p = m.participantId == null ? null : people.apply(m.participantId);
            name = p == null ? null : p.name();
            org = p == null || p.organisation().isEmpty() ? null : p.organisation();
        }
        boolean staff = audience == Audience.staff;
        return new MessageView(m.seq, name, org, m.text, m.question, m.upvoters.size(), m.answer.name(), m.recordingAt,
                m.at, !m.visible(), staff ? m.hiddenReason : null, staff ? m.participantId : null, m.segmentId);
    }

    private static MessageView removed(LiveState.Message m) {
        return new MessageView(m.seq, null, null, null, m.question, 0, null, null, null, true, null, null, null);
    }

    private String nameOf(Long participantId) {
        if (participantId == null) return null;
        Participant p = people.apply(participantId);
        return p == null ? null : p.name();
    }

    /** Questions for the host, most supported first, then oldest first. */
    public static List<MessageView> questionQueue(List<MessageView> messages) {
        List<MessageView> q = new ArrayList<>();
        for (MessageView m : messages) if (m.question() && !m.removed()) q.add(m);
        q.sort(Comparator.comparingInt(MessageView::upvotes).reversed().thenComparingLong(MessageView::seq));
        return q;
    }
}
