package id.sorot.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.fontbox.ttf.NameRecord;
import org.apache.fontbox.ttf.NamingTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The font every export embeds: Liberation Sans (SIL Open Font License), metric-compatible with
 * Arial, so a pack reads the same on a pemda laptop with no fonts installed as it does here.
 */
final class Fonts {

    static final String FAMILY = "Liberation Sans";

    private static final byte[] REGULAR = load("liberation/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = load("liberation/LiberationSans-Bold.ttf");

    // the EOT wrapping parses the font: done once, not per pack
    private static volatile byte[] regularEot;
    private static volatile byte[] boldEot;

    private Fonts() {}

    static byte[] regularEot() {
        if (regularEot == null) regularEot = eot(REGULAR);
        return regularEot;
    }

    static byte[] boldEot() {
        if (boldEot == null) boldEot = eot(BOLD);
        return boldEot;
    }

    static byte[] regular() {
        return REGULAR;
    }

    static byte[] bold() {
        return BOLD;
    }

    private static byte[] load(String resource) {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font " + resource + " is not on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The font wrapped as Embedded OpenType (W3C submission, version 0x00020001, uncompressed):
     * the form PowerPoint embeds fonts in ({@code ppt/fonts/*.fntdata}).
     */
    static byte[] eot(byte[] ttf) {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
            OS2WindowsMetricsTable os2 = font.getOS2Windows();
            NamingTable names = font.getNaming();
            byte[] family = utf16(name(names, NameRecord.NAME_FONT_FAMILY_NAME));
            byte[] style = utf16(name(names, NameRecord.NAME_FONT_SUB_FAMILY_NAME));
            byte[] version = utf16(name(names, NameRecord.NAME_VERSION));
            byte[] full = utf16(name(names, NameRecord.NAME_FULL_FONT_NAME));
            // 80 bytes of fixed fields, four names each with padding and size, then padding and root string size
            int headerSize = 80 + 4 + family.length + 4 + style.length + 4 + version.length + 4 + full.length + 4;
            ByteBuffer b = ByteBuffer.allocate(headerSize + ttf.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(headerSize + ttf.length); // EOTSize
            b.putInt(ttf.length); // FontDataSize
            b.putInt(0x00020001); // Version
            b.putInt(0); // Flags: not subset, not compressed, not XOR-ed
            byte[] panose = os2.getPanose();
            b.put(panose, 0, 10);
            b.put((byte) 1); // Charset: DEFAULT_CHARSET
            b.put((byte) ((os2.getFsSelection() & 1) != 0 ? 1 : 0)); // Italic
            b.putInt(os2.getWeightClass());
            b.putShort((short) os2.getFsType());
            b.putShort((short) 0x504C); // MagicNumber
            b.putInt((int) os2.getUnicodeRange1());
            b.putInt((int) os2.getUnicodeRange2());
            b.putInt((int) os2.getUnicodeRange3());
            b.putInt((int) os2.getUnicodeRange4());
            b.putInt((int) os2.getCodePageRange1());
            b.putInt((int) os2.getCodePageRange2());
            b.putInt((int) font.getHeader().getCheckSumAdjustment());
            b.putInt(0).putInt(0).putInt(0).putInt(0); // Reserved1-4
            for (byte[] n : new byte[][] {family, style, version, full}) {
                b.putShort((short) 0); // padding
                b.putShort((short) n.length);
                b.put(n);
            }
            b.putShort((short) 0); // Padding5
            b.putShort((short) 0); // RootStringSize: usable from any document
            b.put(ttf);
            return b.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(NamingTable names, int id) {
        String s = names.getName(
                id,
                NameRecord.PLATFORM_WINDOWS,
                NameRecord.ENCODING_WINDOWS_UNICODE_BMP,
                NameRecord.LANGUAGE_WINDOWS_EN_US);
        return s == null ? "" : s;
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }
}
