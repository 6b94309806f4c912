package app.cairn.pack;

/** A pack's structure as text (sections, figures, charts with their bases, groups and counts), for the golden test. */
final class Outline {
    private Outline() {}

    static String of(Pack pack) {
        StringBuilder b = new StringBuilder();
        for (Pack.Section s : pack.sections()) {
            b.append("# ").append(s.key()).append(": ").append(s.heading()).append('\n');
            for (Pack.Figure f : s.figures()) b.append("  figure ").append(f.value()).append(' ').append(f.label())
                    .append(f.base().isEmpty() ? "" : " [" + f.base() + "]").append('\n');
            for (Pack.Chart c : s.charts()) {
                b.append("  chart ").append(c.key()).append(" n=").append(c.base()).append(':');
                for (Pack.Bar bar : c.bars()) b.append(' ').append(bar.label()).append('=').append(bar.count())
                        .append(bar.percent() == null ? "" : "/" + bar.percent() + "%");
                b.append('\n');
            }
            for (Pack.Group g : s.groups()) b.append("  group \"").append(g.heading()).append("\" points=")
                    .append(g.points().size()).append(" quotes=").append(g.quotes().size()).append('\n');
        }
        for (String m : pack.missing()) b.append("missing: ").append(m).append('\n');
        return b.toString();
    }
}
