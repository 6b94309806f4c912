package app.cairn.feedback;

/** Whole percentages, rounded half up, and never of an empty base. */
public final class Percent {
    private Percent() {}

    /** {@code part} of {@code base} as a whole percentage, or null when the base is 0. */
    public static Integer of(int part, int base) {
        if (base <= 0) return null;
        if (part < 0 || part > base) throw new IllegalArgumentException("part " + part + " of base " + base);
        return (int) ((part * 200L + base) / (2L * base));
    }
}
