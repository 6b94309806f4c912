package app.cairn.themes;

import app.cairn.store.Database;
import app.cairn.testing.TestDatabases;
import app.cairn.testing.TestServer;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Benchmark of themes during an event (bench/themes-live N): N contributions arrive in one
 * segment's chat of a running Cairn; the worker embeds them as they come; then the facilitator's
 * workspace asks for the stream's suggestions, again after ten more arrive, and again unchanged.
 * Texts: our leadership set, then BANKING77's test set from ../shared when more are needed.
 */
public final class ThemesLiveSpeed {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path shared = args.length > 1 && !args[1].isBlank() ? Path.of(args[1]) : null;
        List<String> texts = texts(n, shared);
        boolean postgres = TestDatabases.postgresUrl() != null;
        try (TestServer server = TestServer.start(postgres ? Database.Vendor.POSTGRESQL : Database.Vendor.H2)) {
            ThemesHttpIT.Setup s = ThemesHttpIT.setUp(server);
            EmbeddingStore store = new EmbeddingStore(server.database().jdbi(), () -> "unused", java.time.Clock.systemUTC());
            long t0 = System.nanoTime();
            ThemeServiceIT.say(server, s.eventId(), texts);
            long recorded = ms(t0);
            long head = server.services().live().transcript(s.eventId()).seq();
            while (store.progress(s.eventId()) < head) Thread.sleep(50);
            long worker = ms(t0);

            String stream = "chat-" + s.segmentId();
            ThemeService themes = server.services().themes();
            long t1 = System.nanoTime();
            var w = themes.workspace(s.accountId(), s.eventId(), stream);
            long suggest = ms(t1);

            ThemeServiceIT.say(server, s.eventId(), texts(n + 10, shared).subList(n, n + 10));
            long head2 = server.services().live().transcript(s.eventId()).seq();
            while (store.progress(s.eventId()) < head2) Thread.sleep(20);
            long t2 = System.nanoTime();
            themes.workspace(s.accountId(), s.eventId(), stream);
            long afterNew = ms(t2);
            long t3 = System.nanoTime();
            themes.workspace(s.accountId(), s.eventId(), stream);
            long unchanged = ms(t3);
            System.out.println("contributions=" + n + " themes=" + w.themes().size() + " recorded_ms=" + recorded
                    + " worker_done_ms=" + worker + " suggest_ms=" + suggest + " after_ten_more_ms=" + afterNew
                    + " unchanged_ms=" + unchanged + " vendor=" + (postgres ? "postgresql" : "h2"));
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static List<String> texts(int n, Path shared) throws Exception {
        List<String> out = new ArrayList<>(read(Path.of("src/test/resources/synthesis/leadership-conversations.csv")));
        if (out.size() < n) {
            if (shared == null) throw new IllegalArgumentException("more than " + out.size() + " texts need ../shared/datasets");
            out.addAll(read(shared.resolve("datasets/banking77/test.csv")));
        }
        if (out.size() < n) throw new IllegalArgumentException("only " + out.size() + " texts available");
        return out.subList(0, n);
    }

    private static List<String> read(Path csv) throws Exception {
        List<String> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(row.get("text"));
            }
        }
        return out;
    }
}
