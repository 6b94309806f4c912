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
    static final int MAX_PRIVACY_NOTICE = 10_000;
    private static final String[][] LETTERS = {
        {"ß", "ss"}, {"æ", "ae"}, {"Æ", "AE"}, {"ø", "o"}, {"Ø", "O"}, {"œ", "oe"}, {"Œ", "OE"},
        {"ł", "l"}, {"Ł", "L"}, {"đ", "d"}, {"Đ", "D"}, {"þ", "th"}, {"Þ", "TH"}, {"ð", "d"}, {"Ð", "D"}
    };
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
        Details d = check(details, errors);
        if (!errors.isEmpty()) throw new Invalid(errors);
        return d;
    }

    /** Checks the details every community has, adding what to fix to {@code errors} in the form's order. */
    private static Details check(Details details, Map<String, String> errors) {
        String name = oneLine(details.name());
        String description = strip(details.description());
        String contact = strip(details.contactEmail());
        String logo = oneLine(details.logoText());
        if (name.isEmpty()) errors.put("name", "Enter the community's name");
        else if (name.length() > 200) errors.put("name", "Name must be 200 characters or fewer");
        if (description.length() > 1000) errors.put("description", "Description must be 1000 characters or fewer");
        if (!contact.isEmpty() && (contact.length() > 320 || !EMAIL.matcher(contact).matches())) {
            errors.put("contactEmail", "Enter a contact email address in the correct format, like name@example.org");
        }
        if (logo.length() > 40) errors.put("logoText", "Logo text must be 40 characters or fewer");
        return new Details(name, description, contact, logo);
    }

    /** Everything an owner can change about a community. The slug (its web address) never changes. */
    public record Profile(
            String name, String description, String contactEmail, String logoText, String brandColour,
            String privacyNotice) {

        /** The community's current profile, for pre-filling the edit page and for partial API updates. */
        public static Profile of(Community c) {
            return new Profile(c.name(), c.description(), c.contactEmail(), c.logoText(), c.brandColour(),
                    c.privacyNotice());
        }
    }

    /** A file an owner uploaded as the logo, not yet checked. */
    public record Upload(String filename, byte[] content) {}

    /**
     * Saves an owner's changes, and the new logo image when one is given. Nothing is saved unless
     * everything is valid, and every problem is reported at once.
     */
    public Community update(long accountId, long communityId, Profile profile, Upload logo) {
        requireRole(accountId, communityId, Role.OWNER);
        Map<String, String> errors = new LinkedHashMap<>();
        Details d = check(new Details(profile.name(), profile.description(), profile.contactEmail(), profile.logoText()),
                errors);
        LogoImage image = null;
        if (logo != null) {
            try {
                image = LogoImage.check(logo.filename(), logo.content());
            } catch (Invalid e) {
                errors.putAll(e.fields());
            }
        }
        BrandColour.problem(profile.brandColour()).ifPresent(p -> errors.put("brandColour", p));
        String privacy = strip(profile.privacyNotice());
        if (privacy.length() > MAX_PRIVACY_NOTICE) {
            errors.put("privacyNotice", "Privacy notice must be " + MAX_PRIVACY_NOTICE + " characters or fewer");
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        String colour = BrandColour.normalise(profile.brandColour()).orElseThrow();
        LogoImage newLogo = image;
        store.jdbi().useTransaction(h -> {
            store.update(h, communityId, d, colour, privacy);
            if (newLogo != null) store.setLogo(h, communityId, newLogo);
        });
        return get(communityId);
    }

    /** Removes the logo image; the logo text is shown instead. */
    public void removeLogo(long accountId, long communityId) {
        requireRole(accountId, communityId, Role.OWNER);
        store.jdbi().useHandle(h -> store.setLogo(h, communityId, null));
    }

    /** The logo image, for anyone: registration pages show it to people who are not members. */
    public Optional<LogoImage> logo(String slug) {
        return store.logo(slug);
    }

    /** A community and the viewer's role in it, by web address, once the role is checked. */
    public record Access(Community community, Role role) {}

    /**
     * Finds a community by its slug and checks the account may act as {@code needed} there.
     * Non-members get {@link NotFound}, members with too small a role {@link Forbidden}.
     */
    public Access access(long accountId, String slug, Role needed) {
        Community community = get(slug);
        return new Access(community, requireRole(accountId, community.id(), needed));
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
        // Letters that do not decompose into a base letter and an accent.
        for (String[] pair : LETTERS) ascii = ascii.replace(pair[0], pair[1]);
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-$", "");
        return slug.isEmpty() ? "community" : slug;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** Names and logo text are one line (they go into email subjects and headings): line breaks become spaces. */
    static String oneLine(String s) {
        return strip(s).replaceAll("[\\s\\p{Cc}\\p{Z}]+", " ");
    }
}
