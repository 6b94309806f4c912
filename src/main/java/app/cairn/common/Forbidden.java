package app.cairn.common;

/** The signed-in person's role does not allow this; the message says who can do it. */
public class Forbidden extends RuntimeException {
    public Forbidden(String message) {
        super(message, null, false, false);
    }
}
