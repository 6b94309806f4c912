package app.cairn.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that cannot be saved, with a message per field saying what to fix. Services throw it;
 * pages show it as an error summary and the API as a 422 with the same messages.
 */
public class Invalid extends RuntimeException {
    private final Map<String, String> fields;

    public Invalid(Map<String, String> fields) {
        super(fields.isEmpty() ? "The input is not valid." : fields.values().iterator().next(), null, false, false);
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Invalid field(String field, String message) {
        return new Invalid(Map.of(field, message));
    }

    /** Field errors in the order they were found. */
    public Map<String, String> fields() {
        return fields;
    }
}
