package app.cairn.rooms;

/**
 * A person as room assignment sees them: who they are, where they work, and (for assignment by
 * answer) what they said to a registration question. Blank values never count as shared.
 */
public record RoomMember(long id, String organisation, String sector, String role, String answer) {
    public RoomMember {
        organisation = clean(organisation);
        sector = clean(sector);
        role = clean(role);
        answer = clean(answer);
    }

    public static RoomMember of(long id, String organisation, String sector, String role) {
        return new RoomMember(id, organisation, sector, role, "");
    }

    /** Case and spacing do not make two organisations different ("NHS Fife" and "nhs  fife"). */
    private static String clean(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
