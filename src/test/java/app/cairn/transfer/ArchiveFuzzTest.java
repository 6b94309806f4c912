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
    }
}
