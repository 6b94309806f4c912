package app.cairn.registration;

import java.util.List;

/**
 * A spreadsheet as Cairn reads it for an import: the header row, the rows below it (each as
 * long as the header, blank ones kept so numbers match the file), a note on how it was read
 * ("Read as Windows-1252 text"), and the header's row number in the file (from 1).
 */
public record Sheet(List<String> headers, List<List<String>> rows, String note, int headerRow) {
    public Sheet {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The row number people see in their spreadsheet for {@code rows().get(index)}. */
    public int rowNumber(int index) {
        return headerRow + 1 + index;
    }

    /** A file that cannot be imported, with a message that says why and what to do. */
    public static final class Problem extends RuntimeException {
        public Problem(String message) {
            super(message, null, false, false);
        }
    }
}
