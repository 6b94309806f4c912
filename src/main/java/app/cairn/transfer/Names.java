package app.cairn.transfer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Names as people write them in chats and reports, brought to one form for matching:
 * "Dr Priya Shah (she/her)" and "priya shah" are one person: titles, bracketed notes
 * (pronouns, "Guest", organisation), accents, punctuation and case are set aside.
 */
final class Names {
    private static final Set<String> TITLES = Set.of("dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss",
            "mx", "sir", "dame", "rev", "revd", "cllr", "councillor", "lord", "lady");

    private Names() {}

    static String key(String name) {
        if (name == null) return "";
        String s = name.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@.\\s'-]", " ").replace('.', ' ');
        StringBuilder out = new StringBuilder();
        for (String word : s.strip().split("\\s+")) {
            if (word.isEmpty() || TITLES.contains(word)) continue;
            if (out.length() > 0) out.append(' ');
            out.append(word);
        }
        return out.toString();
    }

    /** The name without pronouns or other bracketed notes, as a person would be addressed. */
    static String display(String name) {
        String s = name == null ? "" : name.replaceAll("\\s*\\([^)]*\\)|\\s*\\[[^]]*]", "").strip();
        return s.isEmpty() ? (name == null ? "" : name.strip()) : s;
    }
}
