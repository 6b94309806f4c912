package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.account.AccountService;
import app.cairn.config.InstanceSettings;
import app.cairn.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cairn import} and {@code cairn export} on an embedded database, as someone at a terminal would run them. */
class TransferCommandIT {
    @TempDir Path dir;

    record Run(int code, String out) {}

    Run cairn(String... args) {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new Cairn()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(args);
        return new Run(code, out.toString());
    }

    Path sample(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, FormatsTest.sample(name));
        return p;
    }

    @Test
    void a_past_event_is_created_and_brought_in_with_one_command_then_exported_and_imported_elsewhere() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(Database.h2Url(data), "sa", "", null)) {
            new AccountService(db.jdbi(), new InstanceSettings(db.jdbi()), Clock.systemUTC())
                    .signUp(new AccountService.SignUp("Sam Host", "sam@cairn.example", "correct horse battery"), false);
        }
        Run created = cairn("import", "--data", data.toString(), "--create", "--title", "Making space to reflect",
                "--starts", "2021-03-09T10:00", "--zone", "Europe/London", "--template", "community-conversation-2-hours",
                "--community", "Tayside Leaders", sample("zoom-one-line.txt").toString(), sample("slido-qa.csv").toString());
        assertThat(created.code()).as(created.out()).isZero();
        assertThat(created.out()).contains("Created the event").contains("Zoom chat").contains("direct message")
                .contains("Brought in");

        Run matched = cairn("import", "--data", data.toString(), "--event", "making-space-to-reflect",
                "--match", "Tom Reid=nobody@example.org", sample("zoom-cloud.txt").toString());
        assertThat(matched.code()).as(matched.out()).isEqualTo(2);
        assertThat(matched.out()).contains("Nobody registered with the email nobody@example.org");
        Run hosted = cairn("import", "--data", data.toString(), "--event", "making-space-to-reflect",
                "--host", "Tom Reid", sample("zoom-cloud.txt").toString());
        assertThat(hosted.code()).as(hosted.out()).isZero();
        assertThat(hosted.out()).contains("sender Tom Reid: a host").contains("sender Dr Priya Shah: anonymous");

        Run again = cairn("import", "--data", data.toString(), "--event", "making-space-to-reflect",
                sample("zoom-one-line.txt").toString());
        assertThat(again.code()).as(again.out()).isZero();
        assertThat(again.out()).contains("already brought in").contains("Brought in 0 items");

        Run feedback = cairn("import", "--data", data.toString(), "--event", "making-space-to-reflect",
                sample("ms-forms-feedback.csv").toString());
        assertThat(feedback.code()).as(feedback.out()).isZero();
        assertThat(feedback.out()).contains("ms-forms-feedback.csv: Feedback form responses")
                .contains("skipped ms-forms-feedback.csv row 4: \"great\" is not a score from 1 to 5")
                .contains("feedback: 5 responses (0 matched to registrations")
                .contains("feedback question to add: \"Which part of the session was most useful?\" (Choose one: "
                        + "Breakout rooms, Opening perspective, Closing reflections)")
                .contains("and 5 feedback responses");

        Run bad = cairn("import", "--data", data.toString(), "--event", "making-space-to-reflect",
                sample("zoom-cloud.txt").toString(), Files.writeString(dir.resolve("bad.txt"), "nonsense here").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("bad.txt: cannot be read").contains("Nothing was brought in");

        Path archive = dir.resolve("event.cairn.zip");
        Run exported = cairn("export", "--data", data.toString(), "--event", "tayside-leaders/making-space-to-reflect",
                "--out", archive.toString());
        assertThat(exported.code()).as(exported.out()).isZero();
        assertThat(ArchiveService.isArchive(Files.readAllBytes(archive))).isTrue();

        Path other = dir.resolve("other");
        try (Database db = Database.open(Database.h2Url(other), "sa", "", null)) {
            new AccountService(db.jdbi(), new InstanceSettings(db.jdbi()), Clock.systemUTC())
                    .signUp(new AccountService.SignUp("Morag Bell", "morag@example.org", "correct horse battery"), false);
        }
        Run imported = cairn("import", "--data", other.toString(), "--community", "Fife Network", archive.toString());
        assertThat(imported.code()).as(imported.out()).isZero();
        assertThat(imported.out()).contains("brought in as the event");
        try (Database db = Database.open(Database.h2Url(other), "sa", "", null)) {
            long messages = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM event_log WHERE kind = 'message'").mapTo(Long.class).one());
            // 5 from the Zoom chat, 2 Slido questions, 3 from the cloud chat (two by Tom Reid as a host).
            assertThat(messages).isEqualTo(5 + 2 + 3);
        }
    }
}
