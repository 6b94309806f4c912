package app.cairn.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A submitted form being checked: it keeps every value as typed (so a page shown again with
 * errors loses nothing) and the errors in the order the fields appear, for the error summary.
 */
public final class Form {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<String>> multi = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Form() {}

    /** A form read from the request's fields. */
    public static Form of(Context ctx) {
        Form form = new Form();
        ctx.formParamMap().forEach((name, list) -> {
            if (name.equals(Csrf.FIELD)) return;
            form.multi.put(name, List.copyOf(list));
            form.values.put(name, list.isEmpty() ? "" : list.get(0));
        });
        return form;
    }

    /** A form pre-filled from saved values, for edit pages. */
    public static Form filled(Map<String, String> initial) {
        Form form = new Form();
        initial.forEach((k, v) -> form.values.put(k, v == null ? "" : v));
        return form;
    }

    public Form set(String field, String value) {
        values.put(field, value == null ? "" : value);
        return this;
    }

    /** The value as typed, trimmed; empty when absent. */
    public String value(String field) {
        String v = values.get(field);
        return v == null ? "" : v.strip();
    }

    /** The raw value, untrimmed, for passwords. */
    public String raw(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }

    public List<String> values(String field) {
        return multi.getOrDefault(field, List.of());
    }

    public boolean checked(String field) {
        String v = value(field);
        return v.equals("on") || v.equals("true") || v.equals("yes");
    }

    public boolean has(String field, String option) {
        return values(field).contains(option) || value(field).equals(option);
    }

    /** Checks a text field: required (with the message to show when empty) and its maximum length. */
    public String text(String field, String label, int maxLength, String requiredMessage) {
        String v = value(field);
        if (v.isEmpty()) {
            if (requiredMessage != null) error(field, requiredMessage);
        } else if (v.codePointCount(0, v.length()) > maxLength) {
            error(field, label + " must be " + maxLength + " characters or fewer");
        }
        return v;
    }

    /** An optional text field with a maximum length. */
    public String optional(String field, String label, int maxLength) {
        return text(field, label, maxLength, null);
    }

    public String email(String field, String label, String requiredMessage) {
        String v = text(field, label, 320, requiredMessage);
        if (!v.isEmpty() && !errors.containsKey(field) && !EMAIL.matcher(v).matches()) {
            error(field, "Enter an email address in the correct format, like name@example.org");
        }
        return v;
    }

    public Integer integer(String field, String label, int min, int max, String requiredMessage) {
        String v = value(field);
        if (v.isEmpty()) {
            if (requiredMessage != null) error(field, requiredMessage);
            return null;
        }
        try {
            int n = Integer.parseInt(v.replace(",", ""));
            if (n < min || n > max) {
                error(field, label + " must be between " + min + " and " + max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            error(field, label + " must be a whole number, like " + Math.max(min, 1));
            return null;
        }
    }

    public void check(String field, boolean ok, String message) {
        if (!ok) error(field, message);
    }

    public <T> void check(String field, T value, Predicate<T> ok, String message) {
        if (!ok.test(value)) error(field, message);
    }

    /** Records an error; the first error for a field is the one shown. */
    public void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String errorFor(String field) {
        return errors.getOrDefault(field, "");
    }

    /** Errors in field order, for the summary at the top of the page. */
    public List<Map.Entry<String, String>> errors() {
        return new ArrayList<>(errors.entrySet());
    }

    public Map<String, String> errorMap() {
        return Map.copyOf(errors);
    }
}
