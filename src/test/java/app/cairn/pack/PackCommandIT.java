package app.cairn.pack;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.Cairn;
import app.cairn.config.Settings;
import app.cairn.demo.Demo;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PackCommandIT {

    @Test
    void the_command_line_writes_the_demo_pack_in_every_format(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String ref;
        try (Cairn.Instance cairn = Cairn.start(Settings.fromEnvironment(Map.of()).withDataDir(data).withPort(0).withDemo(true),
                Clock.systemUTC())) {
            long organiser = cairn.services().accounts().byEmail(Demo.EMAIL).orElseThrow().id();
            var community = cairn.services().communities().membershipsOf(organiser).get(0).community();
            long pastId = cairn.services().instanceSettings().get("demo.past-event").map(Long::valueOf).orElseThrow();
            var past = cairn.services().events().find(pastId).orElseThrow().event();
            ref = community.slug() + "/" + past.slug();
            Files.write(dir.resolve("past.cairn.zip"), cairn.services().archives().export(organiser, pastId));
        }
        for (String format : new String[] {"pdf", "html", "docx", "csv"}) {
            Path out = dir.resolve("pack." + format);
            int code = new CommandLine(new Cairn()).execute("pack", "--data", data.toString(), "--event", ref,
                    "--format", format, "--out", out.toString());
            assertThat(code).as(format).isZero();
            assertThat(Files.size(out)).as(format).isGreaterThan(1000);
        }
        try (var pdf = Loader.loadPDF(dir.resolve("pack.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Who joined us", "What our participants thought");
        }
        try (var docx = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("pack.docx"))))) {
            assertThat(docx.getParagraphs()).anySatisfy(p -> assertThat(p.getText()).isEqualTo("Closing reflections"));
        }
        assertThat(Files.readString(dir.resolve("pack.html"))).contains("data:image/svg+xml;base64,", "Closing reflections");
        // From an archive instead of the database: the same pack, under the same community's name.
        Path fromArchive = dir.resolve("from-archive.html");
        assertThat(new CommandLine(new Cairn()).execute("pack", "--archive", dir.resolve("past.cairn.zip").toString(),
                "--format", "html", "--out", fromArchive.toString())).isZero();
        assertThat(Files.readString(fromArchive)).contains("Leading with compassion when the pressure is on",
                "Scottish Leadership Community", "Closing reflections", "Who joined us");
        assertThat(new CommandLine(new Cairn()).execute("pack", "--archive", dir.resolve("pack.pdf").toString(),
                "--format", "html", "--out", dir.resolve("y.html").toString())).isNotZero();
        assertThat(new CommandLine(new Cairn()).execute("pack", "--data", data.toString(), "--event", "no/such",
                "--format", "pdf", "--out", dir.resolve("x.pdf").toString())).isNotZero();
    }
}
