package app.cairn.common;

/** The request was made against a state that has since changed (e.g. a stale edit). */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message, null, false, false);
    }
}
