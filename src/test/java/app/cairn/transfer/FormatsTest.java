package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.cairn.live.Contribution.PollKind;
import app.cairn.transfer.Parsed.ChatLine;
import app.cairn.transfer.Parsed.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class FormatsTest {
    static byte[] sample(String name) {
        try (InputStream in = FormatsTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no sample " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Parsed read(String name) {
        return Formats.read(sample(name), name);
    }

    @Test
    void a_zoom_chat_on_one_line_gives_messages_replies_reactions_and_direct_messages() {
        var chat = (Parsed.Chat) read("zoom-one-line.txt");
        assertThat(chat.format()).isEqualTo(Format.ZOOM_CHAT);
        assertThat(chat.lines()).extracting(ChatLine::line, ChatLine::sender, ChatLine::kind).containsExactly(
                tuple(1, "Sam Host", Kind.MESSAGE),
                tuple(2, "Dr Priya Shah (she/her)", Kind.MESSAGE),
                tuple(3, "Tom Reid", Kind.MESSAGE),
                tuple(5, "Tom Reid", Kind.DIRECT),
                tuple(6, "Amira Said", Kind.REACTION),
                tuple(7, "amira said", Kind.MESSAGE),
                tuple(8, "Sam Host", Kind.MESSAGE),
                tuple(9, "Tom Reid", Kind.MESSAGE),
                tuple(10, "Dr Priya Shah (she/her)", Kind.REPLY),
                tuple(13, "Amira Said", Kind.MESSAGE),
                tuple(14, "Sam Host", Kind.MESSAGE));
        assertThat(chat.lines().get(2).text()).isEqualTo("Hi all, Tom, social care manager in Fife.\nLooking forward to this.");
        assertThat(chat.lines().get(2).time()).isEqualTo(LocalTime.of(10, 2, 5));
        assertThat(chat.lines().get(4).text()).isEqualTo("👍");
        assertThat(chat.lines().get(4).about()).isEqualTo("Hello from Dundee, Director...");
        assertThat(chat.lines().get(8).text()).isEqualTo("Yes - and making time for it.");
        assertThat(chat.lines().get(8).about()).isEqualTo("Listening before fixing.");
        assertThat(chat.lines()).noneMatch(ChatLine::elapsed);
    }

    @Test
    void a_zoom_chat_on_two_lines_reads_the_text_below_each_header() {
        var chat = (Parsed.Chat) read("zoom-two-line.txt");
        assertThat(chat.format()).isEqualTo(Format.ZOOM_CHAT);
        assertThat(chat.lines()).extracting(ChatLine::sender, ChatLine::kind, ChatLine::text).containsExactly(
                tuple("Dr Priya Shah (she/her)", Kind.MESSAGE, "Hello from Dundee\nDirector of Nursing at NHS Tayside"),
                tuple("Tom Reid", Kind.DIRECT, "Can you send me the slides?"),
                tuple("Tom Reid", Kind.REACTION, "👏"),
                tuple("Sam Host", Kind.REPLY, "Welcome Priya!"));
    }

    @Test
    void a_zoom_cloud_recording_chat_has_times_since_the_start() {
        var chat = (Parsed.Chat) read("zoom-cloud.txt");
        assertThat(chat.format()).isEqualTo(Format.ZOOM_CLOUD_CHAT);
        assertThat(chat.lines()).extracting(ChatLine::time, ChatLine::sender, ChatLine::kind).containsExactly(
                tuple(LocalTime.of(0, 1, 12), "Dr Priya Shah", Kind.MESSAGE),
                tuple(LocalTime.of(0, 2, 5), "Tom Reid", Kind.MESSAGE),
                tuple(LocalTime.of(0, 5, 0), "Amira Said", Kind.REACTION),
                tuple(LocalTime.of(1, 36, 0), "Sam Host", Kind.MESSAGE),
                tuple(LocalTime.of(1, 36, 30), "Tom Reid", Kind.MESSAGE));
        assertThat(chat.lines()).allMatch(ChatLine::elapsed);
        assertThat(chat.lines().get(1).text()).isEqualTo("Hi all, joining from Fife\nand looking forward to it");
    }

    @Test
    void a_teams_chat_copied_as_text_counts_reactions_apart_from_messages() {
        var chat = (Parsed.Chat) read("teams-chat.txt");
        assertThat(chat.format()).isEqualTo(Format.TEAMS_CHAT);
        assertThat(chat.lines().stream().filter(l -> l.kind() == Kind.REACTION)).hasSize(3);
        assertThat(chat.lines().stream().filter(l -> l.kind() == Kind.MESSAGE))
                .extracting(ChatLine::time, ChatLine::sender, ChatLine::text).containsExactly(
                        tuple(LocalTime.of(10, 1), "Sam Host (he/him)", "Welcome all, introduce yourselves in the chat please"),
                        tuple(LocalTime.of(10, 2), "Dr Priya Shah (she/her)", "Hello from Dundee\nDirector of Nursing"),
                        tuple(LocalTime.of(10, 4), "Tom Reid", "Hi all from Fife"),
                        tuple(LocalTime.of(11, 36), "Sam Host (he/him)",
                                "One practical step I will take away from this conversation is..."),
                        tuple(LocalTime.of(11, 37), "Tom Reid", "Book a monthly call with our local care homes"));
    }

    @Test
    void a_teams_attendance_report_in_utf16_with_sections_lists_each_person_once() {
        var report = (Parsed.Attendance) read("teams-attendance-utf16.csv");
        assertThat(report.people()).extracting(Parsed.Attendee::name, Parsed.Attendee::email, Parsed.Attendee::joined,
                Parsed.Attendee::left, Parsed.Attendee::organiser).containsExactly(
                tuple("Sam Host", "sam@cairn.example", LocalTime.of(9, 55, 10), LocalTime.of(12, 2), true),
                tuple("Dr Priya Shah (she/her)", "priya.shah@nhs.example", LocalTime.of(9, 59, 1), LocalTime.of(12, 0), false),
                tuple("Amira Said", "", LocalTime.of(10, 10), LocalTime.of(11, 50), false));
    }

    @Test
    void an_older_teams_attendance_report_merges_a_persons_rejoins() {
        var report = (Parsed.Attendance) read("teams-attendance-old.csv");
        assertThat(report.people()).extracting(Parsed.Attendee::name, Parsed.Attendee::joined, Parsed.Attendee::left)
                .containsExactly(
                        tuple("Sam Host", LocalTime.of(9, 55, 10), LocalTime.of(12, 2)),
                        tuple("Dr Priya Shah", LocalTime.of(9, 59, 1), LocalTime.of(12, 0)),
                        tuple("Tom Reid", LocalTime.of(10, 1), LocalTime.of(12, 0, 30)));
    }

    @Test
    void markdown_breakout_notes_have_a_room_per_second_level_heading() {
        var notes = (Parsed.Notes) read("breakout-notes.md");
        assertThat(notes.rooms()).extracting(Parsed.Room::name, Parsed.Room::notes).containsExactly(
                tuple("Room 1", java.util.List.of("Time to listen is the first thing to go when we are busy",
                        "Shared training across health and social care helps")),
                tuple("Room 2 – Fife", java.util.List.of("People want to keep talking after today, maybe monthly.")),
                tuple("Room 3", java.util.List.of()));
    }

    @Test
    void plain_text_breakout_notes_have_a_room_per_room_line() {
        var notes = (Parsed.Notes) read("breakout-notes.txt");
        assertThat(notes.rooms()).extracting(Parsed.Room::name, Parsed.Room::notes).containsExactly(
                tuple("Room 1", java.util.List.of("Time to listen is the first thing to go.", "Shared training helps.")),
                tuple("Breakout room 2", java.util.List.of("Keep talking monthly")));
    }

    @Test
    void slido_polls_keep_their_votes_and_formulas_as_text() {
        var results = (Parsed.Results) read("slido-polls.csv");
        assertThat(results.format()).isEqualTo(Format.SLIDO);
        assertThat(results.polls()).extracting(Parsed.PollResult::question, Parsed.PollResult::kind, Parsed.PollResult::votes)
                .containsExactly(tuple("Have you been to one of our events before?", PollKind.multiple_choice, 19),
                        tuple("In one word: how are you arriving today?", PollKind.word_cloud, 9));
        assertThat(results.polls().get(1).options()).extracting(Parsed.Option::text)
                .containsExactly("curious", "tired", "=HYPERLINK(\"http://x.example\")");
    }

    @Test
    void slido_questions_keep_their_likes_and_whether_they_were_answered() {
        var results = (Parsed.Results) read("slido-qa.csv");
        assertThat(results.questions()).extracting(Parsed.Question::row, Parsed.Question::text, Parsed.Question::author,
                Parsed.Question::upvotes, Parsed.Question::answered).containsExactly(
                tuple(2, "How do we keep this going after today?", "Amira Said", 6, true),
                tuple(3, "What does good look like for carers?", "Anonymous", 2, false));
    }

    @Test
    void a_mentimeter_workbook_gives_a_rating_and_open_answers_without_calculating_formulas() {
        var results = (Parsed.Results) read("mentimeter.xlsx");
        assertThat(results.format()).isEqualTo(Format.MENTIMETER);
        assertThat(results.polls()).extracting(Parsed.PollResult::kind, Parsed.PollResult::votes)
                .containsExactly(tuple(PollKind.rating, 14), tuple(PollKind.open_text, 3));
        assertThat(results.polls().get(1).options()).extracting(Parsed.Option::text)
                .containsExactly("Hearing from social care", "The breakout rooms", "=SUM(D2:D4)");
    }

    @Test
    void a_slido_workbook_with_a_summary_sheet_first_gives_the_results_of_every_other_sheet() {
        var results = (Parsed.Results) read("slido-workbook.xlsx");
        assertThat(results.polls()).extracting(Parsed.PollResult::question, Parsed.PollResult::votes)
                .containsExactly(tuple("Have you been to one of our events before?", 19));
        assertThat(results.questions()).extracting(Parsed.Question::text, Parsed.Question::upvotes)
                .containsExactly(tuple("How do we keep this going after today?", 6));
    }

    @Test
    void a_registration_sheet_is_handed_to_the_registration_import() {
        byte[] csv = "Name,Email,Organisation\nAnn Lee,ann@x.example,NHS Fife\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Formats.read(csv, "people.csv")).isInstanceOf(Parsed.People.class);
    }

    @Test
    void a_microsoft_forms_evaluation_export_is_a_feedback_sheet_with_each_column_named() {
        var feedback = (Parsed.Feedback) read("ms-forms-feedback.csv");
        assertThat(feedback.format()).isEqualTo(Format.FEEDBACK);
        assertThat(feedback.columns()).extracting(Parsed.Column::role).containsExactly(Parsed.Role.METADATA,
                Parsed.Role.METADATA, Parsed.Role.METADATA, Parsed.Role.EMAIL, Parsed.Role.NAME, Parsed.Role.RECOMMEND,
                Parsed.Role.SCORE, Parsed.Role.VALUED, Parsed.Role.BETTER, Parsed.Role.QUESTION);
        assertThat(feedback.sheet().rows()).hasSize(6);
    }

    @Test
    void a_google_forms_evaluation_export_is_a_feedback_sheet_whatever_the_order_of_its_questions() {
        var feedback = (Parsed.Feedback) read("google-forms-feedback.csv");
        assertThat(feedback.columns()).extracting(Parsed.Column::header, Parsed.Column::role).containsExactly(
                tuple("Timestamp", Parsed.Role.METADATA),
                tuple("Email address", Parsed.Role.EMAIL),
                tuple("Overall, how would you rate the session? (1-5)", Parsed.Role.SCORE),
                tuple("Would you recommend this event to a colleague?", Parsed.Role.RECOMMEND),
                tuple("What did you value most?", Parsed.Role.VALUED),
                tuple("What could we improve?", Parsed.Role.BETTER),
                tuple("Anything else you would like to tell us?", Parsed.Role.QUESTION));
    }

    @Test
    void an_evaluation_workbook_is_a_feedback_sheet_too() throws IOException {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("Form1");
            String[][] rows = {{"ID", "Start time", "Completion time", "Email", "Name", "How would you rate the event?",
                    "What could be better?"}, {"1", "3/9/21 11:50", "3/9/21 11:52", "anonymous", "", "4", "More time"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            var out = new java.io.ByteArrayOutputStream();
            book.write(out);
            assertThat(Formats.read(out.toByteArray(), "Evaluation(1-24).xlsx")).isInstanceOf(Parsed.Feedback.class);
        }
    }

    /**
     * The rule, with samples of both sides: two or more of the standard evaluation questions make a
     * feedback sheet; registration exports (Eventbrite, Google Forms, Microsoft Forms) stay sheets of people,
     * even when one of their questions sounds like an evaluation.
     */
    @Test
    void registration_sheets_stay_sheets_of_people_and_one_evaluation_like_question_is_not_enough() {
        for (String name : new String[] {"eventbrite-attendees.csv", "google-forms-semicolons.csv", "microsoft-forms.xlsx"}) {
            byte[] bytes = sample("/app/cairn/registration/imports/" + name);
            assertThat(Formats.read(bytes, name)).as(name).isInstanceOf(Parsed.People.class);
        }
        byte[] one = ("Name,Email,What do you value most in your team?,If this event could answer one question, what would it be?\n"
                + "Ann Lee,ann@x.example,Honesty,How to keep going\n").getBytes(StandardCharsets.UTF_8);
        assertThat(Formats.read(one, "people.csv")).isInstanceOf(Parsed.People.class);
        byte[] two = "Name,How would you rate the event?,What could be better?\nAnn Lee,4,Nothing\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Formats.read(two, "people.csv")).isInstanceOf(Parsed.Feedback.class);
        byte[] noNames = "Would you recommend it?,Score out of 5\nYes,5\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Formats.read(noNames, "answers.csv")).isInstanceOf(Parsed.Feedback.class);
    }

    @Test
    void each_header_is_read_as_what_it_asks() {
        assertThat(FeedbackSheet.role("Would you recommend an event like this to a colleague?")).isEqualTo(Parsed.Role.RECOMMEND);
        assertThat(FeedbackSheet.role("How likely are you to recommend us?")).isEqualTo(Parsed.Role.RECOMMEND);
        assertThat(FeedbackSheet.role("How would you rate the event overall?")).isEqualTo(Parsed.Role.SCORE);
        assertThat(FeedbackSheet.role("Rating")).isEqualTo(Parsed.Role.SCORE);
        assertThat(FeedbackSheet.role("Score out of 5")).isEqualTo(Parsed.Role.SCORE);
        assertThat(FeedbackSheet.role("What did you value about the event?")).isEqualTo(Parsed.Role.VALUED);
        assertThat(FeedbackSheet.role("What did you like most?")).isEqualTo(Parsed.Role.VALUED);
        assertThat(FeedbackSheet.role("Overall, what did you value most?")).isEqualTo(Parsed.Role.VALUED);
        assertThat(FeedbackSheet.role("Overall, how was the session?")).isEqualTo(Parsed.Role.SCORE);
        assertThat(FeedbackSheet.role("How would you rate the value of the event?")).isEqualTo(Parsed.Role.SCORE);
        assertThat(FeedbackSheet.role("What could be better?")).isEqualTo(Parsed.Role.BETTER);
        assertThat(FeedbackSheet.role("How could we improve the session?")).isEqualTo(Parsed.Role.BETTER);
        assertThat(FeedbackSheet.role("Which part of the session was most useful?")).isEqualTo(Parsed.Role.QUESTION);
        assertThat(FeedbackSheet.role("If this event could answer one question, what would it be?"))
                .isEqualTo(Parsed.Role.QUESTION);
        assertThat(FeedbackSheet.role("Which organisation do you work for?")).isEqualTo(Parsed.Role.QUESTION);
        for (String h : new String[] {"ID", "Start time", "Completion time", "Last modified time", "Timestamp", "Language",
                "Total points", "Points - Would you recommend?"}) {
            assertThat(FeedbackSheet.role(h)).as(h).isEqualTo(Parsed.Role.METADATA);
        }
        assertThat(FeedbackSheet.role("Email address")).isEqualTo(Parsed.Role.EMAIL);
        assertThat(FeedbackSheet.role("Your full name")).isEqualTo(Parsed.Role.NAME);
        // Two rating columns: the one that says "overall" is the score, the other the organiser's own question.
        assertThat(FeedbackSheet.columns(java.util.List.of("How would you rate the speaker?",
                "How would you rate the event overall?"))).extracting(Parsed.Column::role)
                .containsExactly(Parsed.Role.QUESTION, Parsed.Role.SCORE);
    }

    @Test
    void a_sheet_of_neither_results_nor_people_names_its_header_row() {
        byte[] csv = "\nSession,Date,Participants\nKindness,2021-03-09,14\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Formats.read(csv, "summary.csv")).isInstanceOf(TransferProblem.class)
                .hasMessageStartingWith("Row 2:").hasMessageContaining("Session, Date, Participants");
    }

    @Test
    void a_chat_that_does_not_start_with_a_message_names_the_line() {
        byte[] text = "hello\n10:01:12 From Ann to Everyone: hi\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Formats.read(text, "chat.txt")).isInstanceOf(TransferProblem.class)
                .hasMessageContaining("Line 1");
        byte[] bad = "10:01:12 From Ann to Everyone: hi\n25:00:00 From Ann to Everyone: late\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Formats.read(bad, "chat.txt")).hasMessageStartingWith("Line 2:");
    }

    @Test
    void a_vote_count_that_is_not_a_number_names_the_row() {
        byte[] csv = "Poll question,Option,Votes\nQ?,Yes,12\n,No,many\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Formats.read(csv, "poll.csv")).isInstanceOf(TransferProblem.class)
                .hasMessageStartingWith("Row 3:");
    }

    @Test
    void binary_and_cut_short_files_get_a_plain_message() {
        assertThatThrownBy(() -> Formats.read(new byte[] {1, 0, 2, 0, 3, 0, 0, 0, 9}, "x.txt"))
                .isInstanceOf(TransferProblem.class);
        byte[] utf16 = sample("teams-attendance-utf16.csv");
        byte[] cut = java.util.Arrays.copyOf(utf16, utf16.length - 1);
        assertThatThrownBy(() -> Formats.read(cut, "x.csv")).isInstanceOf(TransferProblem.class)
                .hasMessageStartingWith("Line 17:");
        assertThatThrownBy(() -> Formats.read(java.util.Arrays.copyOf(sample("mentimeter.xlsx"), 900), "m.xlsx"))
                .isInstanceOf(TransferProblem.class);
        assertThatThrownBy(() -> Formats.read("just some words".getBytes(StandardCharsets.UTF_8), "x.txt"))
                .hasMessageContaining("could not tell");
    }

    @Test
    void a_huge_file_is_refused_and_a_long_chat_is_read_quickly() {
        byte[] huge = new byte[TextFile.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThatThrownBy(() -> Formats.read(huge, "chat.txt")).hasMessageContaining("larger than 5 MB");
        StringBuilder chat = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            chat.append(String.format("%02d:%02d:%02d From Person %d to Everyone: message number %d%n", 10 + i / 3600 % 12,
                    i / 60 % 60, i % 60, i % 97, i));
        }
        long started = System.nanoTime();
        var parsed = (Parsed.Chat) Formats.read(chat.toString().getBytes(StandardCharsets.UTF_8), "chat.txt");
        assertThat(parsed.lines()).hasSize(40_000);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
    }

    @Test
    void a_chat_saved_as_windows_1252_keeps_its_accents() {
        byte[] text = "10:01:12 From Seán Ó Briain to Everyone: Café at noon\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        var chat = (Parsed.Chat) Formats.read(text, "chat.txt");
        assertThat(chat.lines()).extracting(ChatLine::sender, ChatLine::text).containsExactly(tuple("Seán Ó Briain", "Café at noon"));
    }

    @Test
    void a_very_old_zoom_chat_without_a_recipient_is_a_message_to_everyone() {
        byte[] text = "10:01:12 From  Ann Lee : Hello all\n".getBytes(StandardCharsets.UTF_8);
        var chat = (Parsed.Chat) Formats.read(text, "chat.txt");
        assertThat(chat.lines()).extracting(ChatLine::sender, ChatLine::kind, ChatLine::text)
                .containsExactly(tuple("Ann Lee", Kind.MESSAGE, "Hello all"));
    }
}
