package app.cairn.insights;

import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.event.EventService;
import app.cairn.event.EventSummary;
import app.cairn.registration.Registration.Status;
import app.cairn.registration.RegistrationService;
import app.cairn.registration.Sector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reach across a community's series of conversations: people registered and attended, new and
 * returning, organisations and sectors reached (and organisations reached for the first time).
 * A person or organisation is new at the first conversation, by date, where they had a place.
 * Cancelled conversations and cancelled or waiting registrations do not count as reach.
 */
public final class InsightsService {
    private final RegistrationService registrations;
    private final EventService events;
    private final CommunityService communities;
    private final Attendance attendance;
    private final Clock clock;

    public InsightsService(RegistrationService registrations, EventService events, CommunityService communities,
            Attendance attendance, Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.communities = communities;
        this.attendance = attendance;
        this.clock = clock;
    }

    public Series series(long accountId, long communityId) {
        communities.requireRole(accountId, communityId, Role.ORGANISER);
        List<EventSummary> conversations = events.inCommunity(communityId).stream()
                .filter(s -> !s.event().cancelled())
                .sorted(Comparator.comparing(s -> s.event().start().toInstant()))
                .toList();
        Map<Long, List<RegistrationService.Reach>> byEvent = new HashMap<>();
        for (var r : registrations.reach(accountId, communityId)) {
            byEvent.computeIfAbsent(r.eventId(), k -> new ArrayList<>()).add(r);
        }
        Set<Long> seenPeople = new HashSet<>();
        Map<String, Series.Reached> seenOrgs = new LinkedHashMap<>();
        Map<String, Integer> orgPeople = new HashMap<>();
        Map<String, Integer> sectorTotals = blankSectors();
        List<Series.EventReach> rows = new ArrayList<>();
        for (EventSummary s : conversations) {
            long id = s.event().id();
            List<RegistrationService.Reach> all = byEvent.getOrDefault(id, List.of());
            List<RegistrationService.Reach> placed = all.stream().filter(r -> r.status() == Status.CONFIRMED).toList();
            int waiting = (int) all.stream().filter(r -> r.status() == Status.WAITING).count();
            Set<Long> attended = attendance.attended(id);
            int came = (int) placed.stream().filter(r -> attended.contains(r.registrationId())).count();
            int fresh = 0;
            Set<String> orgs = new HashSet<>();
            int newOrgs = 0;
            Map<String, Integer> sectors = blankSectors();
            for (var r : placed) {
                if (seenPeople.add(r.personId())) fresh++;
                sectors.merge(Sector.labelOf(r.sector()), 1, Integer::sum);
                sectorTotals.merge(Sector.labelOf(r.sector()), 1, Integer::sum);
                String org = orgKey(r);
                if (org == null) continue;
                orgs.add(org);
                orgPeople.merge(org, 1, Integer::sum);
                if (!seenOrgs.containsKey(org)) {
                    seenOrgs.put(org, new Series.Reached(r.organisation(), Sector.labelOf(r.sector()), s.event().title(), 0));
                    newOrgs++;
                }
            }
            rows.add(new Series.EventReach(id, s.event().title(), s.event().date(), s.pastAt(clock.instant()),
                    placed.size(), waiting, came, fresh, placed.size() - fresh, orgs.size(), newOrgs, sectors));
        }
        List<Series.Reached> reached = seenOrgs.entrySet().stream()
                .map(e -> new Series.Reached(e.getValue().name(), e.getValue().sector(), e.getValue().firstEvent(),
                        orgPeople.getOrDefault(e.getKey(), 0)))
                .sorted(Comparator.comparing((Series.Reached r) -> -r.people()).thenComparing(Series.Reached::name))
                .toList();
        sectorTotals.values().removeIf(n -> n == 0);
        return new Series(rows, seenPeople.size(), seenOrgs.size(), sectorTotals, reached);
    }

    /** Organisations by their merged id when Cairn knows them, else by the name as typed (ignoring case). */
    private static String orgKey(RegistrationService.Reach r) {
        if (r.organisationId() != null) return "id:" + r.organisationId();
        if (r.organisation() == null || r.organisation().isBlank()) return null;
        return "name:" + r.organisation().strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Every sector, in the same order, so charts and tables line up (people who gave none last). */
    static Map<String, Integer> blankSectors() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Sector s : Sector.values()) m.put(s.label(), 0);
        m.put(Sector.labelOf(""), 0);
        return m;
    }
}
