package app.cairn.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PackBuilderTest {

    @Test
    void a_full_pack_has_every_section_in_the_order_of_the_issue() {
        Pack pack = PackBuilder.build(PackFixtures.full("Small things matter"));
        assertThat(pack.sections()).extracting(Pack.Section::key).containsExactly("cover", "purpose", "joined",
                "questions", "polls", "perspective", "themes", "breakouts", "reflections", "diy", "evaluation", "contact");
        assertThat(pack.missing()).isEmpty();
    }

    @Test
    void an_empty_event_gives_a_short_pack_that_says_what_is_missing() {
        Pack pack = PackBuilder.build(PackFixtures.empty());
        assertThat(pack.sections()).extracting(Pack.Section::key).containsExactly("cover");
        assertThat(pack.missing()).hasSize(8).anySatisfy(m -> assertThat(m).startsWith("Who joined"))
                .anySatisfy(m -> assertThat(m).startsWith("Evaluation: the feedback form was not opened"))
                .anySatisfy(m -> assertThat(m).startsWith("Contact details"));
    }

    @Test
    void sector_shares_are_of_those_who_gave_a_sector_and_say_who_did_not() {
        var chart = PackBuilder.build(PackFixtures.full("x")).section("joined").orElseThrow().charts().get(0);
        assertThat(chart.base()).isEqualTo(9);
        assertThat(chart.bars()).extracting(Pack.Bar::label, Pack.Bar::count, Pack.Bar::percent).startsWith(
                org.assertj.core.groups.Tuple.tuple("Health care", 6, 67),
                org.assertj.core.groups.Tuple.tuple("Social care", 3, 33));
        assertThat(chart.note()).contains("9 who gave their sector; 1 did not");
    }

    @Test
    void new_and_returning_use_their_own_base_and_say_so() {
        var chart = PackBuilder.build(PackFixtures.full("x")).section("joined").orElseThrow().charts().get(1);
        assertThat(chart.base()).isEqualTo(10);
        assertThat(chart.bars()).extracting(Pack.Bar::percent).containsExactly(70, 30);
        assertThat(chart.note()).contains("confirmed place");
    }

    @Test
    void who_joined_counts_people_and_names_no_one() {
        var joined = PackBuilder.build(PackFixtures.full("x")).section("joined").orElseThrow();
        assertThat(joined.figures().get(0).value()).isEqualTo("10");
        assertThat(joined.figures().get(0).label()).isEqualTo("people joined the conversation");
        assertThat(joined.figures().get(1).value()).isEqualTo("2");
        assertThat(joined.groups().get(0).points()).containsExactly("Occupational therapist", "Care home manager");
        assertThat(PackService.toJson(PackBuilder.build(PackFixtures.full("x")))).doesNotContain("Aoife", "Tomasz");
    }

    @Test
    void poll_shares_are_of_the_people_who_answered() {
        var chart = PackBuilder.build(PackFixtures.full("x")).section("polls").orElseThrow().charts().get(0);
        assertThat(chart.base()).isEqualTo(9);
        assertThat(chart.bars()).extracting(Pack.Bar::percent).containsExactly(44, 56);
        assertThat(chart.note()).isEqualTo("Of the 9 people who answered.");
    }

    @Test
    void the_opening_perspective_lists_questions_answered_later_with_their_time_stamps_and_skips_hidden_ones() {
        var s = PackBuilder.build(PackFixtures.full("x")).section("perspective").orElseThrow();
        assertThat(s.figures()).extracting(Pack.Figure::value).containsExactly("2", "1", "1");
        assertThat(s.groups().get(1).points())
                .containsExactly("\u201cHow do we keep kindness when the rota is short?\u201d (in the recording at 48:40)");
        assertThat(PackService.toJson(PackBuilder.build(PackFixtures.full("x")))).doesNotContain("hidden");
    }

    @Test
    void reflections_leave_out_withdrawn_words_and_names_unless_the_event_attributes_quotes() {
        var s = PackBuilder.build(PackFixtures.full("Small things matter")).section("reflections").orElseThrow();
        assertThat(s.groups()).hasSize(1);
        assertThat(s.groups().get(0).quotes()).containsExactly(new Pack.Quote("Small things matter", null, "log:20"));
    }

    @Test
    void the_evaluation_reports_each_figure_with_its_base_and_the_people_who_did_not_answer() {
        var s = PackBuilder.build(PackFixtures.full("x")).section("evaluation").orElseThrow();
        assertThat(s.figures()).extracting(Pack.Figure::value).containsExactly("4", "67%", "4.0/5");
        assertThat(s.figures().get(1).base()).isEqualTo("2 of the 3 who answered (n=3); 1 did not answer");
        assertThat(s.figures().get(2).base()).isEqualTo("from the 3 who gave a score (n=3); 1 did not answer");
        assertThat(s.charts().get(0).bars()).extracting(Pack.Bar::percent).containsExactly(0, 0, 33, 33, 33);
        assertThat(s.groups().get(0).text()).isEqualTo("2 of 4 answered");
    }

    @Test
    void an_organisers_text_replaces_cairns_and_a_hidden_section_is_left_out() {
        PackInputs in = PackFixtures.full("x");
        in = new PackInputs(in.event(), in.community(), in.segments(), in.settings(), in.people(), in.oneQuestions(),
                in.fresh(), in.returning(), in.polls(), in.messages(), in.prompts(), in.reflections(), in.diy(), in.themes(),
                in.form(), in.responses(), Map.of("purpose", new PackInputs.SectionEdit("Our own words", false),
                        "polls", new PackInputs.SectionEdit(null, true)), java.util.Set.of("log:20", "feedback-valued:3"));
        Pack pack = PackBuilder.build(in);
        assertThat(pack.section("purpose").orElseThrow().text()).isEqualTo("Our own words");
        assertThat(pack.section("purpose").orElseThrow().edited()).isTrue();
        assertThat(pack.section("polls")).isEmpty();
        // Quotes left out one by one: the only reflection (so the section goes), and one feedback answer.
        assertThat(pack.section("reflections")).isEmpty();
        var valued = pack.section("evaluation").orElseThrow().groups().get(0);
        assertThat(valued.quotes()).extracting(Pack.Quote::text).containsExactly("The rooms");
        assertThat(valued.text()).isEqualTo("2 of 4 answered; 1 shown here");
    }

    @Test
    void the_diy_steps_carry_their_minutes() {
        var steps = PackBuilder.build(PackFixtures.full("x")).section("diy").orElseThrow().groups().get(0).points();
        assertThat(steps).hasSize(5);
        assertThat(steps.get(0)).startsWith("5 mins \u2013 Welcome and introductions");
        assertThat(steps.get(2)).startsWith("30 mins \u2013 Breakout discussions");
    }

    @Test
    void a_pack_survives_being_published_as_json() {
        Pack pack = PackBuilder.build(PackFixtures.full("x"));
        assertThat(PackService.fromJson(PackService.toJson(pack))).isEqualTo(pack);
    }

    @Test
    void the_organisers_own_choice_questions_are_charted_of_those_who_answered_them() {
        var form = new app.cairn.feedback.FeedbackForm(7, true, app.cairn.feedback.FeedbackForm.State.closed, null, null, null,
                java.util.List.of(new app.cairn.feedback.FeedbackQuestion(4, 1, app.cairn.registration.QuestionKind.MULTIPLE_CHOICE,
                        "Which parts helped?", java.util.List.of("The talk", "The rooms", "The quiet"))));
        var r = java.util.List.of(
                new app.cairn.feedback.FeedbackResponse(1, 7, null, null, null, "", "", Map.of(4L, "The talk; The rooms"), null),
                new app.cairn.feedback.FeedbackResponse(2, 7, null, null, null, "", "", Map.of(4L, "The rooms"), null),
                new app.cairn.feedback.FeedbackResponse(3, 7, null, null, null, "", "", Map.of(), null));
        var chart = PackBuilder.ownQuestionCharts(form, r).get(0);
        assertThat(chart.base()).isEqualTo(2);
        assertThat(chart.bars()).extracting(Pack.Bar::count).containsExactly(1, 2, 0);
        assertThat(chart.bars()).extracting(Pack.Bar::percent).containsExactly(50, 100, 0);
        assertThat(chart.note()).startsWith("Of the 2 who answered; 1 did not").contains("more than 100%");
    }

    @Test
    void the_sections_match_the_golden_outline() throws Exception {
        String outline = Outline.of(PackBuilder.build(PackFixtures.full("Small things matter")));
        String golden = new String(PackBuilderTest.class.getResourceAsStream("full-pack-outline.txt").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(outline).isEqualTo(golden);
    }

    @Test
    void the_same_question_from_several_people_is_shown_once_most_asked_first() {
        PackInputs in = PackFixtures.full("x");
        in = new PackInputs(in.event(), in.community(), in.segments(), in.settings(), in.people(),
                java.util.List.of("Can kindness be taught?", "How do we rest?", "How do we rest", "  ", "how do we REST?"),
                in.fresh(), in.returning(), in.polls(), in.messages(), in.prompts(), in.reflections(), in.diy(), in.themes(),
                in.form(), in.responses(), in.edits(), java.util.Set.of());
        var s = PackBuilder.build(in).section("questions").orElseThrow();
        assertThat(s.text()).isEqualTo("4 people brought a question when they registered.");
        assertThat(s.groups().get(0).quotes()).extracting(Pack.Quote::text).containsExactly("How do we rest?", "Can kindness be taught?");
        assertThat(s.groups().get(0).text()).startsWith("2 different questions");
    }

    @Test
    void email_addresses_people_typed_are_taken_out_of_quotes() {
        assertThat(PackBuilder.redact("Write to me at kasia.nowak@glen-care.example, or ask Tom."))
                .isEqualTo("Write to me at [email address removed], or ask Tom.");
        assertThat(PackBuilder.redact("Twitter @handle is fine")).isEqualTo("Twitter @handle is fine");
        var s = PackBuilder.build(PackFixtures.full("Email me: a.b@c.example")).section("reflections").orElseThrow();
        assertThat(s.groups().get(0).quotes().get(0).text()).isEqualTo("Email me: [email address removed]");
    }
}
