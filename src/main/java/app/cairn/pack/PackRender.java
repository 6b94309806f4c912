package app.cairn.pack;

import app.cairn.web.Templates;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a pack from one HTML source (decision 0016): the standalone document (the HTML
 * download, with its charts inside it) is also what the PDF is made from, with DejaVu Sans
 * embedded, tagged for screen readers (PDF/UA), charts as SVG vectors.
 */
public final class PackRender {
    private static final String CHART_SCHEME = "cairnchart";

    private final Templates templates;

    public PackRender(Templates templates) {
        this.templates = templates;
    }

    /** The height a chart is drawn at, so pages reserve its space before it loads. */
    public static int chartHeight(Pack.Chart chart) {
        return PackCharts.height(chart);
    }

    /** The community colour if it is a plain hex colour, else Cairn's own. */
    static String colour(Pack pack) {
        return pack.colour() != null && pack.colour().matches("#[0-9a-fA-F]{6}") ? pack.colour() : "#22413a";
    }

    /** The standalone HTML document, with each chart inside it as an SVG image. */
    public String html(Pack pack) {
        String colour = colour(pack);
        return document(pack, c -> "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(PackCharts.svg(c, colour).getBytes(StandardCharsets.UTF_8)));
    }

    private String document(Pack pack, Function<Pack.Chart, String> chartSrc) {
        Map<String, Object> params = new HashMap<>();
        params.put("pack", pack);
        params.put("chartSrc", chartSrc);
        params.put("colour", colour(pack));
        return templates.render("pack/print.jte", params);
    }

    /** The A4 PDF. */
    public byte[] pdf(Pack pack) {
        String colour = colour(pack);
        Map<String, String> charts = new HashMap<>();
        for (Pack.Section s : pack.sections()) {
            for (Pack.Chart c : s.charts()) charts.put(c.key() + ".svg", PackCharts.svg(c, colour));
        }
        String html = document(pack, c -> CHART_SCHEME + ":" + c.key() + ".svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.usePdfUaAccessibility(true);
            b.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            b.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
            b.useSVGDrawer(new BatikSVGDrawer());
            // Arabic and Hebrew shaped and in reading order; ICU line breaking for every script.
            b.useUnicodeBidiSplitter(new com.openhtmltopdf.bidi.support.ICUBidiSplitter.ICUBidiSplitterFactory());
            b.useUnicodeBidiReorderer(new com.openhtmltopdf.bidi.support.ICUBidiReorderer());
            b.useUnicodeLineBreaker(new com.openhtmltopdf.bidi.support.ICUBreakers.ICULineBreaker(java.util.Locale.UK));
            b.useUnicodeCharacterBreaker(new com.openhtmltopdf.bidi.support.ICUBreakers.ICUCharacterBreaker(java.util.Locale.UK));
            b.defaultTextDirection(com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection.LTR);
            b.useProtocolsStreamImplementation(url -> stream(charts.get(url.substring(CHART_SCHEME.length() + 1))), CHART_SCHEME);
            // Only our own charts are loaded: no other file or network address is read while rendering.
            b.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(CHART_SCHEME + ":"),
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            b.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(CHART_SCHEME + ":"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            b.withHtmlContent(html, CHART_SCHEME + ":/");
            b.withProducer("Cairn");
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream in = PackRender.class.getResourceAsStream("fonts/" + file);
        if (in == null) throw new IllegalStateException("font " + file + " is missing from the classpath");
        return in;
    }

    private static FSStream stream(String svg) {
        byte[] bytes = (svg == null ? "" : svg).getBytes(StandardCharsets.UTF_8);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
                return new InputStreamReader(getStream(), StandardCharsets.UTF_8);
            }
        };
    }
}
