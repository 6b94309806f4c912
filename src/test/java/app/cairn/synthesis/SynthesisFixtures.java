package app.cairn.synthesis;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Labelled texts from the CSV files under src/test/resources/synthesis. */
final class SynthesisFixtures {
    record Labelled(String text, String label) {}

    private SynthesisFixtures() {}

    static List<Labelled> labelled(String resource) {
        try (Reader in = new InputStreamReader(SynthesisFixtures.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            List<Labelled> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.add(new Labelled(r.get("text"), r.get("label")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    static List<String> texts(String resource) {
        return labelled(resource).stream().map(Labelled::text).toList();
    }
}
