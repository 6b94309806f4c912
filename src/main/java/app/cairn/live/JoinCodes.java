package app.cairn.live;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Short codes people type or read aloud to join: six characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
 */
final class JoinCodes {
    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY3467";
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {}

    static String next() {
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    /** What someone typed ("kx4-m7p", "KX4 M7P") as a stored code, or null if it cannot be one. */
    static String normalise(String typed) {
        if (typed == null) return null;
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
        if (code.length() != 6) return null;
        for (char c : code.toCharArray()) if (ALPHABET.indexOf(c) < 0) return null;
        return code;
    }
}
