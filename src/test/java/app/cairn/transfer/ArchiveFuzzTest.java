package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes at all, brought in as an event archive, are either read into parts that hang together
 * or refused with a {@link TransferProblem}: never another exception, never a hang. {@code mvn test}
 * replays the saved inputs (ArchiveFuzzTestInputs); {@code JAZZER_FUZZ=1} fuzzes for 30 seconds.
 */
class ArchiveFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void reading_any_archive_gives_its_parts_or_a_plain_problem(byte[] data) {
        ArchiveService.Read read;
        try {
            read = ArchiveService.read(data);
        } catch (TransferProblem problem) {
            assertThat(problem.getMessage()).isNotBlank();
            return;
        }
        assertThat(read.manifest().format()).isEqualTo(Archive.FORMAT);
        assertThat(read.event().title()).isNotNull();
        assertThat(read.log()).allMatch(e -> e.contribution() != null && e.at() != null);
        if (read.feedback() != null) {
            var people = read.participants().stream().map(Archive.ParticipantPart::id).toList();
            var regs = read.registrations().stream().map(Archive.RegistrationPart::id).toList();
            assertThat(read.feedback().responses()).allSatisfy(r -> assertThat(KeptIds.person(r.personKey(),
                    id -> regs.contains(id) ? id : null, id -> people.contains(id) ? id : null)).isNotNull());
        }
    }

    static final String SEED = "ArchiveFuzzTestInputs/reading_any_archive_gives_its_parts_or_a_plain_problem/";

    /** The seed archive with one part replaced (or added). */
    static byte[] with(String seed, String part, String content) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(FormatsTest.sample(SEED + seed)));
                var zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals(part)) continue;
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(b);
            }
            zip.putNextEntry(new java.util.zip.ZipEntry(part));
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @org.junit.jupiter.api.Test
    void an_archive_with_feedback_reads_its_form_and_an_older_one_without_reads_none() {
        var read = ArchiveService.read(FormatsTest.sample(SEED + "seed-feedback-archive.zip"));
        assertThat(read.feedback().state()).isEqualTo("closed");
        assertThat(read.feedback().questions()).singleElement().satisfies(q -> assertThat(q.choices()).containsExactly("Rooms", "Talk"));
        assertThat(read.feedback().responses()).extracting(Archive.FeedbackResponsePart::personKey)
                .containsExactly("participant:7", "import:0123456789ab:3");
        assertThat(read.feedback().responses().get(0).answers()).containsEntry(3L, "Rooms");
        assertThat(read.unknown()).isEmpty();
        assertThat(ArchiveService.read(FormatsTest.sample(SEED + "seed-small-archive.zip")).feedback()).isNull();
    }

    @org.junit.jupiter.api.Test
    void feedback_that_does_not_hang_together_with_the_archive_is_refused_with_a_message() throws Exception {
        String form = """
                {"anonymous": true, "state": "%s", "questions": [{"id": 3, "kind": "short_text", "label": "Q", "choices": []}],
                 "responses": [{"id": 1, "personKey": "%s", "recommend": "%s", "score": %s, "answers": {"%s": "x"}}]}""";
        String[][] bad = {
                {"draft", "participant:8", "yes", "4", "3", "feedback.json: response 1 is by a person the archive does not list."},
                {"draft", "registration:7", "yes", "4", "3", "feedback.json: response 1 is by a person the archive does not list."},
                {"draft", "participant:7", "maybe", "4", "3", "feedback.json: response 1: the recommend answer is neither yes nor no."},
                {"draft", "participant:7", "no", "6", "3", "feedback.json: response 1: the score is not from 1 to 5."},
                {"draft", "participant:7", "no", "5", "4", "feedback.json: response 1 answers a question the archive does not list."},
                {"gone", "participant:7", "no", "5", "3", "feedback.json: the form's state \"gone\" is not draft, open or closed."}};
        for (String[] b : bad) {
            byte[] zip = with("seed-small-archive.zip", "feedback.json", form.formatted(b[0], b[1], b[2], b[3], b[4]));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArchiveService.read(zip)).as(b[5])
                    .isInstanceOf(TransferProblem.class).hasMessage(b[5]);
        }
        byte[] good = with("seed-small-archive.zip", "feedback.json", form.formatted("open", "participant:7", "no", "5", "3"));
        assertThat(ArchiveService.read(good).feedback().responses()).hasSize(1);
    }
}
