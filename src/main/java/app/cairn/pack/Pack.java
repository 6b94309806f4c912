package app.cairn.pack;

import java.util.List;

/**
 * An event pack: the sections in their fixed order, each present only when it has content, and
 * a note of what is missing. A pure value, so the same pack is rendered to the web page, PDF,
 * DOCX and CSV, and a published pack is kept as it was.
 */
public record Pack(long eventId, String title, String community, String colour, String date, List<Section> sections,
        List<String> missing) {
    public Pack {
        sections = List.copyOf(sections);
        missing = List.copyOf(missing);
    }

    /** The keys of the sections, in order: what the golden test checks. */
    public static final List<String> ORDER = List.of("cover", "purpose", "joined", "questions", "polls", "perspective",
            "themes", "breakouts", "reflections", "diy", "evaluation", "contact");

    public java.util.Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * One section. {@code text} is the organiser's words when they edited it, else Cairn's;
     * {@code edited} says which. Figures, charts and groups carry the rest.
     */
    public record Section(String key, String heading, String text, boolean edited, List<Figure> figures,
            List<Chart> charts, List<Group> groups) {
        public Section {
            figures = List.copyOf(figures);
            charts = List.copyOf(charts);
            groups = List.copyOf(groups);
        }
    }

    /** A figure in words with its base, e.g. "87%" "would recommend" "13 of the 15 who answered". */
    public record Figure(String value, String label, String base) {}

    /**
     * A bar chart and its data table: {@code base} is the one count every percentage is of
     * (never mixed), and {@code note} says who it counts and who did not answer.
     */
    public record Chart(String key, String title, List<Bar> bars, int base, String note) {
        public Chart {
            bars = List.copyOf(bars);
        }

        /** Alternative text: the title, then every bar with its count and share. */
        public String alt() {
            StringBuilder b = new StringBuilder(title).append(". ");
            for (Bar bar : bars) {
                b.append(bar.label()).append(": ").append(bar.count());
                if (bar.percent() != null) b.append(" (").append(bar.percent()).append("%)");
                b.append(". ");
            }
            return b.append(note).toString().strip();
        }
    }

    public record Bar(String label, int count, Integer percent) {}

    /** A titled group inside a section: a theme, a prompt, a poll's words; its points and quotes. */
    public record Group(String heading, String text, List<String> points, List<Quote> quotes) {
        public Group {
            points = List.copyOf(points);
            quotes = List.copyOf(quotes);
        }
    }

    /**
     * Words someone said; {@code by} only when the event attributes quotes and they agreed;
     * {@code ref} names where they came from, so the organiser can leave one out (null when it cannot be).
     */
    public record Quote(String text, String by, String ref) {}
}
