package app.cairn.live;

/** An event opened for joining: its short code and how people's names are shown. */
public record LiveSession(long eventId, String joinCode, Anonymity anonymity, int silenceSeconds) {

    /** Names shown, anonymous allowed, or anonymous only. */
    public enum Anonymity {
        names,
        optional,
        anonymous;

        public String label() {
            return switch (this) {
                case names -> "Names shown";
                case optional -> "Anonymous allowed";
                case anonymous -> "Anonymous only";
            };
        }
    }

    /** The code as people read it aloud: two groups of three, e.g. "KX4 M7P". */
    public String spokenCode() {
        return joinCode.length() == 6 ? joinCode.substring(0, 3) + " " + joinCode.substring(3) : joinCode;
    }
}
