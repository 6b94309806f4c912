package app.cairn.community;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A community's brand colour, written as a hex colour. White text sits on it (in headers and on
 * buttons), so it must reach WCAG's 4.5:1 contrast with white.
 */
public final class BrandColour {
    public static final String DEFAULT = "#22413a";
    public static final double MINIMUM_CONTRAST = 4.5;
    private static final Pattern LONG = Pattern.compile("#?([0-9a-fA-F]{6})");
    private static final Pattern SHORT = Pattern.compile("#?([0-9a-fA-F]{3})");

    private BrandColour() {}

    /** The colour as {@code #rrggbb} in lower case, from "#22413A", "22413a" or "#abc"; empty when it is not a hex colour. */
    public static Optional<String> normalise(String typed) {
        String s = typed == null ? "" : typed.strip();
        var m = LONG.matcher(s);
        if (m.matches()) return Optional.of("#" + m.group(1).toLowerCase(Locale.ROOT));
        m = SHORT.matcher(s);
        if (m.matches()) {
            StringBuilder b = new StringBuilder("#");
            for (char c : m.group(1).toLowerCase(Locale.ROOT).toCharArray()) b.append(c).append(c);
            return Optional.of(b.toString());
        }
        return Optional.empty();
    }

    /** The WCAG contrast ratio of white text on this {@code #rrggbb} colour, from 1 (white) to 21 (black). */
    public static double contrastWithWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        return 1.05 / (luminance + 0.05);
    }

    /** The ratio as people read it, e.g. "4.6:1", rounded down so a colour never looks better than it is. */
    public static String ratio(String hex) {
        double r = Math.floor(contrastWithWhite(hex) * 10) / 10;
        return String.format(Locale.ROOT, "%.1f:1", r);
    }

    /** What is wrong with a typed colour, or empty when it can be used. */
    public static Optional<String> problem(String typed) {
        Optional<String> hex = normalise(typed);
        if (hex.isEmpty()) {
            return Optional.of("Enter the brand colour as a hex colour, like #22413a");
        }
        if (contrastWithWhite(hex.get()) < MINIMUM_CONTRAST) {
            return Optional.of("Choose a darker brand colour: white text on " + hex.get() + " has a contrast of only "
                    + ratio(hex.get()) + ", and it needs at least 4.5:1 to be easy to read");
        }
        return Optional.empty();
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
