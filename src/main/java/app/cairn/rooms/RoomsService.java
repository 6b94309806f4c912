package app.cairn.rooms;

import app.cairn.common.Invalid;
import app.cairn.live.Contribution;
import app.cairn.live.Entry;
import app.cairn.live.LivePlan;
import app.cairn.live.LiveService;
import app.cairn.live.LiveState;
import app.cairn.live.Participant;
import app.cairn.live.RoomsState;
import app.cairn.live.Sequencer.Author;
import app.cairn.rooms.RoomAssigner.Constraints;
import app.cairn.rooms.RoomAssigner.Sizing;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operations of breakout rooms: opening them with an assignment strategy, moving people,
 * notes, chat, rapporteurs, broadcasts, more time, closing and themes. Each is a contribution
 * appended to the event's log with a check against the rooms as they then stand, so two
 * facilitators acting at once never both win.
 */
public final class RoomsService {
    public static final int MAX_NOTE = 2_000;
    public static final int MAX_CHAT = 1_000;
    public static final int MAX_THEME = 150;

    private final LiveService live;
    private final History history;
    private final Answers answers;
    private final Clock clock;

    /** Who shared a room with whom at a community's earlier conversations (for meeting new people). */
    public interface History {
        Set<RoomAssigner.Pair> metBefore(long eventId, List<Participant> people);
    }

    /** Each participant's answer to a registration question, by participant id. */
    public interface Answers {
        Map<Long, String> answers(long accountId, long eventId, long questionId, List<Participant> people);

        /** The event's registration questions people can be grouped by: id and label. */
        Map<Long, String> questions(long accountId, long eventId);
    }

    Map<Long, String> questions(long accountId, long eventId) {
        return answers.questions(accountId, eventId);
    }

    public RoomsService(LiveService live, History history, Answers answers, Clock clock) {
        this.live = live;
        this.history = history;
        this.answers = answers;
        this.clock = clock;
    }

    /** What a facilitator chooses when opening rooms. Video: a template with {event} and {room}, or one line per room. */
    public record Opening(Strategy strategy, Integer roomSize, Integer roomCount, Long segmentId, Integer minutes,
            String videoTemplate, List<String> videoPerRoom, Long questionId, List<Set<Long>> together,
            List<Set<Long>> apart, Long seed) {}

    public Entry open(long eventId, long accountId, Opening o) {
        LivePlan plan = live.plan(eventId);
        List<Participant> people = live.participants(eventId);
        Strategy strategy = o.strategy() == null ? Strategy.mixed : o.strategy();
        Sizing sizing = o.roomCount() != null ? Sizing.ofCount(o.roomCount())
                : Sizing.ofSize(o.roomSize() == null ? 5 : o.roomSize());
        Long segmentId = segment(plan, eventId, o.segmentId());
        int minutes = o.minutes() != null ? o.minutes()
                : segmentId == null ? 30 : plan.segment(segmentId).map(LivePlan.Segment::minutes).orElse(30);
        if (minutes < 1 || minutes > 240) throw Invalid.field("minutes", "Rooms can run for 1 to 240 minutes");
        Map<Long, String> answer = Map.of();
        if (strategy == Strategy.by_answer) {
            if (o.questionId() == null) throw Invalid.field("questionId", "Choose the registration question to group people by");
            answer = answers.answers(accountId, eventId, o.questionId(), people);
        }
        List<RoomMember> members = new ArrayList<>();
        for (Participant p : people) {
            members.add(new RoomMember(p.id(), p.organisation(), p.sector(), p.roleTitle(), answer.getOrDefault(p.id(), "")));
        }
        Set<RoomAssigner.Pair> met = strategy == Strategy.meet_new ? history.metBefore(eventId, people) : Set.of();
        long seed = o.seed() != null ? o.seed() : clock.millis();
        Constraints constraints = new Constraints(o.together() == null ? List.of() : o.together(),
                o.apart() == null ? List.of() : o.apart());
        int count = RoomAssigner.roomCount(members.size(), sizing);
        List<String> video = videos(plan, count, o.videoTemplate(), o.videoPerRoom());
        List<List<Long>> assigned = RoomAssigner.assign(new RoomAssigner.Request(members, sizing, strategy, seed, met, constraints));
        List<Contribution.BreakoutRoom> rooms = new ArrayList<>();
        for (int i = 0; i < assigned.size(); i++) {
            rooms.add(new Contribution.BreakoutRoom(i + 1, "Room " + (i + 1), video.get(i), assigned.get(i)));
        }
        return live.contribute(eventId, new Contribution.RoomsOpened(segmentId, strategy.name(), minutes, rooms),
                Author.organiser(accountId), null,
                s -> s.rooms().open().isPresent() ? "Breakout rooms are already open. Close them before opening new ones." : null);
    }

    /** The breakout segment the rooms are for: the one asked for, the one running, or the agenda's first. */
    private Long segment(LivePlan plan, long eventId, Long asked) {
        if (asked != null) {
            return plan.segment(asked).map(LivePlan.Segment::id)
                    .orElseThrow(() -> Invalid.field("segmentId", "That segment is not in this conversation's agenda"));
        }
        Optional<Long> running = live.state(eventId).read(LiveState::segmentId);
        if (running.isPresent() && plan.segment(running.get()).map(s -> s.kind().equals("breakout")).orElse(false)) {
            return running.get();
        }
        return plan.segments().stream().filter(s -> s.kind().equals("breakout")).map(LivePlan.Segment::id).findFirst()
                .orElse(null);
    }

    static List<String> videos(LivePlan plan, int rooms, String template, List<String> perRoom) {
        List<String> out = new ArrayList<>();
        List<String> pasted = perRoom == null ? List.of() : perRoom.stream().map(s -> s == null ? "" : s.strip()).toList();
        String t = template == null ? "" : template.strip();
        if (!t.isEmpty() && !VideoLinks.isWebLink(t)) {
            throw Invalid.field("videoTemplate", "The video link template must start with https://, like https://meet.jit.si/{event}-{room}");
        }
        for (int i = 0; i < rooms; i++) {
            String v = i < pasted.size() ? pasted.get(i) : "";
            if (v.isEmpty() && !t.isEmpty()) v = VideoLinks.fill(t, plan, i + 1);
            if (v.length() > 500) throw Invalid.field("videoPerRoom", "Room " + (i + 1) + "'s video link is too long (500 characters at most)");
            if (v.contains("://") && !VideoLinks.isWebLink(v)) {
                throw Invalid.field("videoPerRoom", "Room " + (i + 1) + "'s video link must start with https://");
            }
            out.add(v);
        }
        return out;
    }

    /** Moves a person to another room. {@code expectedFrom} is the room the facilitator's screen showed them in. */
    public Entry move(long eventId, long accountId, long round, long participantId, Integer expectedFrom, int toRoom) {
        String name = live.participant(participantId).map(Participant::name).orElse("That person");
        var move = new Contribution.RoomMove(participantId, expectedFrom, toRoom);
        return live.contribute(eventId, new Contribution.RoomMoves(round, List.of(move), "moved"),
                Author.organiser(accountId), null, s -> {
                    String problem = openRound(s, round);
                    if (problem != null) return problem;
                    RoomsState.Round r = s.rooms().round(round).orElseThrow();
                    if (r.room(toRoom).isEmpty()) return "There is no Room " + toRoom + ".";
                    Integer now = r.roomOf(participantId).map(x -> x.number).orElse(null);
                    if (!Objects.equals(now, expectedFrom)) {
                        return "Someone else has just moved " + name + (now == null ? " out of the rooms" : " to Room " + now)
                                + ". Your screen now shows where everyone is.";
                    }
                    return Objects.equals(now, toRoom) ? name + " is already in Room " + toRoom + "." : null;
                });
    }

    /** Evens out room sizes again (e.g. after a room emptied); nothing to do is not an error. */
    public Optional<Entry> rebalance(long eventId, long accountId, long round) {
        List<RoomAssigner.Move> moves = live.state(eventId).read(s -> s.rooms().round(round)
                .map(r -> RoomAssigner.rebalance(r.rooms().stream().map(RoomsState.Room::members).toList()))
                .orElse(List.of()));
        if (moves.isEmpty()) {
            String problem = live.state(eventId).read(s -> openRound(s, round));
            if (problem != null) throw new app.cairn.live.Sequencer.Refused(problem);
            return Optional.empty();
        }
        List<Contribution.RoomMove> out = moves.stream()
                .map(m -> new Contribution.RoomMove(m.id(), m.from() + 1, m.to() + 1)).toList();
        return Optional.of(live.contribute(eventId, new Contribution.RoomMoves(round, out, "rebalanced"),
                Author.organiser(accountId), null, s -> {
                    String problem = openRound(s, round);
                    if (problem != null) return problem;
                    RoomsState.Round r = s.rooms().round(round).orElseThrow();
                    for (Contribution.RoomMove m : out) {
                        Integer now = r.roomOf(m.participantId()).map(x -> x.number).orElse(null);
                        if (!Objects.equals(now, m.fromRoom())) {
                            return "Someone moved people while you were rebalancing. Your screen now shows the rooms; rebalance again if it is still needed.";
                        }
                    }
                    return null;
                }));
    }

    // Facilitators

    public Entry staffNote(long eventId, long accountId, long round, int room, String text) {
        String t = text(text, "note", "Write something for the room's notes", MAX_NOTE);
        return live.contribute(eventId, new Contribution.RoomNote(round, room, t), Author.organiser(accountId), null,
                s -> roomProblem(s, round, room, true));
    }

    public Entry staffThemes(long eventId, long accountId, long round, int room, List<String> themes) {
        List<String> clean = themes(themes);
        return live.contribute(eventId, new Contribution.RoomThemes(round, room, clean), Author.organiser(accountId), null,
                s -> roomProblem(s, round, room, false));
    }

    public Entry broadcast(long eventId, long accountId, long round, String text) {
        String t = text(text, "text", "Enter a message for every room, like \u201c2 minutes left\u201d", 280);
        return live.contribute(eventId, new Contribution.RoomsBroadcast(round, t), Author.organiser(accountId), null,
                s -> openRound(s, round));
    }

    public Entry extend(long eventId, long accountId, long round, int minutes) {
        if (minutes < 1 || minutes > 60) throw Invalid.field("minutes", "Add between 1 and 60 minutes");
        return live.contribute(eventId, new Contribution.RoomsExtended(round, minutes), Author.organiser(accountId), null,
                s -> openRound(s, round));
    }

    public Entry close(long eventId, long accountId, long round) {
        return live.contribute(eventId, new Contribution.RoomsClosed(round), Author.organiser(accountId), null,
                s -> openRound(s, round));
    }

    // Checks and helpers

    static String openRound(LiveState s, long round) {
        Optional<RoomsState.Round> r = s.rooms().round(round);
        if (r.isEmpty()) return "Those breakout rooms do not exist.";
        if (r.get().closed()) return "Those breakout rooms have already closed. Your screen now shows where things are.";
        if (s.rooms().latest().map(x -> x.seq != round).orElse(true)) return "Newer breakout rooms have been opened.";
        return null;
    }

    private static String roomProblem(LiveState s, long round, int room, boolean mustBeOpen) {
        Optional<RoomsState.Round> r = s.rooms().round(round);
        if (r.isEmpty()) return "Those breakout rooms do not exist.";
        if (r.get().room(room).isEmpty()) return "There is no Room " + room + ".";
        return mustBeOpen && r.get().closed() ? "Those breakout rooms have closed." : null;
    }

    static List<String> themes(List<String> themes) {
        List<String> clean = new ArrayList<>();
        if (themes != null) for (String t : themes) if (t != null && !t.isBlank()) clean.add(t.strip());
        if (clean.isEmpty()) throw Invalid.field("themes", "Enter at least one theme for the report-back");
        if (clean.size() > 3) throw Invalid.field("themes", "Choose your room's top three themes (at most three)");
        for (String t : clean) {
            if (t.length() > MAX_THEME) throw Invalid.field("themes", "Keep each theme to " + MAX_THEME + " characters or fewer");
        }
        return List.copyOf(clean);
    }

    static String text(String text, String field, String missing, int max) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw Invalid.field(field, missing);
        if (t.codePointCount(0, t.length()) > max) throw Invalid.field(field, "Keep it to " + max + " characters or fewer");
        return t;
    }

    /** Participant names for views, looked up once per view. */
    Map<Long, Participant> people(long eventId) {
        Map<Long, Participant> out = new HashMap<>();
        for (Participant p : live.participants(eventId)) out.put(p.id(), p);
        return out;
    }

    /** What participants do in their own room. */
    MyRoom myRoom() {
        return new MyRoom(live);
    }

    LiveService live() {
        return live;
    }
}
