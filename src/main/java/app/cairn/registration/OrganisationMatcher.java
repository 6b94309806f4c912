package app.cairn.registration;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds which known organisation a typed name means, forgiving what people type: case,
 * punctuation and accents ("Nhs tayside"), "&" for "and", abbreviations ("Fife HSCP"), a place
 * or team after the name ("NHS Tayside - Ninewells", "Ninewells Hospital, NHS Tayside"), "social
 * work" after a council's name, and a slip of a letter or two in a long name. Pure and immutable.
 */
public final class OrganisationMatcher {
    /** A known organisation's id and every name it goes by (its name, aliases, merged spellings). */
    public record Entry(long id, List<String> names) {}

    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "hscp", "health and social care partnership",
            "hsc", "health and social care",
            "ijb", "integration joint board",
            "dept", "department",
            "govt", "government",
            "svcs", "services",
            "intl", "international");
    private static final Pattern PARTS = Pattern.compile("\\s[-\u2013\u2014]\\s|[\u2013\u2014(),/:;|\\[\\]]");
    private static final List<String> TRAILING = List.of(
            " social work services", " social work service", " social work department", " social work",
            " social services", " department");

    private final Map<String, Long> exact = new LinkedHashMap<>();

    public OrganisationMatcher(List<Entry> entries) {
        for (Entry e : entries) {
            for (int i = 0; i < e.names().size(); i++) {
                String key = normalise(e.names().get(i));
                if (key.isEmpty()) continue;
                exact.putIfAbsent(key, e.id());
            }
        }
    }

    /** The id of the organisation {@code typed} means, or empty when it is none of them. */
    public Optional<Long> match(String typed) {
        String full = normalise(typed);
        if (full.isEmpty()) return Optional.empty();
        Long hit = exact.get(full);
        if (hit != null) return Optional.of(hit);
        // A qualifier after a dash, comma or bracket: try each part, the first that is known wins.
        for (String part : PARTS.split(typed)) {
            hit = exactOrTrimmed(normalise(part));
            if (hit != null) return Optional.of(hit);
        }
        hit = exactOrTrimmed(full);
        if (hit != null) return Optional.of(hit);
        hit = contained(full);
        if (hit != null) return Optional.of(hit);
        return close(full);
    }

    private Long exactOrTrimmed(String name) {
        if (name.isEmpty()) return null;
        Long hit = exact.get(name);
        if (hit != null) return hit;
        for (String tail : TRAILING) {
            if (name.endsWith(tail) && name.length() > tail.length()) {
                hit = exact.get(name.substring(0, name.length() - tail.length()).strip());
                if (hit != null) return hit;
            }
        }
        return null;
    }

    /** The longest known name of two words or more found whole inside the typed one ("nhs tayside ninewells"). */
    private Long contained(String full) {
        String padded = " " + full + " ";
        String best = null;
        for (String name : exact.keySet()) {
            if (name.indexOf(' ') < 0 || !padded.contains(" " + name + " ")) continue;
            if (best == null || name.length() > best.length()) best = name;
        }
        return best == null ? null : exact.get(best);
    }

    /** A long name one or two letters away from exactly one known name. */
    private Optional<Long> close(String full) {
        int allowed = full.length() >= 14 ? 2 : full.length() >= 8 ? 1 : 0;
        if (allowed == 0) return Optional.empty();
        Long found = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (var e : exact.entrySet()) {
            if (Math.abs(e.getKey().length() - full.length()) > allowed) continue;
            int d = distance(full, e.getKey(), allowed);
            if (d > allowed) continue;
            if (d < bestDistance) {
                bestDistance = d;
                found = e.getValue();
                tie = false;
            } else if (d == bestDistance && !e.getValue().equals(found)) {
                tie = true;
            }
        }
        return tie || found == null ? Optional.empty() : Optional.of(found);
    }

    /**
     * The form every name is compared in: lower case, no accents or apostrophes, "&" as "and",
     * punctuation as single spaces, common abbreviations spelt out, and no leading "the".
     */
    public static String normalise(String name) {
        if (name == null) return "";
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        s = s.replaceAll("\\bh\\s*&\\s*sc(p?)\\b", "hsc$1");
        s = s.replace("&", " and ").replace("+", " and ").replaceAll("['\u2019`]", "");
        s = s.replaceAll("[^a-z0-9]+", " ").strip();
        List<String> words = new ArrayList<>();
        for (String w : s.split(" ")) {
            if (w.isEmpty()) continue;
            words.add(ABBREVIATIONS.getOrDefault(w, w));
        }
        if (!words.isEmpty() && words.get(0).equals("the") && words.size() > 1) words.remove(0);
        return String.join(" ", words);
    }

    /**
     * Edit distance counting a swap of two neighbouring letters as one slip ("Taysdie"), giving up
     * (returning limit + 1) once it must exceed {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1);
                }
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) return limit + 1;
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
