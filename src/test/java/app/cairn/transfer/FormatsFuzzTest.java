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
    /** The name an input is brought in under: the same bytes are tried as a workbook, a sheet or text. */
    static String name(byte[] data) {
        return data.length % 3 == 0 ? "upload.xlsx" : data.length % 3 == 1 ? "upload.csv" : "upload.txt";
    }

    /** The saved inputs include feedback form exports that the target reads as such, so the replay reaches that path. */
    @org.junit.jupiter.api.Test
    void the_saved_inputs_reach_feedback_sheets() {
        for (String seed : new String[] {"seed-ms-forms-feedback.csv", "seed-ms-forms-feedback.xlsx",
                "seed-google-forms-feedback.csv"}) {
            byte[] data = FormatsTest.sample("FormatsFuzzTestInputs/reading_any_file_gives_what_it_says_or_a_plain_problem/" + seed);
            assertThat(Formats.read(data, name(data))).as(seed).isInstanceOf(Parsed.Feedback.class);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void reading_any_file_gives_what_it_says_or_a_plain_problem(byte[] data) {
        String name = name(data);
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
        } else if (parsed instanceof Parsed.Feedback f) {
            assertThat(f.columns()).hasSameSizeAs(f.sheet().headers());
            assertThat(f.columns().stream().filter(c -> c.role().standard())).hasSizeGreaterThanOrEqualTo(2);
            assertThat(plan.feedback().responses().size()).isLessThanOrEqualTo(f.sheet().rows().size());
            assertThat(plan.feedback().responses()).allMatch(r -> r.key().length() <= 80
                    && (r.score() == null || r.score() >= 1 && r.score() <= 5));
            assertThat(plan.feedback().questions().size()).isLessThanOrEqualTo(app.cairn.feedback.FeedbackService.MAX_QUESTIONS);
        }
    }
}
