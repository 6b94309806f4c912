package app.cairn.demo;

import app.cairn.live.Contribution;
import app.cairn.live.Entry;
import app.cairn.live.LivePlan;
import app.cairn.live.LiveService;
import app.cairn.live.Participant;
import app.cairn.registration.Registration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The live part of the demo: the past conversation as it happened, minute by minute. Most of the
 * people registered joined (a few walked in), answered the ice-breaker poll, introduced
 * themselves, commented and asked questions during the opening perspective (some answered live,
 * some later in the recording), reported back from their rooms, reflected on two prompts and
 * answered the evaluation polls. One comment was hidden by the facilitator and one withdrawn by
 * its author, as happens on the day. What they said is in {@code live-demo.txt}.
 */
final class LiveDemo implements DemoStep {
    private final Random random = new Random(11);

    @Override
    public String name() {
        return "live";
    }

    @Override
    public void load(DemoContext demo) {
        long eventId = demo.recallId("past-event").orElseThrow();
        LiveService live = demo.services().live();
        LivePlan plan = live.plan(eventId);
        Instant start = demo.services().events().find(eventId).orElseThrow().event().start().toInstant();
        Map<String, List<String>> said = said();
        Timeline t = new Timeline(live, eventId, demo.organiserId());

        List<Participant> people = join(demo, live, eventId, start);
        List<Participant> speakers = new ArrayList<>(people);
        java.util.Collections.shuffle(speakers, random);

        // Welcome: the ice-breaker poll and introductions.
        var welcome = segment(plan, "welcome");
        t.at(start).organiser(new Contribution.SegmentStarted(welcome.id(), welcome.minutes(), false));
        var icebreaker = welcome.polls().get(0);
        t.at(start.plusSeconds(120)).organiser(opened(icebreaker));
        for (int i = 0; i < people.size() * 9 / 10; i++) {
            Participant p = people.get(i);
            boolean returning = p.registrationId() != null && random.nextInt(10) < 4;
            t.at(start.plusSeconds(130 + i * 3L)).by(p, new Contribution.Vote(icebreaker.key(), List.of(returning ? 0 : 1), null, null));
        }
        chat(t, said.get("introductions"), speakers, 0, start.plusSeconds(200), 25);
        t.at(start.plusSeconds(560)).organiser(new Contribution.PollClosed(icebreaker.key()));
        t.organiser(new Contribution.PollResultsShown(icebreaker.key(), true));

        // Opening perspective: comments and questions while the host speaks.
        var perspective = segment(plan, "perspective");
        Instant p0 = start.plusSeconds(10 * 60);
        t.at(p0).organiser(new Contribution.SegmentStarted(perspective.id(), perspective.minutes(), false));
        List<Ref> comments = chat(t, said.get("perspective"), speakers, 14, p0.plusSeconds(90), 55);
        List<Ref> questions = new ArrayList<>();
        List<String> asked = said.get("questions");
        for (int i = 0; i < asked.size(); i++) {
            Participant p = speakers.get((30 + i) % speakers.size());
            questions.add(t.at(p0.plusSeconds(180 + i * 120L)).by(p, new Contribution.Message(asked.get(i), true, i % 3 == 1)));
        }
        for (int i = 0; i < questions.size(); i++) {
            int supporters = (int) Math.round(12.0 / (i + 1)) + 1;
            for (int s = 0; s < supporters; s++) {
                Participant p = speakers.get((45 + i * 5 + s) % speakers.size());
                Ref question = questions.get(i);
                t.at(p0.plusSeconds(200 + i * 120L + s * 7L)).by(p, () -> new Contribution.Upvote(question.seq()));
            }
        }
        t.at(p0.plusSeconds(21 * 60)).organiser(answer(questions.get(0), Contribution.Answer.live, null));
        t.at(p0.plusSeconds(23 * 60)).organiser(answer(questions.get(1), Contribution.Answer.live, null));
        // The slides request was personal and off-topic for the record; the facilitator answered it directly.
        Ref slides = comments.get(comments.size() - 1);
        t.at(p0.plusSeconds(24 * 60)).organiser(() -> new Contribution.Moderation(slides.seq(),
                Contribution.ModerationAction.hide, "Answered directly: the slides go out with the pack"));
        int regretted = comments.size() - 6;
        t.by(speakers.get((14 + regretted) % speakers.size()), () -> new Contribution.Moderation(
                comments.get(regretted).seq(), Contribution.ModerationAction.withdraw, null));

        // Breakout rooms: Cairn's rooms beside the video call's, with their notes and themes (RoomsDemo).
        var breakout = segment(plan, "breakout");
        Instant b0 = p0.plusSeconds(25 * 60);
        t.at(b0).organiser(new Contribution.SegmentStarted(breakout.id(), breakout.minutes(), false));
        RoomsDemo.schedule(new RoomsDemo.Schedule() {
            @Override
            public java.util.function.LongSupplier organiser(Instant at, java.util.function.Supplier<Contribution> c) {
                return t.at(at).organiser(c)::seq;
            }

            @Override
            public java.util.function.LongSupplier by(Participant p, Instant at, java.util.function.Supplier<Contribution> c) {
                return t.at(at).by(p, c)::seq;
            }
        }, breakout, people, b0);
        t.at(b0.plusSeconds(35 * 60)).organiser(new Contribution.Announcement("Five minutes left in your rooms."));

        var whole = segment(plan, "whole_group");
        Instant w0 = b0.plusSeconds(40 * 60);
        t.at(w0).organiser(new Contribution.SegmentStarted(whole.id(), whole.minutes(), false));
        chat(t, said.get("whole_group"), speakers, 5, w0.plusSeconds(60), 110);

        // Closing reflections, after a shared silence.
        var reflection = segment(plan, "reflection");
        Instant r0 = w0.plusSeconds(20 * 60);
        t.at(r0).organiser(new Contribution.SegmentStarted(reflection.id(), reflection.minutes(), false));
        t.at(r0.plusSeconds(30)).organiser(new Contribution.SilenceStarted(30));
        int offset = 3;
        for (var prompt : said.entrySet()) {
            if (!prompt.getKey().startsWith("reflection:")) continue;
            String text = prompt.getKey().substring("reflection:".length());
            String key = "r" + offset;
            t.at(r0.plusSeconds(60 + offset * 60L)).organiser(new Contribution.ReflectionOpened(key, text));
            List<String> lines = prompt.getValue();
            for (int i = 0; i < lines.size(); i++) {
                Participant p = speakers.get((offset * 7 + i * 2) % speakers.size());
                t.at(r0.plusSeconds(90 + offset * 60L + i * 15L)).by(p, new Contribution.Reflection(key, lines.get(i), i % 4 == 0));
            }
            offset += 3;
        }

        // Evaluation polls, then the end; two questions were answered later, in the recording.
        var evaluation = segment(plan, "evaluation");
        Instant e0 = r0.plusSeconds(10 * 60);
        t.at(e0).organiser(new Contribution.SegmentStarted(evaluation.id(), evaluation.minutes(), false));
        evaluationPolls(t, evaluation, people, said.get("valued"), e0);
        Instant end = e0.plusSeconds(15 * 60);
        t.at(end).organiser(new Contribution.SessionEnded());
        t.at(end.plusSeconds(2 * 86_400)).organiser(answer(questions.get(2), Contribution.Answer.recording, "48:40"));
        t.organiser(answer(questions.get(3), Contribution.Answer.recording, "1:02:15"));
        t.organiser(answer(questions.get(4), Contribution.Answer.later, null));
        t.write();
    }

    /** Three in four confirmed registrations joined in the ten minutes before the start, and three people walked in. */
    private List<Participant> join(DemoContext demo, LiveService live, long eventId, Instant start) {
        List<Registration> registered = demo.services().registrations().registrations(demo.organiserId(), eventId).stream()
                .filter(r -> r.status() == Registration.Status.CONFIRMED)
                .toList();
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < registered.size(); i++) {
            if (i % 4 == 3) continue;
            Registration r = registered.get(i);
            Instant at = start.minusSeconds(600).plusSeconds(i * 5L);
            people.add(live.recordParticipant(eventId, r.id(), r.name(), r.role(), r.organisationName(), r.sector(),
                    r.email(), at));
        }
        String[][] walkins = {{"Shona Baird", "Carer Support Worker", "Kingdom Carers Centre", "other"},
            {"Ruaridh MacInnes", "Staff Nurse", "NHS Western Isles", "health"},
            {"Agnieszka Nowak", "Senior Care Assistant", "Strathmore Care Homes", "social_care"}};
        for (int i = 0; i < walkins.length; i++) {
            String[] w = walkins[i];
            people.add(live.recordParticipant(eventId, null, w[0], w[1], w[2], w[3], null, start.minusSeconds(120 - i * 30L)));
        }
        return people;
    }

    private void evaluationPolls(Timeline t, LivePlan.Segment evaluation, List<Participant> people, List<String> valued,
            Instant e0) {
        int answered = people.size() * 2 / 3;
        for (int k = 0; k < evaluation.polls().size(); k++) {
            var poll = evaluation.polls().get(k);
            Instant opened = e0.plusSeconds(60 + k * 20L);
            t.at(opened).organiser(opened(poll));
            int texts = 0;
            for (int i = 0; i < answered; i++) {
                Participant p = people.get(i);
                Contribution.Vote vote = switch (poll.kind()) {
                    case rating -> new Contribution.Vote(poll.key(), List.of(), random.nextInt(10) < 6 ? 5 : 4 - random.nextInt(2), null);
                    case open_text, word_cloud -> texts < valued.size()
                            ? new Contribution.Vote(poll.key(), List.of(), null, valued.get(texts++)) : null;
                    default -> new Contribution.Vote(poll.key(), List.of(random.nextInt(20) == 0 ? 1 : 0), null, null);
                };
                if (vote != null) t.at(opened.plusSeconds(20 + i * 4L)).by(p, vote);
            }
        }
        Instant closed = e0.plusSeconds(12 * 60);
        for (var poll : evaluation.polls()) t.at(closed).organiser(new Contribution.PollClosed(poll.key()));
    }

    private static List<Ref> chat(Timeline t, List<String> lines, List<Participant> speakers, int first, Instant from,
            int everySeconds) {
        List<Ref> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Participant p = speakers.get((first + i) % speakers.size());
            entries.add(t.at(from.plusSeconds((long) i * everySeconds)).by(p, new Contribution.Message(lines.get(i), false, false)));
        }
        return entries;
    }

    private static Contribution.PollOpened opened(LivePlan.PlannedPoll poll) {
        return new Contribution.PollOpened(poll.key(), poll.question(), poll.kind(), poll.options(), false);
    }

    private static java.util.function.Supplier<Contribution> answer(Ref question, Contribution.Answer how, String at) {
        return () -> new Contribution.AnswerStatus(question.seq(), how, at);
    }

    private static LivePlan.Segment segment(LivePlan plan, String kind) {
        return plan.segments().stream().filter(s -> s.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo conversation has no " + kind + " segment"));
    }

    /** The sections of live-demo.txt, in order: a heading in brackets, then one contribution a line. */
    static Map<String, List<String>> said() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        var in = LiveDemo.class.getResourceAsStream("live-demo.txt");
        if (in == null) throw new IllegalStateException("live-demo.txt is missing from the jar");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> current = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = new ArrayList<>();
                    sections.put(line.substring(1, line.length() - 1), current);
                } else if (current != null) {
                    current.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }

    /** A contribution scheduled on the timeline; its log entry is known once the timeline is written. */
    static final class Ref {
        private Entry entry;

        long seq() {
            if (entry == null) throw new IllegalStateException("referred to before it happened");
            return entry.seq();
        }
    }

    /**
     * Collects what happened with its time, then appends it all in time order, so the log reads
     * as the session did. A contribution that refers to another (an upvote, an answer) is made
     * when its turn comes, after the one it refers to has its place in the log.
     */
    private static final class Timeline {
        private record Pending(Instant at, int order, Long participantId, Long accountId,
                java.util.function.Supplier<Contribution> what, Ref ref) {}

        private final LiveService live;
        private final long eventId;
        private final long organiserId;
        private final List<Pending> pending = new ArrayList<>();
        private Instant now;

        Timeline(LiveService live, long eventId, long organiserId) {
            this.live = live;
            this.eventId = eventId;
            this.organiserId = organiserId;
        }

        Timeline at(Instant when) {
            now = when;
            return this;
        }

        Ref organiser(Contribution c) {
            return organiser(() -> c);
        }

        Ref organiser(java.util.function.Supplier<Contribution> c) {
            return add(null, organiserId, c);
        }

        Ref by(Participant p, Contribution c) {
            return by(p, () -> c);
        }

        Ref by(Participant p, java.util.function.Supplier<Contribution> c) {
            return add(p.id(), null, c);
        }

        private Ref add(Long participantId, Long accountId, java.util.function.Supplier<Contribution> what) {
            Ref ref = new Ref();
            pending.add(new Pending(now, pending.size(), participantId, accountId, what, ref));
            return ref;
        }

        void write() {
            pending.sort(java.util.Comparator.comparing(Pending::at).thenComparingInt(Pending::order));
            for (Pending p : pending) {
                p.ref().entry = live.record(eventId, p.what().get(), p.participantId(), p.accountId(), p.at(), null);
            }
        }
    }
}
