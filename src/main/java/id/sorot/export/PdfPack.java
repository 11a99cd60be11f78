package id.sorot.export;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** The meeting pack as a PDF: A4 landscape, Liberation Sans embedded (subset), tables split over pages. */
public final class PdfPack {

    private static final PDRectangle A4_LANDSCAPE =
            new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float ROW = 15;
    private static final float CELL_FONT = 8.5f;
    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x5b, 0x64, 0x70);
    private static final Color RULE = new Color(0xd5, 0xd9, 0xde);
    private static final Color STRIPE = new Color(0xf3, 0xf5, 0xf7);
    private static final Color ACCENT = new Color(0x00, 0x72, 0xb2);

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final Pack pack;
    private final List<PDPage> numbered = new ArrayList<>();
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();

    private PdfPack(PDDocument doc, Pack pack) throws IOException {
        this.doc = doc;
        this.pack = pack;
        this.regular = PDType0Font.load(doc, new ByteArrayInputStream(Fonts.regular()), true);
        this.bold = PDType0Font.load(doc, new ByteArrayInputStream(Fonts.bold()), true);
    }

    public static byte[] write(Pack pack) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle(pack.subject() + " · " + pack.pemda() + " · " + pack.period());
            doc.getDocumentInformation().setCreator("Sorot");
            doc.getDocumentCatalog().setLanguage("id-ID");
            PdfPack writer = new PdfPack(doc, pack);
            writer.titlePage();
            for (Pack.Page page : pack.pages()) {
                switch (page) {
                    case Pack.Chart chart -> writer.chart(chart);
                    case Pack.Grid grid -> writer.table(grid.table());
                }
            }
            writer.pageNumbers();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void titlePage() throws IOException {
        PDPage page = new PDPage(A4_LANDSCAPE);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            float w = A4_LANDSCAPE.getWidth();
            cs.setNonStrokingColor(ACCENT);
            cs.addRect(0, A4_LANDSCAPE.getHeight() - 12, w, 12);
            cs.fill();
            float y = A4_LANDSCAPE.getHeight() / 2 + 70;
            text(cs, bold, 13, ACCENT, MARGIN * 2, y + 40, "Sorot");
            y = wrapped(cs, bold, 30, INK, MARGIN * 2, y, w - MARGIN * 4, pack.subject(), 36);
            text(cs, regular, 18, INK, MARGIN * 2, y - 16, pack.pemda() + " · " + pack.period());
            text(cs, regular, 13, MUTED, MARGIN * 2, y - 44, pack.date());
        }
    }

    private void chart(Pack.Chart chart) throws IOException {
        PDPage page = contentPage(chart.title(), chart.context(), chart.source());
        PDImageXObject image = PDImageXObject.createFromByteArray(doc, chart.png(), chart.title());
        float top = A4_LANDSCAPE.getHeight() - MARGIN - 52;
        float bottom = MARGIN + 24;
        float boxW = A4_LANDSCAPE.getWidth() - 2 * MARGIN;
        float boxH = top - bottom;
        float scale = Math.min(boxW / image.getWidth(), boxH / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
            cs.drawImage(image, MARGIN + (boxW - w) / 2, top - h, w, h);
        }
    }

    private void table(Table table) throws IOException {
        List<Table.Column> columns = table.columns();
        float avail = A4_LANDSCAPE.getWidth() - 2 * MARGIN;
        float[] widths = widths(table, avail);
        float top = A4_LANDSCAPE.getHeight() - MARGIN - 58;
        int perPage = (int) ((top - (MARGIN + 24)) / ROW) - 1;
        List<List<String>> rows = table.shown();
        int pages = Math.max(1, (rows.size() + perPage - 1) / perPage);
        for (int p = 0; p < pages; p++) {
            String title = table.title() + (p > 0 ? " (" + pack.continued() + ")" : "");
            PDPage page = contentPage(title, table.context(), table.source());
            try (PDPageContentStream cs =
                    new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                float y = top;
                cs.setNonStrokingColor(STRIPE);
                cs.addRect(MARGIN, y - ROW, avail, ROW);
                cs.fill();
                float x = MARGIN;
                for (int i = 0; i < columns.size(); i++) {
                    cell(cs, bold, columns.get(i), columns.get(i).header(), x, y, widths[i]);
                    x += widths[i];
                }
                rule(cs, y - ROW, avail, INK);
                y -= ROW;
                int from = p * perPage;
                int to = Math.min(rows.size(), from + perPage);
                for (int r = from; r < to; r++) {
                    x = MARGIN;
                    List<String> row = rows.get(r);
                    for (int i = 0; i < columns.size(); i++) {
                        cell(cs, regular, columns.get(i), i < row.size() ? row.get(i) : "", x, y, widths[i]);
                        x += widths[i];
                    }
                    rule(cs, y - ROW, avail, RULE);
                    y -= ROW;
                }
            }
        }
    }

    private float[] widths(Table table, float avail) throws IOException {
        List<Table.Column> columns = table.columns();
        float[] w = new float[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            w[i] = width(bold, CELL_FONT, columns.get(i).header());
            for (List<String> row : table.shown()) {
                if (i < row.size()) w[i] = Math.max(w[i], width(regular, CELL_FONT, row.get(i)));
            }
            w[i] += 10;
        }
        float total = 0;
        float text = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            if (columns.get(i).format() == Table.Format.TEXT) text += w[i];
        }
        if (total > avail && text > 0) {
            // numbers keep their width; text columns share what is left and are cut with an ellipsis
            float left = Math.max(avail - (total - text), 40 * countText(columns));
            for (int i = 0; i < w.length; i++)
                if (columns.get(i).format() == Table.Format.TEXT) w[i] = w[i] / text * left;
        } else if (total < avail && text > 0) {
            for (int i = 0; i < w.length; i++)
                if (columns.get(i).format() == Table.Format.TEXT) w[i] += (avail - total) * w[i] / text;
        }
        total = 0;
        for (float f : w) total += f;
        if (total > avail) for (int i = 0; i < w.length; i++) w[i] = w[i] / total * avail;
        return w;
    }

    private static int countText(List<Table.Column> columns) {
        return (int)
                columns.stream().filter(c -> c.format() == Table.Format.TEXT).count();
    }

    private void cell(PDPageContentStream cs, PDFont font, Table.Column column, String value, float x, float y, float w)
            throws IOException {
        String s = fit(font, CELL_FONT, printable(font, value == null ? "" : value), w - 8);
        float baseline = y - ROW + 4.5f;
        if (column.format() == Table.Format.TEXT) {
            text(cs, font, CELL_FONT, INK, x + 4, baseline, s);
        } else {
            text(cs, font, CELL_FONT, INK, x + w - 4 - width(font, CELL_FONT, s), baseline, s);
        }
    }

    private void rule(PDPageContentStream cs, float y, float w, Color color) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN, y);
        cs.lineTo(MARGIN + w, y);
        cs.stroke();
    }

    /** A page with its heading (title, context) and footer (source); the page number comes later. */
    private PDPage contentPage(String title, String context, String source) throws IOException {
        PDPage page = new PDPage(A4_LANDSCAPE);
        doc.addPage(page);
        numbered.add(page);
        float w = A4_LANDSCAPE.getWidth();
        float top = A4_LANDSCAPE.getHeight() - MARGIN;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.setNonStrokingColor(ACCENT);
            cs.addRect(0, A4_LANDSCAPE.getHeight() - 6, w, 6);
            cs.fill();
            text(cs, bold, 16, INK, MARGIN, top - 14, fit(bold, 16, printable(bold, title), w - 2 * MARGIN));
            if (context != null && !context.isBlank()) {
                text(
                        cs,
                        regular,
                        10,
                        MUTED,
                        MARGIN,
                        top - 32,
                        fit(regular, 10, printable(regular, context), w - 2 * MARGIN));
            }
            if (source != null && !source.isBlank()) {
                text(cs, regular, 8, MUTED, MARGIN, MARGIN - 4, fit(regular, 8, printable(regular, source), w * 0.6f));
            }
        }
        return page;
    }

    private void pageNumbers() throws IOException {
        int total = numbered.size();
        for (int i = 0; i < total; i++) {
            PDPage page = numbered.get(i);
            String s = printable(regular, String.format(pack.pageOf(), i + 1, total) + " · " + pack.exportedAt());
            try (PDPageContentStream cs =
                    new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                float w = A4_LANDSCAPE.getWidth();
                text(cs, regular, 8, MUTED, w - MARGIN - width(regular, 8, s), MARGIN - 4, s);
            }
        }
    }

    private float wrapped(
            PDPageContentStream cs,
            PDFont font,
            float size,
            Color color,
            float x,
            float y,
            float w,
            String s,
            float leading)
            throws IOException {
        StringBuilder line = new StringBuilder();
        for (String word : printable(font, s).split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, next) > w && !line.isEmpty()) {
                text(cs, font, size, color, x, y, line.toString());
                y -= leading;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            text(cs, font, size, color, x, y, line.toString());
            y -= leading;
        }
        return y;
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, Color color, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    private String fit(PDFont font, float size, String s, float w) throws IOException {
        if (width(font, size, s) <= w) return s;
        String cut = s;
        while (!cut.isEmpty() && width(font, size, cut + "…") > w) cut = cut.substring(0, cut.length() - 1);
        return cut + "…";
    }

    /** Characters the font lacks would stop PDFBox; give them the nearest it has. */
    private String printable(PDFont font, String s) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
                return;
            }
            boolean has = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (has) out.appendCodePoint(cp);
            else
                out.append(
                        switch (cp) {
                            case 0x25B2 -> "+";
                            case 0x25BC, 0x2212 -> "-";
                            default -> "?";
                        });
        });
        return out.toString();
    }
}
