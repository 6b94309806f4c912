package app.cairn.pack;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws a pack chart as an SVG vector: horizontal bars in the community's colour, each labelled with its count. */
final class PackCharts {
    static final int WIDTH = 640;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private PackCharts() {}

    static int height(Pack.Chart chart) {
        return 40 + 34 * Math.max(1, chart.bars().size());
    }

    static String svg(Pack.Chart chart, String colour) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (Pack.Bar b : chart.bars()) ds.addValue(b.count(), "People", shorten(b.label()));
        JFreeChart c = ChartFactory.createBarChart(null, null, null, ds, PlotOrientation.HORIZONTAL, false, false, false);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        CategoryPlot plot = c.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.getDomainAxis().setTickLabelFont(FONT);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.4f);
        plot.getRangeAxis().setVisible(false);
        plot.getRangeAxis().setUpperMargin(0.15);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, colour(colour));
        r.setMaximumBarWidth(0.6);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(FONT);
        r.setDefaultItemLabelPaint(new Color(0x0b0c0c));
        int h = height(chart);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, h);
        // Text as vector paths: the chart looks the same everywhere and needs no font in the PDF.
        g.setRenderingHint(org.jfree.svg.SVGHints.KEY_DRAW_STRING_TYPE, org.jfree.svg.SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        c.draw(g, new Rectangle2D.Double(0, 0, WIDTH, h));
        return g.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, h), null, null);
    }

    private static String shorten(String label) {
        return label.length() > 60 ? label.substring(0, 57) + "..." : label;
    }

    static Color colour(String hex) {
        try {
            return new Color(Integer.parseInt(hex.replace("#", ""), 16));
        } catch (RuntimeException e) {
            return new Color(0x22413a);
        }
    }
}
