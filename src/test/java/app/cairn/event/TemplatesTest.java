package app.cairn.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    static Template named(String name) {
        return TemplateService.builtIns().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void the_diy_conversation_is_five_segments_that_sum_to_an_hour() {
        Template diy = named("DIY conversation (1 hour)");
        assertThat(diy.totalMinutes()).isEqualTo(60);
        assertThat(diy.segments()).extracting(Segment::kind).containsExactly(SegmentKind.WELCOME, SegmentKind.PERSPECTIVE,
                SegmentKind.BREAKOUT, SegmentKind.WHOLE_GROUP, SegmentKind.REFLECTION);
        assertThat(diy.segments()).extracting(Segment::minutes).containsExactly(5, 5, 30, 15, 5);
    }

    @Test
    void the_community_conversation_sums_to_two_hours_with_its_polls_and_prompts() {
        Template two = named("Community conversation (2 hours)");
        assertThat(two.totalMinutes()).isEqualTo(120);
        assertThat(two.segments()).extracting(Segment::kind).containsExactly(SegmentKind.WELCOME, SegmentKind.PERSPECTIVE,
                SegmentKind.BREAKOUT, SegmentKind.WHOLE_GROUP, SegmentKind.REFLECTION, SegmentKind.EVALUATION);

        Poll icebreaker = two.segments().get(0).polls().get(0);
        assertThat(icebreaker.question()).isEqualTo("Have you been to one of our events before?");
        assertThat(icebreaker.options()).containsExactly("Yes", "No");

        assertThat(two.segments().get(2).prompts()).hasSizeGreaterThanOrEqualTo(3);
        Segment closing = two.segments().get(4);
        assertThat(closing.guidance()).contains("30 seconds");
        assertThat(closing.prompts()).containsExactly("What is your one key reflection?",
                "One practical step I will take away from this conversation is...");

        List<Poll> evaluation = two.segments().get(5).polls();
        assertThat(evaluation).extracting(Poll::question).containsExactly(
                "Would you recommend an event like this to a colleague?",
                "Overall, how would you score this event out of 5?", "What did you value?");
        assertThat(evaluation).extracting(Poll::kind).containsExactly(PollKind.SINGLE_CHOICE, PollKind.RATING, PollKind.OPEN_TEXT);
        assertThat(evaluation.get(1).options()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void every_built_in_segment_has_guidance_for_its_facilitator_and_passes_the_agenda_rules() {
        for (Template t : TemplateService.builtIns()) {
            assertThat(t.segments()).allSatisfy(s -> assertThat(s.guidance()).hasSizeGreaterThan(100));
            var inputs = t.segments().stream().map(SegmentInput::of)
                    .map(s -> new SegmentInput(null, s.kind(), s.title(), s.minutes(), s.guidance(), s.prompts(),
                            s.polls().stream().map(p -> new SegmentInput.PollInput(null, p.question(), p.kind(), p.options()))
                                    .toList()))
                    .toList();
            assertThat(AgendaRules.checkAgenda(inputs)).hasSameSizeAs(t.segments());
        }
    }

    @Test
    void an_agenda_saved_as_json_reads_back_the_same() {
        Template two = named("Community conversation (2 hours)");
        assertThat(AgendaJson.segments(AgendaJson.segments(two.segments()))).isEqualTo(two.segments());
    }
}
