package app.cairn.pack;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.web.Templates;
import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class PackRenderTest {
    static final String MANY_SCRIPTS = "Tha mi toilichte gur tàinig sibh · Zażółć gęślą jaźń · مرحبا بكم · 🌱🙂";
    static final PackRender render = new PackRender(new Templates());

    @Test
    void the_pdf_reads_back_with_its_text_tags_page_header_and_embedded_fonts() throws Exception {
        Pack pack = PackBuilder.build(PackFixtures.full(MANY_SCRIPTS));
        byte[] pdf = render.pdf(pack);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Kindness at work", "Who joined us", "What our participants thought",
                    "67%", "Tha mi toilichte gur tàinig sibh", "Zażółć gęślą jaźń");
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            // The community's name heads every page after the cover, with page numbers at the foot.
            PDFTextStripper page2 = new PDFTextStripper();
            page2.setStartPage(2);
            page2.setEndPage(2);
            assertThat(page2.getText(doc)).contains("Lanterns Network · Kindness at work", "Page 2 of " + doc.getNumberOfPages());
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(tags(doc.getDocumentCatalog().getStructureTreeRoot())).contains("H1", "H2", "P", "Table", "Figure");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Kindness at work");
            java.util.Set<String> fonts = new java.util.HashSet<>();
            for (PDPage page : doc.getPages()) fonts(page.getResources(), fonts);
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).contains("DejaVuSans"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "pack-sample.pdf"), pdf);
        }
    }

    @Test
    void a_ten_thousand_character_quote_flows_over_pages_without_losing_text() throws Exception {
        String word = "compassion ";
        String quote = word.repeat(10_000 / word.length()) + "ENDOFQUOTE" + "x".repeat(300);
        byte[] pdf = render.pdf(PackBuilder.build(PackFixtures.full(quote)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("ENDOFQUOTE").contains("x".repeat(300));
        }
        assertThat(render.html(PackBuilder.build(PackFixtures.full(quote)))).contains("ENDOFQUOTE");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(PackDocx.write(PackBuilder.build(PackFixtures.full(quote)))))) {
            assertThat(docx.getParagraphs()).anySatisfy(p -> assertThat(p.getText()).contains("ENDOFQUOTE"));
        }
    }

    @Test
    void the_empty_pack_renders_in_every_format() throws Exception {
        Pack pack = PackBuilder.build(PackFixtures.empty());
        try (PDDocument doc = Loader.loadPDF(render.pdf(pack))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Kindness at work", "Not in this pack", "Who joined");
        }
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(PackDocx.write(pack)))) {
            assertThat(docx.getParagraphs()).extracting(p -> p.getText()).contains("Kindness at work", "Not in this pack");
        }
    }

    @Test
    void the_html_document_is_one_source_with_charts_inside_and_text_escaped() {
        Pack pack = PackBuilder.build(PackFixtures.full("<script>alert(1)</script> " + MANY_SCRIPTS));
        String html = render.html(pack);
        assertThat(html).contains("data:image/svg+xml;base64,", "<table class=\"pack-table\"", MANY_SCRIPTS)
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void the_docx_opens_with_headings_quotes_and_tables() throws Exception {
        Pack pack = PackBuilder.build(PackFixtures.full(MANY_SCRIPTS));
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(PackDocx.write(pack)))) {
            var texts = docx.getParagraphs().stream().map(p -> p.getText()).toList();
            assertThat(texts).contains("Kindness at work", "Who joined us", "Closing reflections");
            assertThat(texts).anySatisfy(t -> assertThat(t).contains(MANY_SCRIPTS));
            assertThat(docx.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())).count()).isGreaterThan(5);
            assertThat(docx.getTables()).isNotEmpty();
            assertThat(docx.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo("6");
        }
    }

    /** Every font used on a page or in its drawings (charts are form XObjects), checked to be embedded. */
    private static void fonts(org.apache.pdfbox.pdmodel.PDResources res, java.util.Set<String> out) throws java.io.IOException {
        if (res == null) return;
        for (var name : res.getFontNames()) {
            PDFont font = res.getFont(name);
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            out.add(font.getName());
        }
        for (var name : res.getXObjectNames()) {
            if (res.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                fonts(form.getResources(), out);
            }
        }
    }

    private static java.util.Set<String> tags(PDStructureNode node) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                out.add(e.getStructureType());
                out.addAll(tags(e));
            }
        }
        return out;
    }

    @Test
    void the_data_bundle_has_each_chart_as_csv_and_xlsx_with_formulas_escaped() throws Exception {
        assertThat(PackData.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(PackData.safe("+1")).isEqualTo("'+1");
        assertThat(PackData.safe("-2")).isEqualTo("'-2");
        assertThat(PackData.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(PackData.safe("Yes")).isEqualTo("Yes");
        PackInputs in = PackFixtures.full("x");
        var poll = new app.cairn.live.LiveViews.PollView("evil", "Which?", app.cairn.live.Contribution.PollKind.single_choice,
                java.util.List.of("=cmd|' /C calc'!A0", "Fine"), false, true,
                new app.cairn.live.LiveViews.Results(2, java.util.List.of(1, 1), null, java.util.List.of(), java.util.List.of()));
        in = new PackInputs(in.event(), in.community(), in.segments(), in.settings(), in.people(), in.oneQuestions(),
                in.fresh(), in.returning(), java.util.List.of(poll), in.messages(), in.prompts(), in.reflections(), in.diy(),
                in.themes(), in.form(), in.responses(), in.edits(), java.util.Set.of());
        java.util.Map<String, byte[]> files = new java.util.HashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(PackData.zip(PackBuilder.build(in))))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) files.put(e.getName(), zip.readAllBytes());
        }
        assertThat(files).containsKeys("sectors.csv", "returning.csv", "poll-evil.csv", "scores.csv", "charts.xlsx", "README.txt");
        String csv = new String(files.get("poll-evil.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("chart,answer,people,share_percent,base_n,note").contains("'=cmd").contains(",1,50,2,");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(files.get("charts.xlsx")))) {
            var sheet = wb.getSheet("poll-evil");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2.0);
        }
        for (byte[] f : files.values()) assertThat(new String(f, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Aoife");
    }
}
