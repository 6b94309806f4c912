package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes at all, brought in as a file, give either what the file says or a
 * {@link TransferProblem} with a message for the organiser: never another exception, never a hang.
 * {@code mvn test} replays the saved inputs beside this class (FormatsFuzzTestInputs, seeded with
 * the samples of every format); {@code JAZZER_FUZZ=1 mvn test -Dtest=FormatsFuzzTest} fuzzes for
 * 30 seconds.
 */
class FormatsFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void reading_any_file_gives_what_it_says_or_a_plain_problem(byte[] data) {
        String name = data.length % 3 == 0 ? "upload.xlsx" : data.length % 3 == 1 ? "upload.csv" : "upload.txt";
        Parsed parsed;
        try {
            parsed = Formats.read(data, name);
        } catch (TransferProblem problem) {
            assertThat(problem.getMessage()).isNotBlank();
            return;
        }
        assertThat(parsed.format()).isNotNull();
        // Whatever was read can be planned into an event without surprises.
        ImportPlan plan = Planner.plan(PlannerTest.context(java.util.Set.of(), java.util.Map.of()),
                java.util.List.of(new Planner.Loaded(name, "0", parsed, null)));
        assertThat(plan.items()).extracting(ImportPlan.Item::at).isSorted();
        assertThat(plan.items()).allMatch(i -> i.key().length() <= 64);
        if (parsed instanceof Parsed.Chat c) {
            assertThat(c.lines()).allSatisfy(l -> {
                assertThat(l.sender()).isNotNull();
                assertThat(l.text()).isNotNull();
                assertThat(l.time()).isNotNull();
            });
        } else if (parsed instanceof Parsed.Attendance a) {
            assertThat(a.people()).isNotEmpty().allMatch(p -> !p.name().isBlank());
        } else if (parsed instanceof Parsed.Notes n) {
            assertThat(n.rooms()).isNotEmpty().allMatch(r -> !r.name().isBlank());
        } else if (parsed instanceof Parsed.Results r) {
            assertThat(r.polls().size() + r.questions().size()).isPositive();
            assertThat(r.polls()).allMatch(p -> p.votes() >= 0 && !p.options().isEmpty());
        } else if (parsed instanceof Parsed.People p) {
            assertThat(p.sheet().headers()).isNotEmpty();
        }
    }
}
