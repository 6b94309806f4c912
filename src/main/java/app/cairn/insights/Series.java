package app.cairn.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A community's reach across its conversations: one row per conversation in date order, and totals. */
public record Series(List<EventReach> events, int people, int organisations, Map<String, Integer> sectors,
        List<Reached> organisationsReached) {

    /** One conversation's reach. {@code sectors} counts people with a place by sector label, in a fixed order. */
    public record EventReach(long eventId, String title, LocalDate date, boolean past, int registered, int waiting,
            int attended, int fresh, int returning, int organisations, int newOrganisations, Map<String, Integer> sectors) {
        /** "9 Mar 2027", for chart axes and table rows. */
        public String shortDate() {
            return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK));
        }
    }

    /** An organisation reached, the conversation it was first reached at, and how many people came from it. */
    public record Reached(String name, String sector, String firstEvent, int people) {}
}
