package app.cairn.transfer;

import app.cairn.themes.ThemeService.KeptItem;
import app.cairn.themes.ThemeService.KeptTheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renumbers kept themes for the event an archive became: their streams ("chat-12", "notes-round-40",
 * "answers-p9") and contributions ("m42", "q7", "v3.p9") name segments, log entries, registrations,
 * participants and polls by the old event's ids. What cannot be renumbered is left out.
 */
final class KeptIds {
    private KeptIds() {}

    static List<KeptTheme> renumber(List<KeptTheme> themes, Map<Long, Long> segments, Map<String, String> polls,
            Map<Long, Long> registrations, Map<Long, Long> participants, Map<Long, Long> seqs) {
        List<KeptTheme> out = new ArrayList<>();
        for (KeptTheme t : themes) {
            if (t == null || t.stream() == null || t.items() == null) continue;
            String stream = stream(t.stream(), segments, polls, seqs);
            if (stream == null) continue;
            List<KeptItem> items = new ArrayList<>();
            for (KeptItem item : t.items()) {
                String id = item == null ? null : item(item.id(), polls, registrations, participants, seqs);
                if (id != null) items.add(new KeptItem(id, item.starred(), item.representative()));
            }
            if (!items.isEmpty()) out.add(new KeptTheme(stream, t.label(), t.summary(), items));
        }
        return out;
    }

    static String stream(String id, Map<Long, Long> segments, Map<String, String> polls, Map<Long, Long> seqs) {
        if (id.startsWith("chat-") && id.substring(5).matches("\\d{1,18}")) {
            Long now = segments.get(Long.parseLong(id.substring(5)));
            return now == null ? null : "chat-" + now;
        }
        if (id.startsWith("notes-round-") && id.substring(12).matches("\\d{1,18}")) {
            Long now = seqs.get(Long.parseLong(id.substring(12)));
            return now == null ? null : "notes-round-" + now;
        }
        if (id.startsWith("answers-")) return "answers-" + polls.getOrDefault(id.substring(8), id.substring(8));
        return id;
    }

    static String item(String id, Map<String, String> polls, Map<Long, Long> registrations, Map<Long, Long> participants,
            Map<Long, Long> seqs) {
        if (id == null || id.length() < 2) return null;
        String rest = id.substring(1);
        switch (id.charAt(0)) {
            case 'm' -> {
                return rest.matches("\\d{1,18}") && seqs.containsKey(Long.parseLong(rest)) ? "m" + seqs.get(Long.parseLong(rest)) : null;
            }
            case 'q' -> {
                return rest.matches("\\d{1,18}") && registrations.containsKey(Long.parseLong(rest))
                        ? "q" + registrations.get(Long.parseLong(rest)) : null;
            }
            case 'v' -> {
                int dot = rest.indexOf('.');
                if (dot < 1 || !rest.substring(0, dot).matches("\\d{1,18}")) return null;
                Long person = participants.get(Long.parseLong(rest.substring(0, dot)));
                String poll = rest.substring(dot + 1);
                return person == null ? null : "v" + person + "." + polls.getOrDefault(poll, poll);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A feedback respondent's key for the event an archive became: "registration:ID" and
     * "participant:ID" through the new ids, an import's own key ("import:…") as it is; null when
     * the person is not there or the key is not one Cairn makes.
     */
    static String person(String key, java.util.function.LongFunction<Long> registrations,
            java.util.function.LongFunction<Long> participants) {
        if (key == null || key.length() > 80) return null;
        if (key.startsWith("import:")) return key;
        for (String kind : new String[] {"registration:", "participant:"}) {
            if (!key.startsWith(kind)) continue;
            String rest = key.substring(kind.length());
            if (!rest.matches("\\d{1,18}")) return null;
            Long now = (kind.startsWith("r") ? registrations : participants).apply(Long.parseLong(rest));
            return now == null ? null : kind + now;
        }
        return null;
    }
}
