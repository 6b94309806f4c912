package app.cairn.synthesis.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Texts with human labels, read from a CSV file with a header and `text` and `label` columns. */
public record LabelledSet(String name, List<String> texts, List<String> labels) {

    public static LabelledSet read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    public static LabelledSet resource(String name) {
        InputStream in = LabelledSet.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalArgumentException(name + " is not on the test class path");
        return read(name, in);
    }

    private static LabelledSet read(String name, InputStream stream) {
        try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            String labelColumn = csv.getHeaderMap().containsKey("label") ? "label" : "category";
            if (!csv.getHeaderMap().containsKey("text") || !csv.getHeaderMap().containsKey(labelColumn)) {
                throw new IllegalArgumentException(name + " needs a header with `text` and `label` columns; it has " + csv.getHeaderNames());
            }
            List<String> texts = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (CSVRecord r : csv) {
                texts.add(r.get("text"));
                labels.add(r.get(labelColumn));
            }
            return new LabelledSet(name, texts, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
    }

    public int size() {
        return texts.size();
    }

    public int labelCount() {
        return (int) labels.stream().distinct().count();
    }
}
