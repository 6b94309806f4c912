package app.cairn.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Scotland's health and social care organisations as Cairn ships them ({@code organisations.csv}
 * beside this class): the territorial and national NHS boards, the health and social care
 * partnerships, the councils' social work services and the main national third-sector and public
 * bodies, each with its sector and the other names people call it by.
 */
public final class OrganisationDirectory {
    static final String RESOURCE = "organisations.csv";

    /** One organisation in the shipped directory. */
    public record Listed(String code, String name, Sector sector, String kind, List<String> aliases) {}

    private OrganisationDirectory() {}

    public static List<Listed> read() {
        try (InputStream in = OrganisationDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the organisations directory " + RESOURCE + " is missing");
            var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            List<Listed> out = new ArrayList<>();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                Sector sector = Sector.ofCode(r.get("sector")).orElseThrow(() ->
                        new IllegalStateException("unknown sector '" + r.get("sector") + "' in " + RESOURCE));
                List<String> aliases = r.get("aliases").isBlank() ? List.of()
                        : Arrays.stream(r.get("aliases").split("\\|")).map(String::strip).toList();
                out.add(new Listed(r.get("code"), r.get("name"), sector, r.get("kind"), aliases));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the organisations directory", e);
        }
    }
}
