package id.sorot.etl.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Tells what a file is from its first 64 KiB: an XLSX workbook, delimited UTF-8 text (with the head
 * decoded, for guessing the delimiter), or something Sorot refuses (empty, an old .xls, binary
 * data, text that is not UTF-8), refused with the line and byte that gave it away.
 */
final class Sniffer {

    static final int HEAD_BYTES = 1 << 16;

    /** What the head of a file says it is. */
    sealed interface Kind {}

    record Xlsx() implements Kind {}

    /** UTF-8 text; {@code head} is its first whole lines. */
    record Text(String head) implements Kind {}

    private Sniffer() {}

    static Kind sniff(SourceFile file) throws IOException {
        if (file.size() == 0) {
            throw new EtlException(Problem.of(file.name(), "etl.error.empty"));
        }
        byte[] head = new byte[(int) Math.min(file.size(), HEAD_BYTES)];
        try (InputStream in = Files.newInputStream(file.path())) {
            int off = 0;
            while (off < head.length) {
                int n = in.read(head, off, head.length - off);
                if (n < 0) break;
                off += n;
            }
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return new Xlsx();
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
            throw new EtlException(Problem.of(file.name(), "etl.error.old_excel"));
        }
        for (byte b : head) {
            if (b == 0) {
                throw new EtlException(Problem.of(file.name(), "etl.error.binary"));
            }
        }
        return new Text(decodeHead(file, head));
    }

    private static String decodeHead(SourceFile file, byte[] head) {
        // the head may end inside a multi-byte character; only whole lines are sniffed
        int end = head.length;
        if (head.length == HEAD_BYTES) {
            while (end > 0 && head[end - 1] != '\n') end--;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(file, head, end);
        }
    }

    /** Bytes [from, to) of line {@code line} are not UTF-8: the problem names the first byte over 0x7F. */
    static EtlException notUtf8(SourceFile file, byte[] bytes, int from, int to, int line) {
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
}
