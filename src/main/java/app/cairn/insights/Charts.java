package app.cairn.insights;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The series charts, drawn by JFreeChart into SVG with JFreeSVG. Each chart is served as its own
 * image (the page's Content-Security-Policy forbids the inline styles JFreeSVG writes), has
 * alternative text saying what it shows, and sits beside a table with every number. Colours are
 * Cairn's, each at least 3:1 against white; values are written on the bars, so nothing is told by
 * colour alone.
 */
public final class Charts {
    static final int WIDTH = 760;
    static final int HEIGHT = 380;
    private static final Color[] COLOURS = {new Color(0x22413a), new Color(0xb5651d), new Color(0x3a5f9e),
        new Color(0x6f4e7c), new Color(0x505a5f)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** A chart Cairn draws: its file name, heading and how to describe it. */
    public enum Kind {
        PEOPLE("people", "People registered and attended"),
        RETURNING("returning", "New and returning people"),
        ORGANISATIONS("organisations", "Organisations reached"),
        SECTORS("sectors", "Sectors reached");

        private final String file;
        private final String heading;

        Kind(String file, String heading) {
            this.file = file;
            this.heading = heading;
        }

        public String file() {
            return file;
        }

        public String heading() {
            return heading;
        }

        public static Optional<Kind> ofFile(String file) {
            for (Kind k : values()) if (k.file.equals(file)) return Optional.of(k);
            return Optional.empty();
        }
    }

    private Charts() {}

    /** The chart as an SVG document. */
    public static String svg(Kind kind, Series series) {
        Map<String, Map<String, Number>> data = data(kind, series);
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        List<String> labels = labels(series);
        for (var s : data.entrySet()) {
            for (int i = 0; i < labels.size(); i++) ds.addValue(s.getValue().getOrDefault(labels.get(i), 0), s.getKey(), labels.get(i));
        }
        boolean stacked = kind == Kind.RETURNING || kind == Kind.SECTORS;
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(null, null, kind == Kind.ORGANISATIONS ? "Organisations" : "People", ds,
                        PlotOrientation.VERTICAL, true, false, false)
                : ChartFactory.createBarChart(null, null, kind == Kind.ORGANISATIONS ? "Organisations" : "People", ds,
                        PlotOrientation.VERTICAL, true, false, false);
        style(chart, data.size());
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    private static void style(JFreeChart chart, int seriesCount) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xb1b4b6));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.getDomainAxis().setTickLabelFont(FONT);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getRangeAxis().setTickLabelFont(FONT);
        plot.getRangeAxis().setLabelFont(FONT);
        plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(FONT);
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            // Labels inside stacked bars are white on the bar's colour; above plain bars, dark on white.
            renderer.setSeriesItemLabelPaint(i, chart.getCategoryPlot().getRenderer() instanceof
                    org.jfree.chart.renderer.category.StackedBarRenderer ? Color.WHITE : new Color(0x0b0c0c));
        }
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(FONT);
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }

    /** The chart's numbers: series name, then value by conversation label. */
    static Map<String, Map<String, Number>> data(Kind kind, Series series) {
        Map<String, Map<String, Number>> out = new LinkedHashMap<>();
        List<String> labels = labels(series);
        for (int i = 0; i < series.events().size(); i++) {
            Series.EventReach e = series.events().get(i);
            String label = labels.get(i);
            switch (kind) {
                case PEOPLE -> {
                    put(out, "Registered", label, e.registered());
                    put(out, "Attended", label, e.attended());
                }
                case RETURNING -> {
                    put(out, "New", label, e.fresh());
                    put(out, "Returning", label, e.returning());
                }
                case ORGANISATIONS -> {
                    put(out, "Organisations reached", label, e.organisations());
                    put(out, "Reached for the first time", label, e.newOrganisations());
                }
                case SECTORS -> e.sectors().forEach((sector, n) -> {
                    if (series.sectors().containsKey(sector)) put(out, sector, label, n);
                });
            }
        }
        return out;
    }

    private static void put(Map<String, Map<String, Number>> out, String series, String label, Number n) {
        out.computeIfAbsent(series, k -> new LinkedHashMap<>()).put(label, n);
    }

    /** Each conversation's axis label: its date, numbered if two fall on one day. */
    static List<String> labels(Series series) {
        List<String> out = new ArrayList<>();
        for (Series.EventReach e : series.events()) {
            String label = e.shortDate();
            String unique = label;
            for (int n = 2; out.contains(unique); n++) unique = label + " (" + n + ")";
            out.add(unique);
        }
        return out;
    }

    /** What the chart shows, for its alternative text. */
    public static String alt(Kind kind, Series series) {
        int n = series.events().size();
        if (n == 0) return kind.heading() + ": no conversations yet.";
        String span = n == 1 ? "one conversation on " + series.events().get(0).shortDate()
                : n + " conversations from " + series.events().get(0).shortDate() + " to "
                        + series.events().get(n - 1).shortDate();
        String detail = switch (kind) {
            case PEOPLE -> {
                var most = series.events().stream().max(java.util.Comparator.comparingInt(Series.EventReach::registered)).get();
                yield "Bars for people registered and people who attended. The most registered was " + most.registered()
                        + ", on " + most.shortDate() + ".";
            }
            case RETURNING -> "Stacked bars: people new to the community and people returning. In all, "
                    + series.people() + " different people registered.";
            case ORGANISATIONS -> "Bars for organisations reached and those reached for the first time. In all, "
                    + series.organisations() + " organisations.";
            case SECTORS -> "Stacked bars of people by sector. Over the series: " + String.join(", ",
                    series.sectors().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ".";
        };
        return kind.heading() + " at " + span + ". " + detail + " The table below the chart gives every number.";
    }
}
