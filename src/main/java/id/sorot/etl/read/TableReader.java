package id.sorot.etl.read;

import java.io.IOException;
import java.io.InputStream;
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
public final class TableReader {

    /** One line of the source; {@code line} is the 1-based line or spreadsheet row. */
    public record Row(int line, String[] cells) {
        public String cell(int i) {
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
    public interface RowSource extends AutoCloseable {
        /** The next row, or null at the end. */
        Row next() throws IOException;

        @Override
        void close() throws IOException;
    }

    private TableReader() {}

    /**
     * Reads ahead on a second thread, in batches, so splitting lines overlaps with converting them:
     * on a file of millions of rows the two take about as long as each other.
     */
    public static RowSource prefetching(RowSource source) {
        return new Prefetch(source);
    }

    private static final class Prefetch implements RowSource {
        private static final Row[] END = new Row[0];
        private final java.util.concurrent.BlockingQueue<Object> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(16);
        private final RowSource source;
        private final Thread thread;
        private Row[] batch = new Row[0];
        private int at;
        private boolean done;

        Prefetch(RowSource source) {
            this.source = source;
            this.thread = Thread.ofPlatform().daemon().name("sorot-etl-reader").start(this::fill);
        }

        private void fill() {
            try {
                while (true) {
                    Row[] rows = new Row[4096];
                    int n = 0;
                    Row r;
                    while (n < rows.length && (r = source.next()) != null) rows[n++] = r;
                    queue.put(n == rows.length ? rows : java.util.Arrays.copyOf(rows, n));
                    if (n < rows.length) {
                        queue.put(END);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public Row next() throws IOException {
            while (at >= batch.length) {
                if (done) return null;
                Object next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading", e);
                }
                if (next instanceof EtlException e) throw new EtlException(e.problems());
                if (next instanceof IOException e) throw e;
                if (next instanceof RuntimeException e) throw e;
                if (next instanceof Exception e) throw new IOException(e);
                batch = (Row[]) next;
                at = 0;
                if (batch == END) done = true;
            }
            return batch[at++];
        }

        @Override
        public void close() throws IOException {
            thread.interrupt();
            source.close();
        }
    }

    /** A stretch of a text file that starts at the start of a line. */
    public record Chunk(long from, long to, int firstLine, char delimiter) {}

    /**
     * Splits a delimited text file into {@code n} stretches at line starts, numbering each one's
     * first line, for reading on several cores. Null when the file cannot be split safely: XLSX, or
     * a quote anywhere (a quoted cell may hold a line break). Counting runs in parallel.
     */
    public static List<Chunk> chunks(SourceFile file, int n) throws IOException {
        RowSource probe = open(file);
        if (!(probe instanceof TextRows text)) {
            probe.close();
            return null;
        }
        char delimiter = (char) text.delimiter;
        probe.close();
        long size = file.size();
        long[] starts = new long[n + 1];
        starts[n] = size;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file.path())) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1 << 16);
            for (int i = 1; i < n; i++) {
                long at = size * i / n;
                starts[i] = -1;
                while (at < size && starts[i] < 0) {
                    one.clear();
                    int read = ch.read(one, at);
                    if (read <= 0) break;
                    for (int k = 0; k < read; k++) {
                        if (one.get(k) == '\n') {
                            starts[i] = at + k + 1;
                            break;
                        }
                    }
                    at += read;
                }
                if (starts[i] < 0) starts[i] = size;
                starts[i] = Math.max(starts[i], starts[i - 1]);
            }
        }
        long[] newlines = new long[n];
        boolean[] quotes = new boolean[n];
        List<java.util.concurrent.Future<?>> counts = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                int c = i;
                counts.add(pool.submit(() -> {
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file.path())) {
                        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 20);
                        long at = starts[c];
                        while (at < starts[c + 1]) {
                            b.clear();
                            b.limit((int) Math.min(b.capacity(), starts[c + 1] - at));
                            int read = ch.read(b, at);
                            if (read <= 0) break;
                            byte[] a = b.array();
                            long lines = 0;
                            for (int k = 0; k < read; k++) {
                                byte x = a[k];
                                if (x == '\n') lines++;
                                else if (x == '"') quotes[c] = true;
                            }
                            newlines[c] += lines;
                            at += read;
                        }
                    }
                    return null;
                }));
            }
            for (var f : counts) f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        for (boolean q : quotes) if (q) return null;
        List<Chunk> out = new ArrayList<>();
        long line = 1;
        for (int i = 0; i < n; i++) {
            if (starts[i + 1] > starts[i]) out.add(new Chunk(starts[i], starts[i + 1], (int) line, delimiter));
            line += newlines[i];
        }
        return out;
    }

    public static RowSource open(SourceFile file, Chunk chunk) throws IOException {
        return new TextRows(file, chunk.delimiter(), chunk.from(), chunk.to(), chunk.firstLine());
    }

    public static RowSource open(SourceFile file) throws IOException {
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

    private static EtlException notUtf8(SourceFile file, byte[] bytes, int from, int to, int line) {
        int bad = -1;
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                bad = bytes[i] & 0xFF;
                break;
            }
        }
        return new EtlException(
                Problem.at(file.name(), line, "etl.error.not_utf8", bad < 0 ? "?" : String.format("0x%02X", bad)));
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

    /**
     * Delimited text, UTF-8, with RFC 4180 quotes (a quoted cell may hold the delimiter or a line
     * break). Lines are split on bytes and each cell decoded once: ASCII cells are copied as they
     * are, others decoded strictly, so a Windows-1252 byte is reported at its line.
     */
    private static final class TextRows implements RowSource {
        private final SourceFile file;
        private final byte delimiter;
        private final InputStream in;
        private final java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] buf = new byte[1 << 20];
        private int pos;
        private int limit;
        private boolean eof;
        private int line;
        private int[] cuts = new int[64];
        private final List<String> cells = new ArrayList<>(32);
        private final StringBuilder cell = new StringBuilder(64);

        private long remaining = Long.MAX_VALUE;

        TextRows(SourceFile file, char delimiter) throws IOException {
            this.file = file;
            this.delimiter = (byte) delimiter;
            this.in = Files.newInputStream(file.path());
        }

        /** Only the bytes [from, to) of the file, whose first line is line {@code firstLine}. */
        TextRows(SourceFile file, char delimiter, long from, long to, int firstLine) throws IOException {
            this(file, delimiter);
            in.skipNBytes(from);
            this.remaining = to - from;
            this.line = firstLine - 1;
        }

        /** Finds the next line in the buffer, reading more as needed; returns its end, or -1 at the end of the file. */
        private int nextLineEnd() throws IOException {
            int scan = pos;
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') return i;
                }
                if (eof) return pos < limit ? limit : -1;
                scan = limit - pos;
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                }
                if (limit == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                int n = remaining <= 0 ? -1 : in.read(buf, limit, (int) Math.min(buf.length - limit, remaining));
                if (n < 0) eof = true;
                else {
                    limit += n;
                    remaining -= n;
                }
            }
        }

        /** The next physical line as a string (for quoted cells), or null at the end. */
        private String nextLineText() throws IOException {
            int end = nextLineEnd();
            if (end < 0) return null;
            line++;
            int from = pos;
            int to = end > from && buf[end - 1] == '\r' ? end - 1 : end;
            pos = Math.min(end + 1, limit);
            return decode(from, to);
        }

        /**
         * Per column, recently seen cell texts in a small table indexed by a hash of their bytes: a
         * large file repeats pemda, OPD, year, kode, triwulan and units row after row.
         */
        private static final int SEEN = 64;

        private String[][] seen = new String[16][];
        /** Per column, probes and hits; a column that rarely repeats (amounts) stops being looked up. */
        private int[] probes = new int[16];

        private int[] hits = new int[16];

        /**
         * The text of an ASCII cell of column {@code col}; the same String as an earlier row's when the
         * bytes are the same, so repeats cost no allocation and compare by identity downstream.
         */
        private String ascii(int col, int from, int to) {
            int len = to - from;
            if (len == 0) return "";
            if (col >= seen.length) {
                int n = Math.max(col + 1, seen.length * 2);
                seen = java.util.Arrays.copyOf(seen, n);
                probes = java.util.Arrays.copyOf(probes, n);
                hits = java.util.Arrays.copyOf(hits, n);
            }
            int p = probes[col];
            if (p < 0) return new String(buf, from, len, StandardCharsets.ISO_8859_1);
            String[] table = seen[col];
            if (table == null) table = seen[col] = new String[SEEN];
            int h = 0;
            for (int i = from; i < to; i++) h = 31 * h + buf[i];
            int slot = (h ^ (h >>> 7) ^ (h >>> 14)) & (SEEN - 1);
            String t = table[slot];
            if (t != null && t.length() == len && sameAscii(t, from)) {
                hits[col]++;
                probes[col] = p + 1;
                return t;
            }
            // after 4096 rows, a column that repeats in fewer than a quarter of them is not worth it
            probes[col] = p >= 4096 && hits[col] < p / 4 ? -1 : p + 1;
            String text = new String(buf, from, len, StandardCharsets.ISO_8859_1);
            table[slot] = text;
            return text;
        }

        private boolean sameAscii(String t, int from) {
            for (int i = t.length() - 1; i >= 0; i--) {
                if (t.charAt(i) != buf[from + i]) return false;
            }
            return true;
        }

        private String decode(int from, int to) {
            boolean ascii = true;
            for (int i = from; i < to; i++) {
                if (buf[i] < 0) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
            try {
                return utf8.decode(java.nio.ByteBuffer.wrap(buf, from, to - from))
                        .toString();
            } catch (CharacterCodingException e) {
                throw notUtf8(file, buf, from, to, line);
            }
        }

        @Override
        public Row next() throws IOException {
            int end = nextLineEnd();
            if (end < 0) {
                return null;
            }
            line++;
            int start = line;
            int from = pos;
            int to = end > from && buf[end - 1] == '\r' ? end - 1 : end;
            pos = Math.min(end + 1, limit);
            if (start == 1
                    && to - from >= 3
                    && buf[from] == (byte) 0xEF
                    && buf[from + 1] == (byte) 0xBB
                    && buf[from + 2] == (byte) 0xBF) {
                from += 3;
            }
            int n = 0;
            boolean quoted = false;
            int high = 0;
            for (int i = from; i < to; i++) {
                byte b = buf[i];
                high |= b;
                if (b == delimiter) {
                    if (n == cuts.length) cuts = java.util.Arrays.copyOf(cuts, n * 2);
                    cuts[n++] = i;
                } else if (b == '"') {
                    quoted = true;
                    break;
                }
            }
            if (!quoted) {
                // the common case, millions of times in a large file: no quotes, split on bytes; a line
                // of plain ASCII (no byte with the high bit set) needs no decoding check per cell
                boolean ascii = high >= 0;
                String[] out = new String[n + 1];
                int cellStart = from;
                for (int k = 0; k < n; k++) {
                    out[k] = ascii ? ascii(k, cellStart, cuts[k]) : decode(cellStart, cuts[k]);
                    cellStart = cuts[k] + 1;
                }
                out[n] = ascii ? ascii(n, cellStart, to) : decode(cellStart, to);
                return new Row(start, out);
            }
            return new Row(start, quoted(decode(from, to), start));
        }

        private String[] quoted(String text, int start) throws IOException {
            char delimiter = (char) this.delimiter;
            cells.clear();
            cell.setLength(0);
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
                String more = nextLineText();
                if (more == null) {
                    throw new EtlException(Problem.at(file.name(), start, "etl.error.unclosed_quote"));
                }
                cell.append('\n');
                text = more;
            }
            cells.add(cell.toString());
            return cells.toArray(String[]::new);
        }

        @Override
        public void close() throws IOException {
            in.close();
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
