package app.cairn.insights;

import app.cairn.registration.RegistrationExport;
import java.util.ArrayList;
import java.util.List;

/** The series insights as a CSV file: one row per conversation, with a column per sector. */
final class InsightsCsv {
    private InsightsCsv() {}

    static byte[] of(Series series) {
        List<String> sectors = new ArrayList<>(series.sectors().keySet());
        List<String> header = new ArrayList<>(List.of("Conversation", "Date", "Registered", "Waiting", "Attended", "New",
                "Returning", "Organisations reached", "Organisations reached for the first time"));
        sectors.forEach(s -> header.add("Sector: " + s));
        List<List<String>> rows = new ArrayList<>();
        for (Series.EventReach e : series.events()) {
            List<String> row = new ArrayList<>(List.of(e.title(), e.date().toString(), n(e.registered()), n(e.waiting()),
                    n(e.attended()), n(e.fresh()), n(e.returning()), n(e.organisations()), n(e.newOrganisations())));
            sectors.forEach(s -> row.add(n(e.sectors().getOrDefault(s, 0))));
            rows.add(row);
        }
        return RegistrationExport.csv(header, rows);
    }

    private static String n(int value) {
        return Integer.toString(value);
    }
}
