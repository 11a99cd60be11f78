package id.sorot.etl.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Delimited text, UTF-8, with RFC 4180 quotes (a quoted cell may hold the delimiter or a line
 * break). Lines are split on bytes and each cell decoded once: ASCII cells are copied as they
 * are, others decoded strictly, so a Windows-1252 byte is reported at its line.
 */
final class TextRows implements RowSource {
    private final SourceFile file;
    private final byte delimiter;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
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
            if (limit == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
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
            seen = Arrays.copyOf(seen, n);
            probes = Arrays.copyOf(probes, n);
            hits = Arrays.copyOf(hits, n);
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
            return utf8.decode(ByteBuffer.wrap(buf, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw Sniffer.notUtf8(file, buf, from, to, line);
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
                if (n == cuts.length) cuts = Arrays.copyOf(cuts, n * 2);
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
