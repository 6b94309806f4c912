package app.cairn.bench;

import app.cairn.rooms.People;
import app.cairn.rooms.RoomAssigner;
import app.cairn.rooms.RoomMember;
import app.cairn.rooms.Strategy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Mixed assignment of N participants into rooms of 5, timed on one thread: the first (cold) run,
 * then the median of five more. People come from N/4 organisations sized roughly as 1/rank, so a
 * few large employers send many people. Prints the mixing score beside random assignment's.
 */
public final class RoomsBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        List<RoomMember> people = People.population(n, Math.max(1, n / 4), 2026);
        Map<Long, RoomMember> byId = people.stream().collect(Collectors.toMap(RoomMember::id, Function.identity()));
        var sizing = RoomAssigner.Sizing.ofSize(5);
        long t0 = System.nanoTime();
        List<List<Long>> rooms = RoomAssigner.assign(request(people, sizing, Strategy.mixed, 1));
        long cold = (System.nanoTime() - t0) / 1_000_000;
        long[] warm = new long[5];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            RoomAssigner.assign(request(people, sizing, Strategy.mixed, 2 + i));
            warm[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(warm);
        double mix = RoomAssigner.mixScore(rooms, byId);
        double random = RoomAssigner.mixScore(RoomAssigner.assign(request(people, sizing, Strategy.random, 1)), byId);
        System.out.printf("cold_ms=%d warm_median_ms=%d organisations=%d%n", cold, warm[2], n / 4);
        // A harder crowd: N/20 organisations, so the largest sends about one person in six.
        List<RoomMember> crowded = People.population(n, Math.max(1, n / 20), 2027);
        Map<Long, RoomMember> crowdedById = crowded.stream().collect(Collectors.toMap(RoomMember::id, Function.identity()));
        long t1 = System.nanoTime();
        double crowdedMix = RoomAssigner.mixScore(RoomAssigner.assign(request(crowded, sizing, Strategy.mixed, 1)), crowdedById);
        long crowdedMs = (System.nanoTime() - t1) / 1_000_000;
        double crowdedRandom = RoomAssigner.mixScore(RoomAssigner.assign(request(crowded, sizing, Strategy.random, 1)), crowdedById);
        System.out.printf("crowded organisations=%d ms=%d mix_score=%.3f random_mix_score=%.3f%n", n / 20, crowdedMs,
                crowdedMix, crowdedRandom);
        System.out.printf("participants=%d rooms=%d ms=%d mix_score=%.3f random_mix_score=%.3f%n", n, rooms.size(), cold,
                mix, random);
    }

    private static RoomAssigner.Request request(List<RoomMember> people, RoomAssigner.Sizing sizing, Strategy s, long seed) {
        return new RoomAssigner.Request(people, sizing, s, seed, Set.of(), RoomAssigner.Constraints.NONE);
    }
}
