package app.cairn.event;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Templates to plan a conversation from: Cairn's built-in ones and those a community saves. */
public final class TemplateService {
    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 1000;
    private static final List<Template> BUILT_IN = AgendaJson.builtIns();

    private final TemplateStore store;
    private final CommunityService communities;
    private final Clock clock;

    public TemplateService(Jdbi jdbi, CommunityService communities, Clock clock) {
        this.store = new TemplateStore(jdbi);
        this.communities = communities;
        this.clock = clock;
    }

    /** Cairn's own templates, the same on every instance. */
    public static List<Template> builtIns() {
        return BUILT_IN;
    }

    /** The built-in templates and then the community's own, for anyone on its team. */
    public List<Template> available(long accountId, long communityId) {
        communities.requireRole(accountId, communityId, Role.FACILITATOR);
        List<Template> all = new ArrayList<>(BUILT_IN);
        all.addAll(store.byCommunity(communityId));
        return all;
    }

    /** A template usable in a community (a built-in one, or one of its own); callers check the role. */
    Template find(long communityId, String id) {
        String key = id == null ? "" : id.strip();
        for (Template t : BUILT_IN) {
            if (t.id().equals(key)) return t;
        }
        if (key.matches("\\d{1,18}")) {
            var saved = store.byId(communityId, Long.parseLong(key));
            if (saved.isPresent()) return saved.get();
        }
        throw new NotFound("There is no template \"" + (key.length() > 40 ? key.substring(0, 40) : key)
                + "\" in this community.");
    }

    /** Saves a copy of an agenda as the community's own template; organisers only. */
    Template save(long accountId, long communityId, String name, String description, List<Segment> segments) {
        communities.requireRole(accountId, communityId, Role.ORGANISER);
        Map<String, String> errors = new LinkedHashMap<>();
        String n = EventDetails.text(name, "name", "The template's name", MAX_NAME, "Enter a name for the template", errors);
        String d = EventDetails.text(description, "description", "The description", MAX_DESCRIPTION, null, errors);
        if (!errors.containsKey("name")
                && (store.nameTaken(communityId, n) || BUILT_IN.stream().anyMatch(t -> t.name().equalsIgnoreCase(n)))) {
            errors.put("name", "There is already a template called \"" + n + "\". Choose another name");
        }
        if (segments.isEmpty()) errors.put("name", "The agenda has no segments yet. Add some before saving it as a template");
        if (!errors.isEmpty()) throw new Invalid(errors);
        List<Segment> copies = segments.stream().map(Segment::unsaved).toList();
        long id = store.insert(communityId, n, d, copies, accountId, clock.instant());
        return new Template(Long.toString(id), n, d, false, copies);
    }
}
