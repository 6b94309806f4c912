package app.cairn.transfer;

/** The kinds of file Cairn can bring in, each worked out from the file itself. */
public enum Format {
    ZOOM_CHAT("Zoom chat (saved on the computer)"),
    ZOOM_CLOUD_CHAT("Zoom chat (cloud recording)"),
    TEAMS_CHAT("Teams chat copied as text"),
    TEAMS_ATTENDANCE("Teams attendance report"),
    BREAKOUT_NOTES("Breakout notes"),
    SLIDO("Slido results"),
    MENTIMETER("Mentimeter results"),
    REGISTRATIONS("Registrations sheet"),
    FEEDBACK("Feedback form responses");

    private final String label;

    Format(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
