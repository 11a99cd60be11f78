package id.sorot.export;

import id.sorot.export.Table.Format;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A table as CSV (the id-ID choice: UTF-8 with BOM, {@code ;}, decimal comma) and as XLSX. */
public final class TableFiles {

    private TableFiles() {}

    /**
     * Text a spreadsheet would read as a formula (or as DDE) when it starts with one of these:
     * OWASP's list for CSV injection.
     */
    static boolean dangerous(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    }

    /** Source text made inert for a spreadsheet: a leading apostrophe, as Excel itself shows. */
    public static String neutralise(String s) {
        return s != null && dangerous(s) ? "'" + s : s;
    }

    /**
     * One header line and one line per row, nothing above: tools read it as a table. Numbers have a
     * decimal comma and no thousands separator, so Excel and LibreOffice in id-ID read them as
     * numbers; percent columns hold percentage points and say so in the header.
     */
    public static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<Table.Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) out.append(';');
            out.append(csvField(neutralise(csvHeader(columns.get(i)))));
        }
        out.append("\r\n");
        for (List<Object> row : table.values()) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) out.append(';');
                Object v = i < row.size() ? row.get(i) : null;
                out.append(csvField(csvValue(v, columns.get(i).format())));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvHeader(Table.Column c) {
        String h = c.header();
        return switch (c.format()) {
            case PERCENT -> h.contains("%") ? h : h + " (%)";
            case RUPIAH -> h.contains("Rp") ? h : h + " (Rp)";
            default -> h;
        };
    }

    private static String csvValue(Object v, Format format) {
        if (v == null) return "";
        if (format == Format.TEXT || !(v instanceof Number n)) return neutralise(String.valueOf(v));
        if (!finite(n)) return "";
        BigDecimal d = exact(n);
        if (format == Format.INTEGER || format == Format.RUPIAH) d = d.setScale(0, RoundingMode.HALF_UP);
        return d.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String csvField(String s) {
        if (s.indexOf(';') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static boolean finite(Number n) {
        return !(n instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(n instanceof Float f && (f.isNaN() || f.isInfinite()));
    }

    private static BigDecimal exact(Number n) {
        return switch (n) {
            case BigDecimal b -> b;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case java.math.BigInteger b -> new BigDecimal(b);
            // 12 significant digits: keeps every real decimal (88,1575) and drops the noise of
            // binary arithmetic (85,02 - 82,16 = 2,8599999999999994)
            default -> new BigDecimal(n.doubleValue()).round(new java.math.MathContext(12));
        };
    }

    /**
     * Title, context, source and time of export above the table; numbers as numbers with their
     * format (percentages as fractions shown with {@code 0.00%}), a frozen, filterable header.
     */
    public static byte[] xlsx(Table table) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getProperties().getCoreProperties().setTitle(table.title());
            wb.getProperties().getCoreProperties().setCreator("Sorot");
            Sheet sheet = wb.createSheet(
                    WorkbookUtil.createSafeSheetName(table.title().isBlank() ? "Sorot" : table.title()));
            var fmt = wb.createDataFormat();

            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font grey = wb.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            CellStyle titleStyle = wb.createCellStyle();
            titleStyle.setFont(big);
            CellStyle noteStyle = wb.createCellStyle();
            noteStyle.setFont(grey);
            CellStyle headerStyle = wb.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setBorderBottom(BorderStyle.THIN);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headerStyle.setWrapText(true);
            CellStyle text = wb.createCellStyle();
            CellStyle inert = wb.createCellStyle();
            // Excel's own marker for "this is text": kept when the cell is edited, unlike a value
            inert.setQuotePrefixed(true);
            CellStyle integer = wb.createCellStyle();
            integer.setDataFormat(fmt.getFormat("#,##0"));
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(fmt.getFormat("#,##0.00"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(fmt.getFormat("0.00%"));
            CellStyle rupiah = wb.createCellStyle();
            rupiah.setDataFormat(fmt.getFormat("\"Rp\" #,##0"));

            int r = 0;
            note(sheet, r++, table.title(), titleStyle);
            if (!table.context().isBlank()) note(sheet, r++, table.context(), noteStyle);
            if (!table.source().isBlank()) note(sheet, r++, table.source(), noteStyle);
            note(sheet, r++, table.exportedAt(), noteStyle);
            r++;
            int headerRow = r;
            List<Table.Column> columns = table.columns();
            Row header = sheet.createRow(r++);
            int[] widths = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(columns.get(i).header());
                c.setCellStyle(dangerous(columns.get(i).header()) ? withQuote(sheet, headerStyle) : headerStyle);
                widths[i] = Math.max(columns.get(i).header().length(), 8);
            }
            for (List<Object> values : table.values()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Object v = i < values.size() ? values.get(i) : null;
                    if (v == null || (v instanceof Number n && !finite(n))) continue;
                    Cell c = row.createCell(i);
                    Format f = columns.get(i).format();
                    if (f != Format.TEXT && v instanceof Number n) {
                        double d = exact(n).doubleValue();
                        switch (f) {
                            case INTEGER -> c.setCellStyle(integer);
                            case DECIMAL -> c.setCellStyle(decimal);
                            case RUPIAH -> c.setCellStyle(rupiah);
                            case PERCENT -> {
                                d = exact(n).movePointLeft(2).doubleValue();
                                c.setCellStyle(percent);
                            }
                            case TEXT -> {}
                        }
                        c.setCellValue(d);
                        widths[i] = Math.max(widths[i], f == Format.RUPIAH ? 20 : 12);
                    } else {
                        String s = String.valueOf(v);
                        c.setCellValue(s);
                        c.setCellStyle(dangerous(s) ? inert : text);
                        widths[i] = Math.max(widths[i], Math.min(s.length() + 2, 60));
                    }
                }
            }
            for (int i = 0; i < widths.length; i++) sheet.setColumnWidth(i, (widths[i] + 2) * 256);
            sheet.createFreezePane(0, headerRow + 1);
            if (!columns.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, r - 1), 0, columns.size() - 1));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void note(Sheet sheet, int r, String text, CellStyle style) {
        Cell c = sheet.createRow(r).createCell(0);
        c.setCellValue(text);
        c.setCellStyle(dangerous(text) ? withQuote(sheet, style) : style);
    }

    private static CellStyle withQuote(Sheet sheet, CellStyle style) {
        CellStyle s = sheet.getWorkbook().createCellStyle();
        s.cloneStyleFrom(style);
        s.setQuotePrefixed(true);
        return s;
    }
}
