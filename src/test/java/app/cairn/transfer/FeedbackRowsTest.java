package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.cairn.feedback.FeedbackQuestion;
import app.cairn.feedback.FeedbackService;
import app.cairn.registration.QuestionKind;
import app.cairn.transfer.ImportPlan.Response;
import app.cairn.transfer.ImportPlan.Skipped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedbackRowsTest {
    static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static ImportPlan plan(byte[] sheet, FeedbackRows.Form form) {
        var base = PlannerTest.context(Set.of(), Map.of());
        var context = new Planner.Context(base.plan(), base.registrants(), base.hostNames(), base.existingKeys(),
                base.importedFiles(), base.logHasSegments(), base.choices(), form);
        var loaded = TransferService.load(new TransferService.Upload("evaluation.csv", sheet));
        return Planner.plan(context, List.of(new Planner.Loaded(loaded.filename(), SHA, loaded.parsed(), loaded.problem())));
    }

    static ImportPlan plan(String sample, FeedbackRows.Form form) {
        return plan(FormatsTest.sample(sample), form);
    }

    static List<String> reasons(ImportPlan p) {
        return p.skipped().stream().map(s -> s.where() + ": " + s.reason()).toList();
    }

    @Test
    void each_row_becomes_a_response_matched_by_email_then_name_and_the_others_keep_a_key_of_the_file_and_row() {
        ImportPlan p = plan("ms-forms-feedback.csv", FeedbackRows.Form.NONE);
        assertThat(p.blocked()).isFalse();
        assertThat(p.items()).as("feedback adds nothing to the log").isEmpty();
        assertThat(p.feedback().responses()).extracting(Response::where, Response::key, Response::matchedTo,
                Response::recommend, Response::score).containsExactly(
                        tuple("row 2", "registration:21", "Priya Shah", true, 5),
                        tuple("row 3", "import:0123456789ab:3", null, true, 4),
                        tuple("row 4", "registration:22", "Tom Reid", false, null),
                        tuple("row 5", "import:0123456789ab:5", null, null, 4),
                        tuple("row 7", "import:0123456789ab:7", null, true, 4));
        assertThat(p.feedback().matched()).isEqualTo(2);
        assertThat(p.feedback().responses().get(0).valued()).isEqualTo("Hearing how other teams protect time to think");
        assertThat(p.feedback().responses().get(0).better()).isEqualTo("More time in the breakout rooms");
        assertThat(p.feedback().responses()).as("the form is anonymous: no names are kept").allMatch(r -> r.name() == null);
        assertThat(reasons(p)).containsExactly(
                "row 4: \"great\" is not a score from 1 to 5, so the score is left blank (the other answers are kept).",
                "row 5: \"Not sure\" to the recommend question counts as not answered (Cairn asks yes or no).",
                "row 6: No answers to bring in on this row.");
    }

    @Test
    void the_other_question_becomes_a_choice_question_of_the_organisers_own() {
        ImportPlan p = plan("ms-forms-feedback.csv", FeedbackRows.Form.NONE);
        assertThat(p.feedback().questions()).singleElement().satisfies(q -> {
            assertThat(q.label()).isEqualTo("Which part of the session was most useful?");
            assertThat(q.kind()).isEqualTo(QuestionKind.SINGLE_CHOICE);
            assertThat(q.choices()).containsExactly("Breakout rooms", "Opening perspective", "Closing reflections");
        });
        assertThat(p.feedback().responses().get(0).answers())
                .containsEntry("Which part of the session was most useful?", "Breakout rooms");
    }

    @Test
    void names_are_kept_when_the_form_is_not_anonymous_and_a_question_on_the_form_is_reused() {
        var useful = new FeedbackQuestion(7, 1, QuestionKind.SINGLE_CHOICE, "Which part of the session was MOST useful?",
                List.of("Breakout rooms", "Opening perspective"));
        ImportPlan p = plan("ms-forms-feedback.csv", new FeedbackRows.Form(false, List.of(useful), Set.of()));
        assertThat(p.feedback().questions()).isEmpty();
        assertThat(p.feedback().reused()).containsExactly("Which part of the session was MOST useful?");
        assertThat(p.feedback().responses()).extracting(Response::name)
                .containsExactly("Priya Shah", null, "Tom Reid", null, null);
        assertThat(p.feedback().responses().get(1).answers())
                .containsEntry("Which part of the session was MOST useful?", "Opening perspective");
        assertThat(reasons(p)).contains("row 5: \"Closing reflections\" is not one of the choices of \"Which part of the "
                + "session was MOST useful?\", so that answer is left out.");
    }

    @Test
    void people_who_answered_already_keep_their_answers_and_rows_brought_in_before_are_skipped() {
        ImportPlan p = plan("ms-forms-feedback.csv",
                new FeedbackRows.Form(true, List.of(), Set.of("registration:21", "import:0123456789ab:3")));
        assertThat(p.feedback().responses()).extracting(Response::where).containsExactly("row 4", "row 5", "row 7");
        assertThat(reasons(p)).contains("row 2: Priya Shah already answered the form; those answers are kept.",
                "row 3: Brought in before.");
    }

    @Test
    void the_same_person_twice_keeps_their_later_answers() {
        byte[] csv = """
                Name,Would you recommend it?,Rating
                Tom Reid,No,2
                tom reid,Yes,4
                """.getBytes(StandardCharsets.UTF_8);
        ImportPlan p = plan(csv, FeedbackRows.Form.NONE);
        assertThat(p.feedback().responses()).singleElement()
                .satisfies(r -> assertThat(r.where()).isEqualTo("row 3"))
                .satisfies(r -> assertThat(r.score()).isEqualTo(4));
        assertThat(reasons(p)).containsExactly("row 2: Tom Reid answered again (evaluation.csv, row 3): the later answers are kept.");
    }

    @Test
    void scores_are_read_as_forms_write_them_and_anything_else_is_not_a_score() {
        for (String s : List.of("4", " 4 ", "4 - Good", "4 – Good", "4 (Good)", "4/5", "4 / 5", "4 out of 5", "4 stars",
                "4.0", "★★★★☆", "★★★★", "⭐⭐⭐⭐", "****")) {
            assertThat(FeedbackRows.score(s)).as(s).isEqualTo(4);
        }
        assertThat(FeedbackRows.score("1")).isEqualTo(1);
        assertThat(FeedbackRows.score("5 = Excellent")).isEqualTo(5);
        for (String s : List.of("great", "4.5", "4,5", "8/10", "0", "6", "10", "", "☆☆☆☆☆", "★★★★★★", "-1", "Good - 4")) {
            assertThat(FeedbackRows.score(s)).as(s).isNull();
        }
    }

    @Test
    void recommend_answers_are_yes_no_or_not_answered() {
        for (String s : List.of("Yes", "yes definitely", "YES!", "Definitely", "Probably", "Absolutely, already have", "y")) {
            assertThat(FeedbackRows.recommend(s)).as(s).isEqualTo(FeedbackRows.Recommend.YES);
        }
        for (String s : List.of("No", "no.", "Probably not", "Definitely not", "Unlikely", "Not really", "n")) {
            assertThat(FeedbackRows.recommend(s)).as(s).isEqualTo(FeedbackRows.Recommend.NO);
        }
        for (String s : List.of("Not sure", "Maybe", "Don’t know", "don't know yet", "N/A")) {
            assertThat(FeedbackRows.recommend(s)).as(s).isEqualTo(FeedbackRows.Recommend.UNSURE);
        }
        assertThat(FeedbackRows.recommend("")).isEqualTo(FeedbackRows.Recommend.BLANK);
        assertThat(FeedbackRows.recommend("It was fine")).isEqualTo(FeedbackRows.Recommend.UNKNOWN);
    }

    @Test
    void a_column_becomes_yes_or_no_choose_any_choose_one_or_text_by_its_answers() {
        assertThat(FeedbackRows.kind("Q", List.of("Yes", "no", "YES"), "f", "Q").kind()).isEqualTo(QuestionKind.YES_NO);
        var any = FeedbackRows.kind("Q", List.of("Chat;Rooms;", "Rooms;", "Talk;Chat;"), "f", "Q");
        assertThat(any.kind()).isEqualTo(QuestionKind.MULTIPLE_CHOICE);
        assertThat(any.choices()).containsExactly("Chat", "Rooms", "Talk");
        assertThat(FeedbackRows.kind("Q", List.of("A", "B", "a"), "f", "Q").kind()).isEqualTo(QuestionKind.SINGLE_CHOICE);
        assertThat(FeedbackRows.kind("Q", List.of("A", "B", "C"), "f", "Q").kind())
                .as("nothing repeats: answers in words").isEqualTo(QuestionKind.SHORT_TEXT);
        assertThat(FeedbackRows.kind("Q", List.of("x".repeat(81), "y"), "f", "Q").kind()).isEqualTo(QuestionKind.LONG_TEXT);
    }

    @Test
    void more_own_questions_than_a_form_can_have_are_not_brought_in_and_say_why() {
        List<FeedbackQuestion> full = new ArrayList<>();
        for (int i = 0; i < FeedbackService.MAX_QUESTIONS - 1; i++) {
            full.add(new FeedbackQuestion(i + 1, i + 1, QuestionKind.SHORT_TEXT, "Question " + i, List.of()));
        }
        byte[] csv = """
                Rating,What could be better?,First extra,Second extra,Question 3
                4,More time,a,b,c
                """.getBytes(StandardCharsets.UTF_8);
        ImportPlan p = plan(csv, new FeedbackRows.Form(true, full, Set.of()));
        assertThat(p.feedback().questions()).extracting(ImportPlan.NewQuestion::label).containsExactly("First extra");
        assertThat(p.feedback().reused()).containsExactly("Question 3");
        assertThat(p.skipped()).extracting(Skipped::where).containsExactly("column \"Second extra\"");
        assertThat(p.skipped().get(0).reason()).contains("more than " + FeedbackService.MAX_QUESTIONS + " questions");
        assertThat(p.feedback().responses().get(0).answers()).containsOnlyKeys("First extra", "Question 3");
    }
}
