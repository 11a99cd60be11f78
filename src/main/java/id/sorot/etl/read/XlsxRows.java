package id.sorot.etl.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * The first sheet of an XLSX workbook, pulled row by row from its XML with StAX, so a workbook of
 * any size is never held whole (only its shared strings and styles are). A numeric cell becomes
 * plain digits with a decimal comma, which every column kind reads unambiguously; a date-formatted
 * cell is written as the workbook's format shows it; a formula gives its cached result.
 */
final class XlsxRows implements RowSource {

    private static final XMLInputFactory XML = secureFactory();

    private final SourceFile file;
    private final OPCPackage pkg;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    private final List<String> cells = new ArrayList<>();

    XlsxRows(SourceFile file) {
        this.file = file;
        OPCPackage opened = null;
        try {
            opened = OPCPackage.open(file.path().toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(opened);
            this.strings = new ReadOnlySharedStringsTable(opened, false);
            this.styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) throw bad("the workbook has no sheet");
            this.sheet = sheets.next();
            this.xml = XML.createXMLStreamReader(sheet);
            this.pkg = opened;
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            if (opened != null) opened.revert();
            if (e instanceof EtlException x) throw x;
            throw bad(String.valueOf(e.getMessage()));
        }
    }

    private EtlException bad(String why) {
        return new EtlException(Problem.of(file.name(), "etl.error.bad_xlsx", why));
    }

    @Override
    public Row next() throws IOException {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("row")) {
                    return row();
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof EtlException x) throw x;
            throw bad(String.valueOf(e.getMessage()));
        }
    }

    /** Reads one {@code <row>} up to its end tag; cells a row leaves out are empty. */
    private Row row() throws XMLStreamException {
        int line = Integer.parseInt(xml.getAttributeValue(null, "r"));
        cells.clear();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                int column = column(xml.getAttributeValue(null, "r"), cells.size());
                String text = cell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                while (cells.size() < column) cells.add("");
                cells.add(text);
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("row")) {
                break;
            }
        }
        return new Row(line, cells.toArray(String[]::new));
    }

    /** Reads one {@code <c>} up to its end tag: its value, or the text of an inline string. */
    private String cell(String type, String style) throws XMLStreamException {
        StringBuilder value = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("v")) value = new StringBuilder(xml.getElementText());
                else if (name.equals("t")) {
                    if (inline == null) inline = new StringBuilder();
                    inline.append(xml.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("c")) {
                break;
            }
        }
        if ("inlineStr".equals(type)) return inline == null ? "" : inline.toString();
        if (value == null) return "";
        String v = value.toString();
        if (type == null || type.equals("n")) return number(v, style);
        return switch (type) {
            case "s" -> strings.getItemAt(Integer.parseInt(v.trim())).getString();
            case "str" -> v;
            case "b" -> String.valueOf(v.trim().equals("1"));
            default -> ""; // e (an error such as #DIV/0!) and anything unknown read as empty
        };
    }

    private String number(String raw, String style) {
        double value = Double.parseDouble(raw.trim());
        DateStyle date = style == null ? NOT_A_DATE : dateStyles.computeIfAbsent(style, this::dateStyle);
        if (date != NOT_A_DATE && DateUtil.isValidExcelDate(value)) {
            return formatter.formatRawCellContents(value, date.format(), date.pattern());
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A cell style's number format, when it is a date format. */
    private record DateStyle(int format, String pattern) {}

    private static final DateStyle NOT_A_DATE = new DateStyle(-1, "");

    /** Whether a style formats dates, looked up once per style: a sheet has few styles and millions of cells. */
    private final Map<String, DateStyle> dateStyles = new HashMap<>();

    private DateStyle dateStyle(String style) {
        XSSFCellStyle cs = styles.getStyleAt(Integer.parseInt(style));
        if (cs == null) return NOT_A_DATE;
        int format = cs.getDataFormat();
        String pattern = cs.getDataFormatString();
        return DateUtil.isADateFormat(format, pattern) ? new DateStyle(format, pattern) : NOT_A_DATE;
    }

    /** The 0-based column of a cell reference ({@code C7} is 2); the next one when the reference is missing. */
    static int column(String ref, int next) {
        if (ref == null) return next;
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < 'A' || c > 'Z') break;
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // the stream under it is closed next
        }
        sheet.close();
        pkg.revert();
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
