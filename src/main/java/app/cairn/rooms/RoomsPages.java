package app.cairn.rooms;

import app.cairn.live.LivePlan;
import app.cairn.live.LiveService;
import app.cairn.live.LiveSession;
import app.cairn.live.Participant;
import app.cairn.live.RoomsState;
import app.cairn.web.Form;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/** Builds the models of the rooms pages and API answers from the live state. */
public final class RoomsPages {
    private final RoomsService rooms;
    private final LiveService live;
    private final LongFunction<String> organisers;

    RoomsPages(RoomsService rooms, LongFunction<String> organisers) {
        this.rooms = rooms;
        this.live = rooms.live();
        this.organisers = organisers;
    }

    /** The facilitator's rooms console, report-back view and their panels. */
    public record StaffPage(LivePlan plan, LiveSession session, long seq, RoomsView current, List<RoomsView> earlier,
            List<String> prompts, int present, Map<Long, String> questions, Form form) {
        public boolean open() {
            return current != null && !current.closed();
        }

        public String base() {
            return "/c/" + plan.communitySlug() + "/events/" + plan.eventId();
        }

        public String strategyLabel() {
            try {
                return Strategy.valueOf(current.strategy()).label();
            } catch (RuntimeException e) {
                return current.strategy();
            }
        }

        public List<app.cairn.web.Option> strategies() {
            return java.util.Arrays.stream(Strategy.values())
                    .filter(x -> x != Strategy.by_answer || !questions.isEmpty())
                    .map(x -> new app.cairn.web.Option(x.name(), x.label(), hint(x))).toList();
        }

        private static String hint(Strategy s) {
            return switch (s) {
                case random -> "Anyone with anyone.";
                case mixed -> "Each room has people from as many organisations, sectors and roles as possible.";
                case meet_new -> "Fewest people who were in a room together at this community's earlier conversations.";
                case by_answer -> "People who gave the same answer to a registration question sit together.";
                case by_hand -> "Start at random, then move people yourself.";
            };
        }

        public List<app.cairn.web.Option> questionOptions() {
            List<app.cairn.web.Option> out = new ArrayList<>();
            out.add(new app.cairn.web.Option("", "Choose a question"));
            questions.forEach((id, label) -> out.add(new app.cairn.web.Option(Long.toString(id), label)));
            return out;
        }

        public List<Integer> roomNumbers() {
            return current == null ? List.of() : current.rooms().stream().map(RoomsView.RoomView::number).toList();
        }

        public boolean withThemes() {
            return current != null && current.rooms().stream().anyMatch(r -> !r.themes().isEmpty());
        }
    }

    /** A participant's room: the open one, or after closing the one they were last in. */
    public record MyRoomPage(LiveSession session, LivePlan plan, Participant me, long seq, RoomsView round,
            RoomsView.RoomView room, List<String> prompts, boolean rapporteur, Form form) {
        public boolean inRoom() {
            return room != null;
        }

        public boolean open() {
            return round != null && !round.closed();
        }

        public String others() {
            if (room == null) return "";
            return RoomsView.Names.list(room.members().stream().filter(m -> m.id() != me.id())
                    .map(RoomsView.MemberView::name).toList());
        }
    }

    StaffPage staff(LivePlan plan, long accountId, Form form) {
        long eventId = plan.eventId();
        LiveSession session = live.openSession(eventId);
        var people = rooms.people(eventId);
        record Snap(long seq, RoomsView current, List<RoomsView> earlier, int present) {}
        Snap snap = live.state(eventId).read(s -> {
            List<RoomsView> earlier = new ArrayList<>();
            RoomsView current = null;
            for (RoomsState.Round r : s.rooms().rounds()) {
                if (current != null) earlier.add(0, current);
                current = RoomsView.of(r, people, organisers);
            }
            return new Snap(s.seq(), current, earlier, people.size());
        });
        Long segment = snap.current() != null ? snap.current().segmentId()
                : plan.segments().stream().filter(x -> x.kind().equals("breakout")).map(LivePlan.Segment::id).findFirst().orElse(null);
        // The registration questions only matter to the form that opens rooms.
        Map<Long, String> questions = snap.current() == null || snap.current().closed()
                ? rooms.questions(accountId, eventId) : Map.of();
        return new StaffPage(plan, session, snap.seq(), snap.current(), snap.earlier(), RoomsView.prompts(plan, segment),
                snap.present(), questions, form);
    }

    Map<String, Object> all(LivePlan plan) {
        var people = rooms.people(plan.eventId());
        return live.state(plan.eventId()).read(s -> {
            List<RoomsView> rounds = new ArrayList<>();
            for (RoomsState.Round r : s.rooms().rounds()) rounds.add(RoomsView.of(r, people, organisers));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("seq", s.seq());
            out.put("current", rounds.isEmpty() ? null : rounds.get(rounds.size() - 1));
            out.put("rounds", rounds);
            return out;
        });
    }

    MyRoomPage mine(Participant p, LivePlan plan, LiveSession session, Form form) {
        rooms.myRoom().placeIfLate(p);
        var people = rooms.people(p.eventId());
        return live.state(p.eventId()).read(s -> {
            Optional<RoomsState.Round> round = s.rooms().latest();
            if (round.isEmpty()) return new MyRoomPage(session, plan, p, s.seq(), null, null, List.of(), false, form);
            RoomsView view = RoomsView.of(round.get(), people, organisers);
            Optional<RoomsState.Room> room = round.get().roomOf(p.id());
            RoomsView.RoomView mine = room.map(r -> view.rooms().get(r.number - 1)).orElse(null);
            boolean rapporteur = room.flatMap(RoomsState.Room::rapporteur).map(id -> id == p.id()).orElse(false);
            return new MyRoomPage(session, plan, p, s.seq(), view, mine, RoomsView.prompts(plan, round.get().segmentId),
                    rapporteur, form);
        });
    }

    /** The participant API's answer: only their own room. */
    Map<String, Object> mine(Participant p, LivePlan plan) {
        MyRoomPage m = mine(p, plan, live.openSession(p.eventId()), new Form());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", m.seq());
        out.put("open", m.open());
        out.put("round", m.round() == null ? null : m.round().round());
        out.put("endsAt", m.round() == null ? null : m.round().endsAt());
        out.put("broadcast", m.round() == null ? null : m.round().broadcast());
        out.put("prompts", m.prompts());
        out.put("room", m.room());
        out.put("rapporteur", m.rapporteur());
        return out;
    }
}
