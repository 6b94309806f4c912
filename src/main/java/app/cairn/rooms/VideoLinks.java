package app.cairn.rooms;

import app.cairn.live.LivePlan;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Video links for rooms: filled from a template such as {@code https://meet.jit.si/{event}-{room}}. */
final class VideoLinks {
    private VideoLinks() {}

    static boolean isWebLink(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && s.length() > 8 && !s.contains(" ");
    }

    /** {event} becomes the title as a web-address word plus the event number; {room} the room number. */
    static String fill(String template, LivePlan plan, int room) {
        String event = slug(plan.title()) + "-" + plan.eventId();
        return template.replace("{event}", URLEncoder.encode(event, StandardCharsets.UTF_8))
                .replace("{room}", Integer.toString(room));
    }

    static String slug(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (s.length() > 40) {
            // Whole words only: cut at the last hyphen that fits.
            int cut = s.lastIndexOf('-', 40);
            s = s.substring(0, cut > 0 ? cut : 40);
        }
        return s.isEmpty() ? "conversation" : s;
    }
}
