package app.cairn.rooms;

import app.cairn.rooms.RoomAssigner.Constraints;
import app.cairn.rooms.RoomAssigner.Pair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The search behind {@link RoomAssigner}, on indexes and interned attribute numbers so the inner
 * loops stay cheap: greedy placement, then swaps between rooms while they lower the total cost.
 */
final class AssignmentSearch {
    private static final int KEEP_APART = 1_000_000;
    private static final int KEEP_TOGETHER = -1_000_000;
    /** How many rooms greedy placement looks at for each person; the swaps repair the rest. */
    private static final int WINDOW = 96;

    private final int n;
    private final int k;
    private final long[] ids;
    private final int[] org;
    private final int[] sector;
    private final int[] role;
    private final int[] answer;
    private final int wOrg;
    private final int wSector;
    private final int wRole;
    private final int wMet;
    private final int wAnswer;
    /** What a room pays for having any organisation twice; twice an extra pair, so spreading still wins. */
    private final int wConflict;
    private final Set<Long> met = new HashSet<>();
    private final Map<Long, Integer> extra = new HashMap<>();
    private final SplittableRandom random;
    private final Strategy strategy;
    private final int[] roomOf;
    private final int[][] members;
    private final int[] size;
    private final int[] capacity;
    private final List<Map<Integer, Integer>> orgCount = new ArrayList<>();
    private final int[] dups;

    AssignmentSearch(RoomAssigner.Request r, int k) {
        this.n = r.people().size();
        this.k = k;
        this.strategy = r.strategy();
        this.random = new SplittableRandom(r.seed());
        ids = new long[n];
        org = new int[n];
        sector = new int[n];
        role = new int[n];
        answer = new int[n];
        Map<String, Integer> orgs = new HashMap<>();
        Map<String, Integer> sectors = new HashMap<>();
        Map<String, Integer> roles = new HashMap<>();
        Map<String, Integer> answers = new HashMap<>();
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RoomMember m = r.people().get(i);
            if (index.put(m.id(), i) != null) throw new IllegalArgumentException("person " + m.id() + " listed twice");
            ids[i] = m.id();
            org[i] = intern(orgs, m.organisation());
            sector[i] = intern(sectors, m.sector());
            role[i] = intern(roles, m.role());
            answer[i] = intern(answers, m.answer());
        }
        switch (strategy) {
            case mixed -> { wOrg = 64; wSector = 8; wRole = 2; wMet = 0; wAnswer = 0; }
            case meet_new -> { wOrg = 8; wSector = 1; wRole = 1; wMet = 256; wAnswer = 0; }
            case by_answer -> { wOrg = 2; wSector = 0; wRole = 0; wMet = 0; wAnswer = 256; }
            default -> { wOrg = 0; wSector = 0; wRole = 0; wMet = 0; wAnswer = 0; }
        }
        wConflict = 4 * wOrg;
        if (r.metBefore() != null && wMet > 0) {
            for (Pair p : r.metBefore()) {
                Integer a = index.get(p.a());
                Integer b = index.get(p.b());
                if (a != null && b != null) met.add(key(a, b));
            }
        }
        Constraints c = r.constraints() == null ? Constraints.NONE : r.constraints();
        addPairs(c.together(), index, KEEP_TOGETHER);
        addPairs(c.apart(), index, KEEP_APART);
        roomOf = new int[n];
        members = new int[k][];
        size = new int[k];
        capacity = new int[k];
        dups = new int[k];
        for (int i = 0; i < k; i++) {
            orgCount.add(new HashMap<>());
            capacity[i] = n / k + (i < n % k ? 1 : 0);
            members[i] = new int[capacity[i]];
        }
    }

    private void addPairs(Collection<Set<Long>> groups, Map<Long, Integer> index, int weight) {
        for (Set<Long> group : groups) {
            List<Integer> in = new ArrayList<>();
            for (long id : group) {
                Integer i = index.get(id);
                if (i != null) in.add(i);
            }
            for (int x = 0; x < in.size(); x++) {
                for (int y = x + 1; y < in.size(); y++) extra.merge(key(in.get(x), in.get(y)), weight, Integer::sum);
            }
        }
    }

    private static int intern(Map<String, Integer> values, String v) {
        if (v.isEmpty()) return -1;
        return values.computeIfAbsent(v, x -> values.size());
    }

    private long key(int a, int b) {
        return a < b ? (long) a * n + b : (long) b * n + a;
    }

    private int cost(int a, int b) {
        int c = 0;
        if (org[a] >= 0 && org[a] == org[b]) c += wOrg;
        if (sector[a] >= 0 && sector[a] == sector[b]) c += wSector;
        if (role[a] >= 0 && role[a] == role[b]) c += wRole;
        if (wAnswer > 0 && answer[a] != answer[b]) c += wAnswer;
        if (!met.isEmpty() && met.contains(key(a, b))) c += wMet;
        if (!extra.isEmpty()) {
            Integer x = extra.get(key(a, b));
            if (x != null) c += x;
        }
        return c;
    }

    private boolean anyCost() {
        return wOrg + wSector + wRole + wMet + wAnswer > 0 || !extra.isEmpty();
    }

    /** The cost {@code p} adds to {@code room}, leaving out {@code except} (-1 for none). */
    private long costIn(int p, int room, int except) {
        long c = 0;
        int[] m = members[room];
        for (int i = 0; i < size[room]; i++) if (m[i] != except && m[i] != p) c += cost(p, m[i]);
        return c;
    }

    List<List<Long>> run() {
        int[] order = shuffled();
        if (strategy == Strategy.by_answer) {
            sortStable(order, Comparator.comparingInt((Integer i) -> answer[i]));
            fillInOrder(order);
        } else if (!anyCost()) {
            fillInOrder(order);
        } else {
            // The most crowded organisations first, while every room still has space for them.
            int[] orgSize = new int[n + 1];
            for (int i = 0; i < n; i++) if (org[i] >= 0) orgSize[org[i]]++;
            sortStable(order, Comparator.comparingInt((Integer i) -> org[i] < 0 ? 0 : -orgSize[org[i]]));
            greedy(order);
        }
        if (anyCost()) improve();
        List<List<Long>> rooms = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            List<Long> room = new ArrayList<>(size[r]);
            for (int i = 0; i < size[r]; i++) room.add(ids[members[r][i]]);
            rooms.add(room);
        }
        return rooms;
    }

    private int[] shuffled() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static void sortStable(int[] order, Comparator<Integer> by) {
        Integer[] boxed = new Integer[order.length];
        for (int i = 0; i < order.length; i++) boxed[i] = order[i];
        java.util.Arrays.sort(boxed, by);
        for (int i = 0; i < order.length; i++) order[i] = boxed[i];
    }

    private void put(int p, int room) {
        members[room][size[room]++] = p;
        roomOf[p] = room;
        count(room, org[p], 1);
    }

    private void count(int room, int o, int by) {
        if (o < 0) return;
        int before = orgCount.get(room).getOrDefault(o, 0);
        int after = before + by;
        if (after == 0) orgCount.get(room).remove(o);
        else orgCount.get(room).put(o, after);
        if (before < 2 && after >= 2) dups[room]++;
        if (before >= 2 && after < 2) dups[room]--;
    }

    private int countOf(int room, int o) {
        return o < 0 ? 0 : orgCount.get(room).getOrDefault(o, 0);
    }

    /** The change in conflict penalty when {@code out} leaves {@code room} and {@code in} (or nobody, -1) arrives. */
    private long conflictChange(int room, int out, int in) {
        if (wConflict == 0) return 0;
        int oOut = out < 0 ? -1 : org[out];
        int oIn = in < 0 ? -1 : org[in];
        if (oOut == oIn) return 0;
        int d = dups[room];
        if (oOut >= 0 && countOf(room, oOut) == 2) d--;
        if (oIn >= 0 && countOf(room, oIn) == 1) d++;
        return (long) wConflict * ((d > 0 ? 1 : 0) - (dups[room] > 0 ? 1 : 0));
    }

    private void fillInOrder(int[] order) {
        int room = 0;
        for (int p : order) {
            while (size[room] == capacity[room]) room++;
            put(p, room);
        }
    }

    private void greedy(int[] order) {
        boolean negative = extra.values().stream().anyMatch(v -> v < 0);
        for (int p : order) {
            int start = random.nextInt(k);
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            // Looking at a window of rooms is enough when there are many: the swaps afterwards repair the rest.
            for (int step = 0; step < k && (step < WINDOW || best < 0); step++) {
                int room = (start + step) % k;
                if (size[room] == capacity[room]) continue;
                long c = costIn(p, room, -1) + conflictChange(room, -1, p);
                if (c < bestCost || (c == bestCost && size[room] < size[best])) {
                    best = room;
                    bestCost = c;
                    if (c == 0 && !negative && size[room] == 0) break;
                }
            }
            put(p, best);
        }
    }

    /** Swaps two people in different rooms whenever that lowers the total, in a few passes. */
    private void improve() {
        if (k < 2) return;
        int tries = 64;
        for (int pass = 0; pass < 12; pass++) {
            boolean improved = false;
            for (int a = 0; a < n; a++) {
                long own = costIn(a, roomOf[a], -1);
                if (own <= 0 && dups[roomOf[a]] == 0) continue;
                for (int t = 0; t < tries; t++) {
                    int b = random.nextInt(n);
                    int ra = roomOf[a];
                    int rb = roomOf[b];
                    if (ra == rb) continue;
                    long delta = costIn(a, rb, b) - costIn(a, ra, a) + costIn(b, ra, a) - costIn(b, rb, b)
                            + conflictChange(ra, a, b) + conflictChange(rb, b, a);
                    if (delta < 0) {
                        swap(a, b);
                        improved = true;
                        if (costIn(a, roomOf[a], -1) <= 0 && dups[roomOf[a]] == 0) break;
                    }
                }
            }
            if (!improved) return;
        }
    }

    private void swap(int a, int b) {
        int ra = roomOf[a];
        int rb = roomOf[b];
        replace(ra, a, b);
        replace(rb, b, a);
        count(ra, org[a], -1);
        count(ra, org[b], 1);
        count(rb, org[b], -1);
        count(rb, org[a], 1);
        roomOf[a] = rb;
        roomOf[b] = ra;
    }

    private void replace(int room, int out, int in) {
        int[] m = members[room];
        for (int i = 0; i < size[room]; i++) {
            if (m[i] == out) {
                m[i] = in;
                return;
            }
        }
        throw new IllegalStateException("person not in room");
    }
}
