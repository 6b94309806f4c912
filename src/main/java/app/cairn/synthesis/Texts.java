package app.cairn.synthesis;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How contributions are cleaned, compared for duplicates and stripped of their framing. */
final class Texts {
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cc}\\p{Cf}&&[^\\u200D]]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    /**
     * Labels people put before what they say ("Room 3:", "Reflection -", "One practical step I will
     * take away is ..."): they make unrelated notes look alike, and are not what was said.
     */
    private static final Pattern FRAMING = Pattern.compile(
            "^(?:(?:notes\\s+from\\s+)?(?:breakout\\s+)?(?:room|group|table)\\s*\\d+\\s*(?:notes|summary|feedback)?(?:\\s*,\\s*(?:prompt|question)\\s*\\d+)?"
                    + "|(?:my\\s+|one\\s+|our\\s+)?(?:key\\s+|closing\\s+)?reflections?"
                    + "|(?:one\\s+)?practical\\s+step(?:\\s+i\\s+will\\s+take(?:\\s+away)?(?:\\s+from\\s+this\\s+conversation)?\\s+is)?"
                    + "|(?:prompt|question)\\s*\\d+)\\s*(?:[:\\-\\u2013\\u2014.,]+|\\.\\.\\.|\\u2026)\\s*",
            Pattern.CASE_INSENSITIVE);

    private Texts() {}

    /** NFKC, control characters removed, runs of white space made one space, trimmed. */
    static String clean(String text) {
        if (text == null) return "";
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return SPACE.matcher(n).replaceAll(" ").strip();
    }

    /**
     * What two contributions share when they say the same thing: lower case letters and digits.
     * Texts with neither (emoji, "+1"... ) keep their symbols so different ones stay apart.
     */
    static String duplicateKey(String cleaned) {
        String k = NOT_WORD.matcher(cleaned.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return k.isEmpty() ? cleaned.replace(" ", "") : k;
    }

    /** The text without the framing label in front of it, or the text itself if that is all it is. */
    static String withoutFraming(String cleaned) {
        String t = cleaned;
        for (int i = 0; i < 3; i++) {
            var m = FRAMING.matcher(t);
            if (!m.find() || m.end() >= t.length()) break;
            t = t.substring(m.end());
        }
        return t;
    }

    static int words(String text) {
        int count = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean w = !Character.isWhitespace(text.charAt(i));
            if (w && !in) count++;
            in = w;
        }
        return count;
    }

    static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }
}
