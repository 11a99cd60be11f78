package id.sorot.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.export.Table.Column;
import id.sorot.export.Table.Format;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The meeting pack opened as a reader would: PDF pages rendered by poppler's {@code pdftoppm} and
 * checked not blank, its text and fonts read back; the PPTX read back slide by slide.
 */
class PackTest {

    static Pack pack;

    @BeforeAll
    static void pack() throws Exception {
        BufferedImage image = new BufferedImage(1920, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1920, 900);
        g.setColor(new Color(0x00, 0x9e, 0x73));
        for (int i = 0; i < 10; i++) g.fillRect(100 + i * 170, 800 - i * 70, 120, i * 70 + 20);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        List<List<Object>> values = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        for (int i = 1; i <= 44; i++) {
            values.add(List.of(i, "Kecamatan Bantargebang dengan nama yang sangat panjang " + i, 60 + i / 2.0));
            shown.add(List.of(
                    String.valueOf(i),
                    "Kecamatan Bantargebang dengan nama yang sangat panjang " + i,
                    (60 + i / 2) + ",50"));
        }
        Table table = new Table(
                "Peringkat AKIP perangkat daerah 2024",
                "Kota Bekasi, 2024 · jenis: kecamatan",
                "Sumber: LHE AKIP Inspektorat",
                "Diekspor 22 November 2026 10.15",
                List.of(
                        new Column("Peringkat", Format.INTEGER),
                        new Column("OPD", Format.TEXT),
                        new Column("Nilai", Format.DECIMAL)),
                values,
                shown);
        pack = new Pack(
                "Kota Bekasi",
                "Peringkat AKIP perangkat daerah",
                "Tahun 2024",
                "22 November 2026",
                "Diekspor 22 November 2026 10.15",
                "lanjutan",
                "Halaman %d dari %d",
                List.of(
                        new Pack.Chart(
                                "Nilai AKIP 2024 − urut",
                                "Kota Bekasi, 2024 ▲▼",
                                "Sumber: LHE AKIP",
                                png.toByteArray()),
                        new Pack.Grid(table)));
    }

    @Test
    void pdf_is_a4_landscape_with_a_title_page_and_a_table_split_over_pages() throws Exception {
        byte[] bytes = PdfPack.write(pack);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            // title, chart, table of 44 rows over two pages
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.1f));
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("LiberationSans");
                }
            }
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Peringkat AKIP perangkat daerah")
                    .contains("Kota Bekasi · Tahun 2024")
                    .contains("Nilai AKIP 2024 − urut")
                    .contains("Peringkat AKIP perangkat daerah 2024 (lanjutan)")
                    .contains("Sumber: LHE AKIP Inspektorat")
                    .contains("Halaman 3 dari 3")
                    .contains("Kecamatan Bantargebang")
                    .contains("82,50");
        }
        Path dir = Files.createTempDirectory("sorot-pack-");
        Path pdf = dir.resolve("pack.pdf");
        Files.write(pdf, bytes);
        List<Path> pages = render(pdf, dir);
        assertThat(pages).hasSize(4);
        for (Path page : pages) assertThat(inked(page)).as(page.toString()).isGreaterThan(0.005);
        Files.createDirectories(Path.of("target", "screenshots"));
        for (int i = 0; i < pages.size(); i++) {
            Files.copy(
                    pages.get(i),
                    Path.of("target", "screenshots", "pack-unit-" + (i + 1) + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void pptx_is_16_9_with_fonts_a_picture_and_real_tables() throws Exception {
        try (XMLSlideShow ppt = new XMLSlideShow(new ByteArrayInputStream(PptxPack.write(pack)))) {
            assertThat(ppt.getPageSize().getWidth()).isEqualTo(960);
            assertThat(ppt.getPageSize().getHeight()).isEqualTo(540);
            // title, chart, 44 rows at 15 a slide
            assertThat(ppt.getSlides()).hasSize(5);
            assertThat(texts(ppt.getSlides().get(0)))
                    .contains("Peringkat AKIP perangkat daerah", "Kota Bekasi · Tahun 2024");
            assertThat(texts(ppt.getSlides().get(1))).contains("Nilai AKIP 2024 − urut", "Kota Bekasi, 2024 ▲▼");
            assertThat(ppt.getSlides().get(1).getShapes())
                    .filteredOn(s -> s instanceof XSLFPictureShape)
                    .hasSize(1);
            assertThat(texts(ppt.getSlides().get(3))).contains("Peringkat AKIP perangkat daerah 2024 (lanjutan)");
            int rows = 0;
            for (XSLFSlide slide : ppt.getSlides().subList(2, 5)) {
                XSLFTable t = (XSLFTable) slide.getShapes().stream()
                        .filter(s -> s instanceof XSLFTable)
                        .findFirst()
                        .orElseThrow();
                assertThat(t.getCell(0, 1).getText()).isEqualTo("OPD");
                rows += t.getNumberOfRows() - 1;
            }
            assertThat(rows).isEqualTo(44);
            XSLFTable last = (XSLFTable) ppt.getSlides().get(4).getShapes().stream()
                    .filter(s -> s instanceof XSLFTable)
                    .findFirst()
                    .orElseThrow();
            assertThat(last.getCell(last.getNumberOfRows() - 1, 0).getText()).isEqualTo("44");
            assertThat(ppt.getFonts()).extracting(f -> f.getTypeface()).contains(Fonts.FAMILY);
        }
    }

    @Test
    void eot_header_is_what_powerpoint_and_poi_read() {
        byte[] eot = Fonts.eot(Fonts.bold());
        var header = new org.apache.poi.common.usermodel.fonts.FontHeader();
        header.init(eot, 0, eot.length);
        assertThat(header.getFamilyName()).isEqualTo("Liberation Sans");
        assertThat(header.isBold()).isTrue();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(eot).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(eot.length);
        assertThat(b.getInt(4)).isEqualTo(Fonts.bold().length);
        // the font data follows the header unchanged
        assertThat(java.util.Arrays.copyOfRange(eot, eot.length - Fonts.bold().length, eot.length))
                .isEqualTo(Fonts.bold());
    }

    static List<String> texts(XSLFSlide slide) {
        List<String> out = new ArrayList<>();
        for (XSLFShape s : slide.getShapes()) if (s instanceof XSLFTextShape t) out.add(t.getText());
        return out;
    }

    /** Pages as PNG through poppler, the way a reader's viewer draws them. */
    static List<Path> render(Path pdf, Path dir) throws Exception {
        Process p = new ProcessBuilder(
                        "pdftoppm",
                        "-r",
                        "50",
                        "-png",
                        pdf.toString(),
                        dir.resolve("page").toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("page")
                            && f.toString().endsWith(".png"))
                    .sorted()
                    .toList();
        }
    }

    /** The share of pixels that are not white. */
    static double inked(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) < 0xf0f0f0) ink++;
        return (double) ink / ((long) img.getWidth() * img.getHeight());
    }
}
