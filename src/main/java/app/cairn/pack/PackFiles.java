package app.cairn.pack;

import app.cairn.common.NotFound;
import app.cairn.community.CommunityService;
import app.cairn.community.Member;
import app.cairn.community.Role;
import app.cairn.community.TeamService;
import app.cairn.event.EventPlan;
import app.cairn.event.EventService;
import java.nio.charset.StandardCharsets;

/** Writes a pack to bytes in a named format, for the command line and the benchmark. */
public final class PackFiles {
    private PackFiles() {}

    /** What writing a pack outside the web app needs; closing it stops the live log reader. */
    public record Sources(PackService packs, EventService events, CommunityService communities, TeamService team,
            PackRender render, AutoCloseable live) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            live.close();
        }
    }

    /** The event by its number or as COMMUNITY/EVENT, written as pdf, html, docx or csv (a zip). */
    public static byte[] write(Sources s, String eventRef, String format) {
        EventPlan plan = find(s, eventRef);
        long owner = s.team().members(plan.event().communityId()).stream().filter(m -> m.role() == Role.OWNER)
                .map(Member::accountId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the event's community has no owner to read it as"));
        Pack pack = s.packs().draft(owner, plan.event().id());
        return switch (format) {
            case "pdf" -> s.render().pdf(pack);
            case "html" -> s.render().html(pack).getBytes(StandardCharsets.UTF_8);
            case "docx" -> PackDocx.write(pack);
            case "csv" -> PackData.zip(pack);
            default -> throw new IllegalArgumentException("--format must be pdf, html, docx or csv, not " + format);
        };
    }

    static EventPlan find(Sources s, String ref) {
        String r = ref == null ? "" : ref.strip();
        try {
            if (r.matches("\\d{1,18}")) {
                return s.events().find(Long.parseLong(r))
                        .orElseThrow(() -> new IllegalArgumentException("there is no event " + r));
            }
            int slash = r.indexOf('/');
            if (slash <= 0) throw new IllegalArgumentException("--event must be a number or COMMUNITY/EVENT, not " + r);
            var community = s.communities().get(r.substring(0, slash));
            return s.events().findBySlug(community.id(), r.substring(slash + 1))
                    .orElseThrow(() -> new IllegalArgumentException("there is no event " + r));
        } catch (NotFound e) {
            throw new IllegalArgumentException("there is no event " + r + " (" + e.getMessage() + ")");
        }
    }
}
