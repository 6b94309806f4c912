package app.cairn.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cairn.common.Invalid;
import app.cairn.rooms.RoomAssigner.Constraints;
import app.cairn.rooms.RoomAssigner.Pair;
import app.cairn.rooms.RoomAssigner.Request;
import app.cairn.rooms.RoomAssigner.Sizing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of every assignment strategy over many random populations, and the edge cases. */
class RoomAssignerTest {

    /** A random case: how many people, how many employers, rooms by size or by count. */
    record Case(long seed, int people, int organisations, Sizing sizing) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + people + " people, " + organisations + " organisations, " + sizing;
        }
    }

    static Stream<Case> cases() {
        return LongStream.range(1, 151).mapToObj(seed -> {
            SplittableRandom r = new SplittableRandom(seed * 7919);
            int n = 2 + r.nextInt(r.nextBoolean() ? 40 : 400);
            int orgs = 1 + r.nextInt(Math.max(1, n / 2));
            Sizing sizing = r.nextBoolean() ? Sizing.ofSize(2 + r.nextInt(7)) : Sizing.ofCount(1 + r.nextInt(Math.max(1, n / 2)));
            return new Case(seed, n, orgs, sizing);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_strategy_places_everyone_once_in_rooms_whose_sizes_differ_by_at_most_one(Case c) {
        List<RoomMember> people = People.population(c.people(), c.organisations(), c.seed());
        for (Strategy s : Strategy.values()) {
            List<List<Long>> rooms = RoomAssigner.assign(request(people, c, s, metBefore(people, c.seed())));
            int expected = RoomAssigner.roomCount(c.people(), c.sizing());
            assertThat(rooms).as(s.name()).hasSize(expected);
            List<Long> placed = rooms.stream().flatMap(List::stream).toList();
            assertThat(placed).as(s + ": no one placed twice").doesNotHaveDuplicates();
            assertThat(new HashSet<>(placed)).as(s + ": no one lost")
                    .isEqualTo(people.stream().map(RoomMember::id).collect(Collectors.toSet()));
            int min = rooms.stream().mapToInt(List::size).min().orElseThrow();
            int max = rooms.stream().mapToInt(List::size).max().orElseThrow();
            assertThat(max - min).as(s + ": room sizes " + min + ".." + max).isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mixed_rooms_score_at_least_as_well_as_random_ones(Case c) {
        List<RoomMember> people = People.population(c.people(), c.organisations(), c.seed());
        Map<Long, RoomMember> byId = people.stream().collect(Collectors.toMap(RoomMember::id, Function.identity()));
        double mixed = RoomAssigner.mixScore(RoomAssigner.assign(request(people, c, Strategy.mixed, Set.of())), byId);
        double random = RoomAssigner.mixScore(RoomAssigner.assign(request(people, c, Strategy.random, Set.of())), byId);
        assertThat(mixed).isGreaterThanOrEqualTo(random);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void meeting_new_people_repeats_fewer_pairs_than_random(Case c) {
        List<RoomMember> people = People.population(c.people(), c.organisations(), c.seed());
        Set<Pair> met = metBefore(people, c.seed());
        long fresh = repeats(RoomAssigner.assign(request(people, c, Strategy.meet_new, met)), met);
        long random = repeats(RoomAssigner.assign(request(people, c, Strategy.random, met)), met);
        assertThat(fresh).isLessThanOrEqualTo(random);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_same_seed_gives_the_same_rooms(Case c) {
        List<RoomMember> people = People.population(c.people(), c.organisations(), c.seed());
        for (Strategy s : Strategy.values()) {
            assertThat(RoomAssigner.assign(request(people, c, s, Set.of())))
                    .isEqualTo(RoomAssigner.assign(request(people, c, s, Set.of())));
        }
    }

    @Test
    void by_answer_puts_people_with_the_same_answer_together() {
        List<RoomMember> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) people.add(new RoomMember(i, "Org " + i, "", "", i % 3 == 0 ? "Housing" : i % 3 == 1 ? "Digital" : "Workforce"));
        List<List<Long>> rooms = RoomAssigner.assign(new Request(people, Sizing.ofCount(3), Strategy.by_answer, 4, Set.of(), Constraints.NONE));
        for (List<Long> room : rooms) {
            assertThat(room.stream().map(id -> id % 3).distinct().count()).as(room.toString()).isEqualTo(1);
        }
    }

    @Test
    void mixed_rooms_of_five_from_five_hundred_have_no_organisation_twice_when_that_is_possible() {
        List<RoomMember> people = People.population(500, 200, 3);
        Map<Long, RoomMember> byId = people.stream().collect(Collectors.toMap(RoomMember::id, Function.identity()));
        var rooms = RoomAssigner.assign(new Request(people, Sizing.ofSize(5), Strategy.mixed, 3, Set.of(), Constraints.NONE));
        assertThat(RoomAssigner.mixScore(rooms, byId)).isEqualTo(1.0);
    }

    @Test
    void people_kept_together_share_a_room_and_people_kept_apart_do_not() {
        List<RoomMember> people = People.population(30, 10, 9);
        Constraints c = new Constraints(List.of(Set.of(1000L, 1001L, 1002L)), List.of(Set.of(1003L, 1004L), Set.of(1005L, 1006L)));
        for (Strategy s : Strategy.values()) {
            for (long seed = 0; seed < 20; seed++) {
                var rooms = RoomAssigner.assign(new Request(people, Sizing.ofSize(5), s, seed, Set.of(), c));
                Map<Long, Integer> roomOf = roomOf(rooms);
                assertThat(new HashSet<>(List.of(roomOf.get(1000L), roomOf.get(1001L), roomOf.get(1002L)))).as(s + " " + seed).hasSize(1);
                assertThat(roomOf.get(1003L)).as(s + " " + seed).isNotEqualTo(roomOf.get(1004L));
                assertThat(roomOf.get(1005L)).as(s + " " + seed).isNotEqualTo(roomOf.get(1006L));
            }
        }
    }

    @Test
    void more_rooms_than_people_is_refused_with_a_message_saying_what_to_choose() {
        List<RoomMember> people = People.population(3, 2, 1);
        assertThatThrownBy(() -> RoomAssigner.assign(new Request(people, Sizing.ofCount(5), Strategy.random, 1, Set.of(), Constraints.NONE)))
                .isInstanceOf(Invalid.class)
                .hasMessage("There are more rooms (5) than people (3). Choose 3 rooms or fewer");
    }

    @Test
    void rooms_of_a_size_round_to_the_nearest_number_of_rooms() {
        assertThat(RoomAssigner.roomCount(5000, Sizing.ofSize(5))).isEqualTo(1000);
        assertThat(RoomAssigner.roomCount(7, Sizing.ofSize(5))).isEqualTo(1);
        assertThat(RoomAssigner.roomCount(8, Sizing.ofSize(5))).isEqualTo(2);
        assertThatThrownBy(() -> RoomAssigner.roomCount(8, Sizing.ofSize(1))).hasMessage("Rooms need at least 2 people");
    }

    @Test
    void a_late_joiner_goes_to_the_smallest_room() {
        assertThat(RoomAssigner.smallest(List.of(5, 4, 4, 5))).isEqualTo(1);
        assertThat(RoomAssigner.smallest(List.of(3, 3, 0))).isEqualTo(2);
    }

    @Test
    void rebalancing_an_emptied_room_evens_sizes_out_again() {
        List<List<Long>> rooms = List.of(List.of(1L, 2L, 3L, 4L, 5L), List.of(), List.of(6L, 7L, 8L, 9L), List.of(10L, 11L, 12L, 13L, 14L));
        var moves = RoomAssigner.rebalance(rooms);
        List<List<Long>> after = new ArrayList<>();
        rooms.forEach(r -> after.add(new ArrayList<>(r)));
        for (var m : moves) {
            assertThat(after.get(m.from()).remove(m.id())).isTrue();
            after.get(m.to()).add(m.id());
        }
        assertThat(after.stream().mapToInt(List::size).max().orElseThrow()
                - after.stream().mapToInt(List::size).min().orElseThrow()).isLessThanOrEqualTo(1);
        assertThat(moves).hasSize(3);
    }

    private static Request request(List<RoomMember> people, Case c, Strategy s, Set<Pair> met) {
        return new Request(people, c.sizing(), s, c.seed(), met, Constraints.NONE);
    }

    /** Pairs who shared a room at an earlier, random event. */
    private static Set<Pair> metBefore(List<RoomMember> people, long seed) {
        var earlier = RoomAssigner.assign(new Request(people, Sizing.ofSize(4), Strategy.random, seed + 1, Set.of(), Constraints.NONE));
        Set<Pair> met = new HashSet<>();
        for (List<Long> room : earlier) {
            for (int i = 0; i < room.size(); i++) for (int j = i + 1; j < room.size(); j++) met.add(Pair.of(room.get(i), room.get(j)));
        }
        return met;
    }

    private static long repeats(List<List<Long>> rooms, Set<Pair> met) {
        long n = 0;
        for (List<Long> room : rooms) {
            for (int i = 0; i < room.size(); i++) for (int j = i + 1; j < room.size(); j++) if (met.contains(Pair.of(room.get(i), room.get(j)))) n++;
        }
        return n;
    }

    private static Map<Long, Integer> roomOf(List<List<Long>> rooms) {
        Map<Long, Integer> out = new HashMap<>();
        for (int r = 0; r < rooms.size(); r++) for (long id : rooms.get(r)) out.put(id, r);
        return out;
    }
}
