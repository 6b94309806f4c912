package app.cairn.registration;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisations people come from: the shipped directory, names typed on forms and in imports,
 * matching a typed name to a known organisation, and organisers merging spelling variants (once,
 * for every event of their community).
 */
public final class OrganisationService {
    private static final Logger log = LoggerFactory.getLogger(OrganisationService.class);
    static final int MAX_NAME = 200;

    private final OrganisationStore store;
    private final CommunityService communities;
    private final Clock clock;

    public OrganisationService(Jdbi jdbi, CommunityService communities, Clock clock) {
        this.store = new OrganisationStore(jdbi);
        this.communities = communities;
        this.clock = clock;
    }

    /** Loads the shipped directory into the database, changing only what differs. Run at start. */
    public void loadDirectory() {
        int changed = store.syncDirectory(OrganisationDirectory.read(), clock.instant());
        if (changed > 0) log.info("organisations directory loaded changed={}", changed);
    }

    /** A matcher over the community's organisations: merged spellings lead to what they were merged into. */
    OrganisationMatcher matcher(List<Organisation> visible) {
        List<OrganisationMatcher.Entry> entries = new ArrayList<>();
        for (Organisation o : visible) {
            if (o.mergedInto() == null) {
                List<String> names = new ArrayList<>();
                names.add(o.name());
                names.addAll(o.aliases());
                entries.add(new OrganisationMatcher.Entry(o.id(), names));
            }
        }
        for (Organisation o : visible) {
            if (o.mergedInto() != null) entries.add(new OrganisationMatcher.Entry(o.mergedInto(), List.of(o.name())));
        }
        return new OrganisationMatcher(entries);
    }

    /** The known organisation a typed name means, for the form's hint and the API. */
    public Optional<Organisation> match(long communityId, String typed) {
        List<Organisation> visible = store.visibleTo(communityId);
        Map<Long, Organisation> byId = new HashMap<>();
        visible.forEach(o -> byId.put(o.id(), o));
        return matcher(visible).match(typed).map(byId::get);
    }

    /**
     * The organisation row for a name typed in a registration: a known one it matches, or a new
     * one of the community's (with the sector the person gave). Null when the name is blank.
     */
    Long resolve(Handle h, long communityId, String typed, String sector) {
        if (typed == null || typed.isBlank()) return null;
        List<Organisation> visible = store.visibleTo(h, communityId);
        Optional<Long> known = matcher(visible).match(typed);
        if (known.isPresent()) return known.get();
        return store.insertTyped(h, communityId, typed.strip(), sector == null ? "" : sector, clock.instant());
    }

    /** The sector of the organisation a typed name matches, or "" when unknown. */
    String sectorOf(long communityId, String typed) {
        return match(communityId, typed).map(Organisation::sector).orElse("");
    }

    /** Names to suggest as people type: every organisation not merged into another, A to Z. */
    public List<String> suggestions(long communityId) {
        return store.visibleTo(communityId).stream()
                .filter(o -> o.mergedInto() == null)
                .map(Organisation::name)
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    /** The shipped directory's names, A to Z: what the public form suggests (names people typed stay private). */
    public List<String> directoryNames() {
        return store.visibleTo(0).stream()
                .filter(Organisation::fromDirectory)
                .map(Organisation::name)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    public Organisation get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFound("There is no such organisation."));
    }

    /** An organisation as an organiser sees it on the merge page: how often it was named and what was merged into it. */
    public record Used(Organisation organisation, int registrations, List<Organisation> variants) {}

    /**
     * Organisations named in the community's registrations, most named first, with the spellings
     * merged into each. Directory organisations nobody named are left out.
     */
    public List<Used> used(long accountId, long communityId) {
        communities.requireRole(accountId, communityId, Role.ORGANISER);
        List<Organisation> visible = store.visibleTo(communityId);
        Map<Long, Integer> usage = store.usage(communityId);
        Map<Long, List<Organisation>> variants = new HashMap<>();
        Map<Long, Integer> totals = new HashMap<>();
        for (Organisation o : visible) {
            int n = usage.getOrDefault(o.id(), 0);
            totals.merge(o.canonicalId(), n, Integer::sum);
            if (o.mergedInto() != null) variants.computeIfAbsent(o.mergedInto(), k -> new ArrayList<>()).add(o);
        }
        return visible.stream()
                .filter(o -> o.mergedInto() == null)
                .filter(o -> totals.getOrDefault(o.id(), 0) > 0 || !o.fromDirectory())
                .map(o -> new Used(o, totals.getOrDefault(o.id(), 0), variants.getOrDefault(o.id(), List.of())))
                .sorted(Comparator.comparing((Used u) -> -u.registrations()).thenComparing(u -> u.organisation().name()))
                .toList();
    }

    /** Every organisation that can be merged into: the directory and the community's own, not merged. */
    public List<Organisation> targets(long accountId, long communityId) {
        communities.requireRole(accountId, communityId, Role.ORGANISER);
        return store.visibleTo(communityId).stream().filter(o -> o.mergedInto() == null).toList();
    }

    /**
     * Merges spellings the community's people typed into one organisation, for every event of the
     * community at once. Directory organisations are shared by all communities, so they can be
     * merged into but not away.
     */
    public Organisation merge(long accountId, long communityId, List<Long> from, Long into) {
        communities.requireRole(accountId, communityId, Role.ORGANISER);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(from == null ? List.<Long>of() : from));
        Map<Long, Organisation> visible = new HashMap<>();
        store.visibleTo(communityId).forEach(o -> visible.put(o.id(), o));
        Organisation target = into == null ? null : visible.get(into);
        if (target == null) errors.put("into", "Choose the organisation to merge them into");
        else if (target.mergedInto() != null) target = visible.get(target.mergedInto());
        if (target != null) ids.remove(target.id());
        if (ids.isEmpty()) {
            errors.put("from", "Choose at least one other spelling to merge");
        } else {
            for (Long id : ids) {
                Organisation o = visible.get(id);
                if (o == null) {
                    errors.putIfAbsent("from", "Choose spellings from the list");
                } else if (o.fromDirectory()) {
                    errors.putIfAbsent("from", o.name() + " is in Cairn's directory of organisations, so other "
                            + "spellings can be merged into it but it cannot be merged away");
                }
            }
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        store.merge(communityId, ids, target.id());
        log.info("organisations merged community={} count={} into={}", communityId, ids.size(), target.id());
        return target;
    }

    /** Undoes a merge: the spelling counts as its own organisation again. */
    public void unmerge(long accountId, long communityId, long id) {
        communities.requireRole(accountId, communityId, Role.ORGANISER);
        store.unmerge(communityId, id);
    }

    /** Canonical names and sectors of every organisation the community can see, by id (merged ones by their target). */
    public Map<Long, Organisation> canonical(long communityId) {
        List<Organisation> visible = store.visibleTo(communityId);
        Map<Long, Organisation> byId = new HashMap<>();
        visible.forEach(o -> byId.put(o.id(), o));
        Map<Long, Organisation> out = new HashMap<>();
        for (Organisation o : visible) out.put(o.id(), byId.getOrDefault(o.canonicalId(), o));
        return out;
    }
}
