package app.cairn.web;

/** One choice in a select or a set of radios. */
public record Option(String value, String label, String hint) {
    public Option(String value, String label) {
        this(value, label, "");
    }
}
