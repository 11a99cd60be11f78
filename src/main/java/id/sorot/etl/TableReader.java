package id.sorot.etl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Turns a file into rows of text cells: tab-separated text as copied out of a PDF, CSV saved with
 * {@code ,} or {@code ;}, or an XLSX workbook (first sheet). Refuses what is not a table: an empty
 * file, binary data, text that is not UTF-8.
 */
final class TableReader {

    /** One line of the source; {@code line} is the 1-based line or spreadsheet row. */
    record Row(int line, String[] cells) {
        String cell(int i) {
            return i < cells.length ? cells[i] : "";
        }

        boolean blank() {
            for (String c : cells) {
                if (!c.isBlank()) return false;
            }
            return true;
        }
    }

    /** Rows read one at a time, so a file of millions of rows is never held whole. */
    interface RowSource extends AutoCloseable {
        /** The next row, or null at the end. */
        Row next() throws IOException;

        @Override
        void close() throws IOException;
    }

    private TableReader() {}

    static RowSource open(SourceFile file) throws IOException {
        if (file.size() == 0) {
            throw new EtlException(Problem.of(file.name(), "etl.error.empty"));
        }
        byte[] head = new byte[(int) Math.min(file.size(), 1 << 16)];
        try (InputStream in = Files.newInputStream(file.path())) {
            int off = 0;
            while (off < head.length) {
                int n = in.read(head, off, head.length - off);
                if (n < 0) break;
                off += n;
            }
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return xlsx(file);
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
            throw new EtlException(Problem.of(file.name(), "etl.error.old_excel"));
        }
        for (byte b : head) {
            if (b == 0) {
                throw new EtlException(Problem.of(file.name(), "etl.error.binary"));
            }
        }
        char delimiter = delimiter(file.name(), decodeHead(file, head));
        return new TextRows(file, delimiter);
    }

    private static String decodeHead(SourceFile file, byte[] head) {
        // the head may end inside a multi-byte character; only whole lines are sniffed
        int end = head.length;
        if (head.length == 1 << 16) {
            while (end > 0 && head[end - 1] != '\n') end--;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(head, 0, end))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(file, head, end);
        }
    }

    private static EtlException notUtf8(SourceFile file, byte[] bytes, int end) {
        int line = 1;
        int bad = -1;
        for (int i = 0; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n') line++;
            if (b >= 0x80) {
                int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
                boolean ok = len > 0 && i + len <= end;
                for (int k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xC0) == 0x80;
                if (!ok) {
                    bad = b;
                    break;
                }
                i += len - 1;
            }
        }
        return new EtlException(
                Problem.at(file.name(), line, "etl.error.not_utf8", bad < 0 ? "?" : String.format("0x%02X", bad)));
    }

    /**
     * Tab for .tsv; otherwise the delimiter that splits the most lines into the same number of
     * cells. Consistency, not count, decides: with ';' as the delimiter, English-style numbers such
     * as 229,444,689,696.00 give a varying number of ',' splits per line.
     */
    static char delimiter(String name, String head) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return '\t';
        }
        char best = lower.endsWith(".csv") ? ',' : '\t';
        int bestScore = 0;
        String[] lines = head.split("\r?\n");
        for (char d : new char[] {'\t', ';', ','}) {
            java.util.Map<Integer, Integer> widths = new java.util.HashMap<>();
            int counted = 0;
            for (String line : lines) {
                if (line.isBlank()) continue;
                if (++counted > 60) break;
                int cells = split(line, d).size();
                if (cells > 1) widths.merge(cells, 1, Integer::sum);
            }
            int score =
                    widths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static List<String> split(String line, char d) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == d && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    /** Delimited text, UTF-8, with RFC 4180 quotes (a quoted cell may hold the delimiter or a line break). */
    private static final class TextRows implements RowSource {
        private final SourceFile file;
        private final char delimiter;
        private final BufferedReader reader;
        private final List<String> cells = new ArrayList<>(32);
        private final StringBuilder cell = new StringBuilder(64);
        private int line;

        TextRows(SourceFile file, char delimiter) throws IOException {
            this.file = file;
            this.delimiter = delimiter;
            this.reader = new BufferedReader(
                    new InputStreamReader(
                            Files.newInputStream(file.path()),
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
                    1 << 16);
        }

        @Override
        public Row next() throws IOException {
            String text;
            try {
                text = reader.readLine();
            } catch (CharacterCodingException e) {
                throw new EtlException(Problem.at(file.name(), line + 1, "etl.error.not_utf8", "?"));
            }
            if (text == null) {
                return null;
            }
            line++;
            int start = line;
            if (start == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            cells.clear();
            cell.setLength(0);
            if (text.indexOf('"') < 0) {
                // the common case: no quotes, a plain split
                int from = 0;
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == delimiter) {
                        cells.add(text.substring(from, i));
                        from = i + 1;
                    }
                }
                cells.add(text.substring(from));
                return new Row(start, cells.toArray(String[]::new));
            }
            boolean quoted = false;
            boolean atCellStart = true;
            while (true) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (quoted) {
                        if (c == '"') {
                            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                                cell.append('"');
                                i++;
                            } else {
                                quoted = false;
                            }
                        } else {
                            cell.append(c);
                        }
                    } else if (c == '"' && atCellStart) {
                        quoted = true;
                        atCellStart = false;
                    } else if (c == delimiter) {
                        cells.add(cell.toString());
                        cell.setLength(0);
                        atCellStart = true;
                    } else {
                        cell.append(c);
                        atCellStart = false;
                    }
                }
                if (!quoted) break;
                String more = reader.readLine();
                if (more == null) {
                    throw new EtlException(Problem.at(file.name(), start, "etl.error.unclosed_quote"));
                }
                line++;
                cell.append('\n');
                text = more;
            }
            cells.add(cell.toString());
            return new Row(start, cells.toArray(String[]::new));
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static RowSource xlsx(SourceFile file) throws IOException {
        List<Row> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(file.path().toFile(), null, true)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                int last = Math.max(r.getLastCellNum(), 0);
                String[] cells = new String[last];
                for (int i = 0; i < last; i++) {
                    cells[i] = text(r.getCell(i), formatter);
                }
                rows.add(new Row(r.getRowNum() + 1, cells));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof EtlException) throw e;
            throw new EtlException(Problem.of(file.name(), "etl.error.bad_xlsx", String.valueOf(e.getMessage())));
        }
        Iterator<Row> it = rows.iterator();
        return new RowSource() {
            @Override
            public Row next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {}
        };
    }

    /** A numeric cell becomes plain digits with a decimal comma, which every column kind reads unambiguously. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
                    yield formatter.formatCellValue(cell);
                }
                yield java.math.BigDecimal.valueOf(cell.getNumericCellValue())
                        .stripTrailingZeros()
                        .toPlainString()
                        .replace('.', ',');
            }
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
