package app.cairn.config;

/** A setting that cannot be used; its message tells the operator what to change. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
