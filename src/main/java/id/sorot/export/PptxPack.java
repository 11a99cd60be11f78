package id.sorot.export;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.TableCell.BorderEdge;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;

/**
 * The meeting pack as a PPTX: 16:9, Liberation Sans embedded, a title slide, then one chart (a
 * picture) or table (a real, editable PowerPoint table, split over slides) per slide.
 */
public final class PptxPack {

    private static final double W = 960;
    private static final double H = 540;
    private static final double MARGIN = 36;
    private static final int ROWS_PER_SLIDE = 15;
    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x5b, 0x64, 0x70);
    private static final Color ACCENT = new Color(0x00, 0x72, 0xb2);
    private static final Color STRIPE = new Color(0xf3, 0xf5, 0xf7);
    private static final Color RULE = new Color(0xd5, 0xd9, 0xde);

    private PptxPack() {}

    public static byte[] write(Pack pack) {
        try (XMLSlideShow ppt = new XMLSlideShow();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ppt.setPageSize(new Dimension((int) W, (int) H));
            ppt.addFont(new ByteArrayInputStream(Fonts.regularEot()));
            ppt.addFont(new ByteArrayInputStream(Fonts.boldEot()));
            ppt.getProperties()
                    .getCoreProperties()
                    .setTitle(pack.subject() + " · " + pack.pemda() + " · " + pack.period());
            ppt.getProperties().getCoreProperties().setCreator("Sorot");

            XSLFSlide first = ppt.createSlide();
            bar(first, 12);
            text(first, "Sorot", 14, true, ACCENT, new Rectangle2D.Double(MARGIN * 2, 150, W - 4 * MARGIN, 26));
            text(first, pack.subject(), 36, true, INK, new Rectangle2D.Double(MARGIN * 2, 180, W - 4 * MARGIN, 100));
            text(
                    first,
                    pack.pemda() + " · " + pack.period(),
                    22,
                    false,
                    INK,
                    new Rectangle2D.Double(MARGIN * 2, 290, W - 4 * MARGIN, 34));
            text(first, pack.date(), 16, false, MUTED, new Rectangle2D.Double(MARGIN * 2, 330, W - 4 * MARGIN, 28));

            for (Pack.Page page : pack.pages()) {
                switch (page) {
                    case Pack.Chart chart -> chart(ppt, pack, chart);
                    case Pack.Grid grid -> table(ppt, pack, grid.table());
                }
            }
            ppt.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XSLFSlide slide(XMLSlideShow ppt, Pack pack, String title, String context, String source) {
        XSLFSlide s = ppt.createSlide();
        bar(s, 6);
        text(s, title, 22, true, INK, new Rectangle2D.Double(MARGIN, 16, W - 2 * MARGIN, 32));
        if (context != null && !context.isBlank()) {
            text(s, context, 12, false, MUTED, new Rectangle2D.Double(MARGIN, 48, W - 2 * MARGIN, 22));
        }
        String foot = (source == null || source.isBlank() ? "" : source + "  ·  ") + pack.exportedAt();
        text(s, foot, 9, false, MUTED, new Rectangle2D.Double(MARGIN, H - 30, W - 2 * MARGIN, 18));
        return s;
    }

    private static void chart(XMLSlideShow ppt, Pack pack, Pack.Chart chart) throws IOException {
        XSLFSlide s = slide(ppt, pack, chart.title(), chart.context(), chart.source());
        XSLFPictureData data = ppt.addPicture(chart.png(), PictureData.PictureType.PNG);
        Dimension size = data.getImageDimension();
        double boxW = W - 2 * MARGIN;
        double top = 76;
        double boxH = H - 36 - top;
        double scale = Math.min(boxW / size.getWidth(), boxH / size.getHeight());
        double w = size.getWidth() * scale;
        double h = size.getHeight() * scale;
        XSLFPictureShape pic = s.createPicture(data);
        pic.setAnchor(new Rectangle2D.Double(MARGIN + (boxW - w) / 2, top, w, h));
        pic.setName(chart.title());
    }

    private static void table(XMLSlideShow ppt, Pack pack, Table table) {
        List<Table.Column> columns = table.columns();
        List<List<String>> rows = table.shown();
        double[] widths = widths(table, W - 2 * MARGIN);
        int slides = Math.max(1, (rows.size() + ROWS_PER_SLIDE - 1) / ROWS_PER_SLIDE);
        for (int p = 0; p < slides; p++) {
            String title = table.title() + (p > 0 ? " (" + pack.continued() + ")" : "");
            XSLFSlide s = slide(ppt, pack, title, table.context(), table.source());
            XSLFTable t = s.createTable();
            XSLFTableRow header = t.addRow();
            header.setHeight(22);
            for (Table.Column c : columns) fill(header.addCell(), c.header(), true, c, STRIPE);
            int from = p * ROWS_PER_SLIDE;
            for (int r = from; r < Math.min(rows.size(), from + ROWS_PER_SLIDE); r++) {
                XSLFTableRow row = t.addRow();
                row.setHeight(20);
                List<String> values = rows.get(r);
                for (int i = 0; i < columns.size(); i++) {
                    fill(row.addCell(), i < values.size() ? values.get(i) : "", false, columns.get(i), null);
                }
            }
            for (int i = 0; i < columns.size(); i++) t.setColumnWidth(i, widths[i]);
            t.setAnchor(new Rectangle2D.Double(
                    MARGIN, 78, W - 2 * MARGIN, 22 + 20.0 * Math.min(ROWS_PER_SLIDE, rows.size() - from)));
        }
    }

    private static void fill(XSLFTableCell cell, String value, boolean bold, Table.Column column, Color background) {
        cell.clearText();
        XSLFTextParagraph p = cell.addNewTextParagraph();
        p.setTextAlign(column.format() == Table.Format.TEXT ? TextAlign.LEFT : TextAlign.RIGHT);
        XSLFTextRun r = p.addNewTextRun();
        r.setText(value == null ? "" : value);
        r.setFontSize(10.0);
        r.setBold(bold);
        r.setFontFamily(Fonts.FAMILY);
        r.setFontColor(INK);
        cell.setVerticalAlignment(VerticalAlignment.MIDDLE);
        cell.setInsets(new org.apache.poi.sl.usermodel.Insets2D(2, 5, 2, 5));
        cell.setBorderColor(BorderEdge.bottom, RULE);
        cell.setBorderWidth(BorderEdge.bottom, 0.75);
        if (background != null) cell.setFillColor(background);
    }

    private static double[] widths(Table table, double avail) {
        List<Table.Column> columns = table.columns();
        double[] w = new double[columns.size()];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            int chars = columns.get(i).header().length();
            for (List<String> row : table.shown())
                if (i < row.size() && row.get(i) != null)
                    chars = Math.max(chars, row.get(i).length());
            w[i] = Math.min(chars, 60) + 3;
            total += w[i];
        }
        for (int i = 0; i < w.length; i++) w[i] = w[i] / total * avail;
        return w;
    }

    private static void bar(XSLFSlide s, double height) {
        var bar = s.createAutoShape();
        bar.setShapeType(org.apache.poi.sl.usermodel.ShapeType.RECT);
        bar.setAnchor(new Rectangle2D.Double(0, 0, W, height));
        bar.setFillColor(ACCENT);
        bar.setLineColor(ACCENT);
    }

    private static XSLFTextBox text(
            XSLFSlide s, String value, double size, boolean bold, Color color, Rectangle2D anchor) {
        XSLFTextBox box = s.createTextBox();
        box.setAnchor(anchor);
        box.setWordWrap(true);
        box.clearText();
        XSLFTextRun r = box.addNewTextParagraph().addNewTextRun();
        r.setText(value == null ? "" : value);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontColor(color);
        r.setFontFamily(Fonts.FAMILY);
        return box;
    }
}
