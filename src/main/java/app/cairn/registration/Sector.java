package app.cairn.registration;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The part of the system a person works in; reports count who was reached from each. */
public enum Sector {
    HEALTH("health", "Health care"),
    SOCIAL_CARE("social_care", "Social care"),
    BOTH("both", "Both health and social care"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    Sector(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The sector a code names ("social_care"), or empty. */
    public static Optional<Sector> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The label for a stored code, or "Not given" for an empty one. */
    public static String labelOf(String code) {
        return ofCode(code).map(Sector::label).orElse("Not given");
    }

    /**
     * Reads what people write in a sheet's sector column: "Health", "Healthcare", "NHS", "Social
     * services", "Social work", "Both", "Health and social care", "Other", or a code.
     */
    public static Optional<Sector> read(String typed) {
        if (typed == null) return Optional.empty();
        String t = Normalizer.normalize(typed, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
        if (t.isEmpty()) return Optional.empty();
        for (Sector s : values()) {
            if (t.equals(s.code.replace('_', ' ')) || t.equals(s.label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip())) {
                return Optional.of(s);
            }
        }
        boolean health = t.matches(".*\\b(health|healthcare|nhs|medical|clinical)\\b.*");
        boolean social = t.matches(".*\\b(social|care services|social work|council)\\b.*");
        if (t.startsWith("both") || (health && social)) return Optional.of(BOTH);
        if (health) return Optional.of(HEALTH);
        if (social) return Optional.of(SOCIAL_CARE);
        if (t.startsWith("other") || t.equals("neither") || t.equals("none")) return Optional.of(OTHER);
        return Optional.empty();
    }
}
