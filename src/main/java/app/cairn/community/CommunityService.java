package app.cairn.community;

import app.cairn.common.Forbidden;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Communities and who may do what in them. Other features ask here before acting for an organiser. */
public final class CommunityService {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
    private final CommunityStore store;
    private final Clock clock;

    public CommunityService(org.jdbi.v3.core.Jdbi jdbi, Clock clock) {
        this.store = new CommunityStore(jdbi);
        this.clock = clock;
    }

    /** What an organiser gives to start or edit a community. */
    public record Details(String name, String description, String contactEmail, String logoText) {}

    /** Creates a community; its creator is its first owner. */
    public Community create(long accountId, Details details) {
        Details d = validate(details);
        Instant now = clock.instant();
        long id = store.jdbi().inTransaction(h -> {
            String base = slugify(d.name());
            String slug = base;
            for (int n = 2; store.slugTaken(h, slug); n++) slug = base + "-" + n;
            long newId = store.insert(h, slug, d.name(), d.description(), d.contactEmail(), d.logoText(), accountId, now);
            store.addMember(h, newId, accountId, Role.OWNER, now);
            return newId;
        });
        return store.byId(id).orElseThrow();
    }

    static Details validate(Details details) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(details.name());
        String description = strip(details.description());
        String contact = strip(details.contactEmail());
        String logo = strip(details.logoText());
        if (name.isEmpty()) errors.put("name", "Enter the community's name");
        else if (name.length() > 200) errors.put("name", "Name must be 200 characters or fewer");
        if (description.length() > 1000) errors.put("description", "Description must be 1000 characters or fewer");
        if (!contact.isEmpty() && (contact.length() > 320 || !EMAIL.matcher(contact).matches())) {
            errors.put("contactEmail", "Enter a contact email address in the correct format, like name@example.org");
        }
        if (logo.length() > 40) errors.put("logoText", "Logo text must be 40 characters or fewer");
        if (!errors.isEmpty()) throw new Invalid(errors);
        return new Details(name, description, contact, logo);
    }

    public Community get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFound("There is no such community."));
    }

    public Community get(String slug) {
        return store.bySlug(slug).orElseThrow(() -> new NotFound("There is no such community."));
    }

    public Optional<Role> roleOf(long accountId, long communityId) {
        return store.roleOf(accountId, communityId);
    }

    /**
     * Checks the account may act as {@code needed} in the community and returns its role. People
     * who are not members are told the community does not exist, so its existence is not revealed.
     */
    public Role requireRole(long accountId, long communityId, Role needed) {
        Role role = store.roleOf(accountId, communityId).orElseThrow(() -> new NotFound("There is no such community."));
        if (!role.atLeast(needed)) {
            throw new Forbidden("Only a community " + needed.label().toLowerCase(Locale.ROOT)
                    + (needed == Role.OWNER ? "" : " or owner") + " can do this. You are a "
                    + role.label().toLowerCase(Locale.ROOT) + ".");
        }
        return role;
    }

    public List<Membership> membershipsOf(long accountId) {
        return store.membershipsOf(accountId);
    }

    /** A readable, URL-safe name: "NHS Tayside Leaders' Café" becomes "nhs-tayside-leaders-cafe". */
    static String slugify(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-$", "");
        return slug.isEmpty() ? "community" : slug;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
