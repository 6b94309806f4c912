package app.cairn.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The pack as a Word document organisers can edit: real heading styles (so Word's navigation
 * and screen readers see the structure), quotes as indented paragraphs, each chart as its table.
 */
final class PackDocx {
    private PackDocx() {}

    static byte[] write(Pack pack) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            heading(styles, "Title", "Title", 0, 56);
            heading(styles, "Heading1", "heading 1", 0, 36);
            heading(styles, "Heading2", "heading 2", 1, 30);
            heading(styles, "Heading3", "heading 3", 2, 24);
            doc.getProperties().getCoreProperties().setTitle(pack.title());
            doc.getProperties().getCoreProperties().setCreator(pack.community());
            for (Pack.Section s : pack.sections()) {
                if (s.key().equals("cover")) {
                    para(doc, pack.community(), null);
                    para(doc, s.heading(), "Title");
                    for (String line : s.text().split("\n")) para(doc, line, null);
                    continue;
                }
                para(doc, s.heading(), "Heading2");
                for (String p : s.text().split("\n\\s*\n|\n")) if (!p.isBlank()) para(doc, p, null);
                for (Pack.Figure f : s.figures()) {
                    para(doc, f.value() + " " + f.label() + (f.base().isEmpty() ? "" : " (" + f.base() + ")"), null);
                }
                for (Pack.Chart c : s.charts()) {
                    para(doc, c.title(), "Heading3");
                    XWPFTable t = doc.createTable(c.bars().size() + 1, 3);
                    cell(t, 0, 0, "Answer");
                    cell(t, 0, 1, "People");
                    cell(t, 0, 2, "Share");
                    for (int i = 0; i < c.bars().size(); i++) {
                        Pack.Bar b = c.bars().get(i);
                        cell(t, i + 1, 0, b.label());
                        cell(t, i + 1, 1, Integer.toString(b.count()));
                        cell(t, i + 1, 2, b.percent() == null ? "\u2013" : b.percent() + "%");
                    }
                    para(doc, c.note(), null);
                }
                for (Pack.Group g : s.groups()) {
                    if (!g.heading().isEmpty()) para(doc, g.heading(), "Heading3");
                    if (!g.text().isEmpty()) para(doc, g.text(), null);
                    for (String p : g.points()) doc.createParagraph().createRun().setText("\u2022 " + p);
                    for (Pack.Quote q : g.quotes()) {
                        XWPFParagraph p = doc.createParagraph();
                        p.setIndentationLeft(567);
                        XWPFRun r = p.createRun();
                        r.setItalic(true);
                        r.setText("\u201c" + q.text() + "\u201d" + (q.by() == null ? "" : " \u2014 " + q.by()));
                    }
                }
            }
            if (!pack.missing().isEmpty()) {
                para(doc, "Not in this pack", "Heading2");
                for (String m : pack.missing()) doc.createParagraph().createRun().setText("\u2022 " + m);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the Word document could not be written", e);
        }
    }

    private static void para(XWPFDocument doc, String text, String style) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) p.setStyle(style);
        p.createRun().setText(text);
    }

    private static void cell(XWPFTable t, int row, int col, String text) {
        t.getRow(row).getCell(col).setText(text);
    }

    private static void heading(XWPFStyles styles, String id, String name, int level, int halfPoints) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewQFormat();
        ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level));
        var rpr = ct.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(ct, styles));
    }
}
