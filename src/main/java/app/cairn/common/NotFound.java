package app.cairn.common;

/** Something asked for does not exist, or the asker may not know that it does. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message, null, false, false);
    }
}
