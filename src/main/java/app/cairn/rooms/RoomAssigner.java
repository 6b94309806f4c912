package app.cairn.rooms;

import app.cairn.common.Invalid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts people into breakout rooms. Pure and deterministic for a given seed. Every strategy but
 * random places people one by one into the open room where they share least with those already
 * there, then swaps pairs between rooms while a swap lowers the total. What "share" costs is
 * the strategy's: the same organisation, sector or role (mixed), having shared a room before
 * (meet new people), a different answer (by answer), and the facilitator's keep-together and
 * keep-apart pairs (any strategy). Room sizes always differ by at most one.
 */
public final class RoomAssigner {
    private RoomAssigner() {}

    /** Rooms of a given size, or a given number of rooms; exactly one is set. */
    public record Sizing(Integer roomSize, Integer roomCount) {
        public static Sizing ofSize(int size) {
            return new Sizing(size, null);
        }

        public static Sizing ofCount(int count) {
            return new Sizing(null, count);
        }
    }

    /** People the facilitator wants in one room, and people who should not share one. */
    public record Constraints(List<Set<Long>> together, List<Set<Long>> apart) {
        public static final Constraints NONE = new Constraints(List.of(), List.of());
    }

    /** Two people who shared a room before; order does not matter. */
    public record Pair(long a, long b) {
        public static Pair of(long x, long y) {
            return x < y ? new Pair(x, y) : new Pair(y, x);
        }
    }

    /** Everything an assignment needs. {@code metBefore} matters only for meet-new-people. */
    public record Request(List<RoomMember> people, Sizing sizing, Strategy strategy, long seed, Set<Pair> metBefore,
            Constraints constraints) {}

    /** One person moving from one room (by index) to another. */
    public record Move(long id, int from, int to) {}

    /** How many rooms {@code people} make with this sizing; a message saying what to change when they cannot. */
    public static int roomCount(int people, Sizing sizing) {
        if (people == 0) throw Invalid.field("rooms", "Nobody has joined yet, so there is no one to put into rooms");
        if (sizing.roomCount() != null) {
            int k = sizing.roomCount();
            if (k < 1) throw Invalid.field("roomCount", "Enter a number of rooms of 1 or more");
            if (k > people) {
                throw Invalid.field("roomCount", "There are more rooms (" + k + ") than people (" + people
                        + "). Choose " + people + " rooms or fewer");
            }
            return k;
        }
        if (sizing.roomSize() == null) throw Invalid.field("roomSize", "Enter a room size or a number of rooms");
        int size = sizing.roomSize();
        if (size < 2) throw Invalid.field("roomSize", "Rooms need at least 2 people");
        return Math.max(1, (int) Math.round((double) people / size));
    }

    /** The rooms, each a list of member ids; room sizes differ by at most one. */
    public static List<List<Long>> assign(Request r) {
        int n = r.people().size();
        int k = roomCount(n, r.sizing());
        return new AssignmentSearch(r, k).run();
    }

    /** The share of rooms in which no organisation appears twice (empty rooms do not count). */
    public static double mixScore(List<List<Long>> rooms, Map<Long, RoomMember> people) {
        int counted = 0;
        int mixed = 0;
        for (List<Long> room : rooms) {
            if (room.isEmpty()) continue;
            counted++;
            Set<String> seen = new HashSet<>();
            boolean clean = true;
            for (long id : room) {
                String org = people.get(id).organisation();
                if (!org.isEmpty() && !seen.add(org)) clean = false;
            }
            if (clean) mixed++;
        }
        return counted == 0 ? 1.0 : (double) mixed / counted;
    }

    /** The room (index) a late joiner goes to: the smallest, the first of equals. */
    public static int smallest(List<Integer> sizes) {
        if (sizes.isEmpty()) throw new IllegalArgumentException("no rooms");
        int best = 0;
        for (int i = 1; i < sizes.size(); i++) if (sizes.get(i) < sizes.get(best)) best = i;
        return best;
    }

    /** Moves that make room sizes differ by at most one again, e.g. after people left a room. */
    public static List<Move> rebalance(List<List<Long>> rooms) {
        List<List<Long>> copy = new ArrayList<>();
        for (List<Long> room : rooms) copy.add(new ArrayList<>(room));
        List<Move> moves = new ArrayList<>();
        while (true) {
            int big = 0;
            int small = 0;
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).size() > copy.get(big).size()) big = i;
                if (copy.get(i).size() < copy.get(small).size()) small = i;
            }
            if (copy.get(big).size() - copy.get(small).size() <= 1) return moves;
            long id = copy.get(big).remove(copy.get(big).size() - 1);
            copy.get(small).add(id);
            moves.add(new Move(id, big, small));
        }
    }
}
