package app.cairn.registration;

import app.cairn.registration.Registration.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An event's registrations as its organiser reads them: each person with whether they have been
 * to one of the community's earlier events, filtered and searched, with counts, the sector mix,
 * new against returning, and the answers to each question.
 */
public record Roster(List<Row> rows, int total, Map<Status, Integer> counts, Map<String, Integer> sectors, int fresh,
        int returning, List<Answers> answers, List<OrganisationCount> organisations, Filter filter) {

    /** One registration, with its organisation as merged and whether the person has been before. */
    public record Row(Registration registration, String organisation, Long organisationId, boolean returningPerson) {}

    /** What the organiser searched and filtered by; blank means everything. */
    public record Filter(String search, String status, String sector, String returning, String organisation) {
        public static Filter none() {
            return new Filter("", "", "", "", "");
        }

        public boolean any() {
            return !(search.isBlank() && status.isBlank() && sector.isBlank() && returning.isBlank() && organisation.isBlank());
        }
    }

    /** The answers given to one of the event's questions; choices are tallied. */
    public record Answers(Question question, List<String> texts, Map<String, Integer> tally) {}

    /** An organisation and how many of the (filtered) people came from it. */
    public record OrganisationCount(long id, String name, int people) {}

    static Roster of(List<Registration> all, List<RegistrationService.Reach> reach, Map<Long, Instant> starts,
            long eventId, Map<Long, Organisation> canonical, List<Question> questions, Filter filter) {
        Instant thisStart = starts.get(eventId);
        Set<Long> earlier = reach.stream()
                .filter(r -> r.eventId() != eventId && r.status() != Status.CANCELLED)
                .filter(r -> starts.containsKey(r.eventId()) && thisStart != null && starts.get(r.eventId()).isBefore(thisStart))
                .map(RegistrationService.Reach::personId)
                .collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        for (Registration r : all) {
            Organisation o = r.organisationId() == null ? null : canonical.get(r.organisationId());
            rows.add(new Row(r, o == null ? r.organisationName() : o.name(), o == null ? null : o.id(),
                    earlier.contains(r.personId())));
        }
        List<Row> shown = rows.stream().filter(row -> matches(row, filter)).toList();

        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) counts.put(s, 0);
        shown.forEach(row -> counts.merge(row.registration().status(), 1, Integer::sum));
        List<Row> active = shown.stream().filter(row -> row.registration().status() != Status.CANCELLED).toList();
        Map<String, Integer> sectors = new LinkedHashMap<>();
        for (Sector s : Sector.values()) sectors.put(s.label(), 0);
        active.forEach(row -> sectors.merge(Sector.labelOf(row.registration().sector()), 1, Integer::sum));
        sectors.values().removeIf(n -> n == 0);
        int returning = (int) active.stream().filter(Row::returningPerson).count();

        List<Answers> answers = new ArrayList<>();
        for (Question q : questions) {
            List<String> texts = new ArrayList<>();
            Map<String, Integer> tally = new LinkedHashMap<>();
            q.options().forEach(o -> tally.put(o, 0));
            for (Row row : active) {
                String a = row.registration().answers().get(q.id());
                if (a == null || a.isEmpty()) continue;
                if (q.kind().hasChoices() || q.kind() == QuestionKind.YES_NO) {
                    for (String one : a.split("\n")) tally.merge(one, 1, Integer::sum);
                } else {
                    texts.add(a);
                }
            }
            answers.add(new Answers(q, texts, q.kind().hasChoices() || q.kind() == QuestionKind.YES_NO ? tally : Map.of()));
        }
        Map<Long, OrganisationCount> orgs = new TreeMap<>();
        for (Row row : active) {
            if (row.organisationId() == null) continue;
            orgs.merge(row.organisationId(), new OrganisationCount(row.organisationId(), row.organisation(), 1),
                    (a, b) -> new OrganisationCount(a.id(), a.name(), a.people() + 1));
        }
        List<OrganisationCount> organisations = orgs.values().stream()
                .sorted((a, b) -> a.people() != b.people() ? b.people() - a.people() : a.name().compareToIgnoreCase(b.name()))
                .toList();
        return new Roster(shown, rows.size(), counts, sectors, active.size() - returning, returning, answers, organisations,
                filter);
    }

    private static boolean matches(Row row, Filter f) {
        Registration r = row.registration();
        if (!f.status().isBlank() && !r.status().code().equals(f.status())) return false;
        if (!f.sector().isBlank() && !r.sector().equals(f.sector().equals("none") ? "" : f.sector())) return false;
        if (f.returning().equals("new") && row.returningPerson()) return false;
        if (f.returning().equals("returning") && !row.returningPerson()) return false;
        if (!f.organisation().isBlank() && !String.valueOf(row.organisationId()).equals(f.organisation())) return false;
        if (!f.search().isBlank()) {
            String q = f.search().toLowerCase(Locale.ROOT).strip();
            String hay = String.join("\n", r.name(), r.email(), r.role(), r.organisationName(), row.organisation(),
                    r.oneQuestion(), r.accessNeeds()).toLowerCase(Locale.ROOT);
            return hay.contains(q);
        }
        return true;
    }

    public int active() {
        return fresh + returning;
    }

    /** "38%": a share of the people not cancelled. */
    public String share(int n) {
        return active() == 0 ? "0%" : Math.round(100.0 * n / active()) + "%";
    }
}
