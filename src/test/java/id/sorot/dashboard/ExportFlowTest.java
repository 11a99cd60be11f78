package id.sorot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Browser;
import id.sorot.BrowserTest;
import id.sorot.access.Role;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Exports as a person takes them from the AKIP ranking in headless Chromium: the files the browser
 * saves are opened and checked against the LKIP 2024 (BAPPELITBANGDA 85,02 first, DISDIK 60,05 last).
 */
class ExportFlowTest extends BrowserTest {

    private void openRanking() {
        browser.open(baseUrl() + "/akip?tahun=2024", "akip-grid-panel-csv");
    }

    private static void click(String id) {
        browser.js("document.getElementById(arguments[0]).click();", id);
    }

    @Test
    void chart_downloads_as_png_at_twice_the_pixels_and_as_svg_with_its_context() throws Exception {
        openRanking();
        click("akip-chart-panel-png");
        Path png = browser.download("sorot-akip-chart-2024.png");
        BufferedImage image = ImageIO.read(png.toFile());
        double cssWidth = ((Number)
                        browser.js("return Math.max(document.getElementById('akip-chart').clientWidth, 960);"))
                .doubleValue();
        assertThat(image.getWidth()).isEqualTo((int) Math.round(cssWidth * 2));
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1920);
        // the title band on top has ink, the chart below it too
        assertThat(ink(image, 0, 0, image.getWidth() / 2, 60)).isGreaterThan(0.01);
        assertThat(ink(image, 0, 120, image.getWidth(), image.getHeight() - 200))
                .isGreaterThan(0.05);
        copy(png, "export-akip-chart-2024.png");

        click("akip-chart-panel-svg");
        String svg = Files.readString(browser.download("sorot-akip-chart-2024.svg"));
        assertThat(svg)
                .startsWith("<?xml")
                .contains("Nilai AKIP per perangkat daerah, 2024")
                .contains("Kota Bekasi, 2024")
                .contains("Sumber: hasil evaluasi AKIP")
                .contains("Diekspor ")
                .contains("BAPPELITBANGDA");
        assertThat(svg.split("<svg", -1)).hasSize(3);
    }

    @Test
    void grid_downloads_as_id_csv_and_as_xlsx_with_numbers() throws Exception {
        openRanking();
        click("akip-grid-panel-csv");
        byte[] csvBytes = Files.readAllBytes(browser.download("sorot-akip-grid-2024.csv"));
        assertThat(Arrays.copyOf(csvBytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(
                new String(csvBytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines).hasSize(45);
        assertThat(lines.get(0)).isEqualTo("Peringkat;Perangkat Daerah;Jenis;Nilai;Predikat;Perubahan");
        assertThat(lines.get(1)).isEqualTo("1;BAPPELITBANGDA;Badan;85,02;A;2,86");
        assertThat(lines.get(44)).isEqualTo("44;DISDIK;Dinas;60,05;B;-0,01");
        assertThat(lines.stream().filter(l -> l.split(";")[4].equals("A")).count())
                .isEqualTo(13);

        click("akip-grid-panel-xlsx");
        Path xlsx = browser.download("sorot-akip-grid-2024.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Peringkat AKIP 2024");
            Row bappelitbangda = null;
            Row disdik = null;
            for (Row r : sheet) {
                if (r.getCell(1) == null || r.getCell(1).getCellType() != CellType.STRING) continue;
                if (r.getCell(1).getStringCellValue().equals("BAPPELITBANGDA")) bappelitbangda = r;
                if (r.getCell(1).getStringCellValue().equals("DISDIK")) disdik = r;
            }
            assertThat(bappelitbangda).isNotNull();
            assertThat(bappelitbangda.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(bappelitbangda.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(bappelitbangda.getCell(3).getNumericCellValue()).isEqualTo(85.02);
            assertThat(bappelitbangda.getCell(5).getNumericCellValue())
                    .isCloseTo(2.86, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(disdik.getCell(3).getNumericCellValue()).isEqualTo(60.05);
        }
    }

    @Test
    void meeting_pack_of_the_ranking_as_pdf_and_pptx() throws Exception {
        openRanking();
        click("pack-open");
        browser.waitUntil("document.getElementById('pack-pdf')");
        @SuppressWarnings("unchecked")
        List<String> offered = (List<String>)
                browser.js(
                        "return [...document.querySelectorAll('#pack-pick vaadin-checkbox')].filter(c => c.checked).map(c => c.label);");
        assertThat(offered).hasSize(3);
        assertThat(offered.getFirst()).startsWith("Nilai AKIP per perangkat daerah, 2024");

        click("pack-pdf");
        Path pdf = browser.download("sorot-akip-ranking-2024.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // title, two charts, the 44-row grid over two pages
            assertThat(doc.getNumberOfPages()).isEqualTo(5);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Peringkat AKIP Perangkat Daerah")
                    .contains("Kota Bekasi · Tahun 2024")
                    .contains("Nilai AKIP per perangkat daerah, 2024")
                    .contains("Sebaran predikat AKIP per tahun")
                    .contains("Peringkat AKIP 2024 (lanjutan)")
                    .contains("BAPPELITBANGDA")
                    .contains("85,02")
                    .contains("Halaman 4 dari 4");
        }
        Path dir = Files.createTempDirectory("sorot-pack-pages-");
        Process p = new ProcessBuilder(
                        "pdftoppm",
                        "-r",
                        "60",
                        "-png",
                        pdf.toString(),
                        dir.resolve("page").toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        List<Path> pages;
        try (var files = Files.list(dir)) {
            pages = files.sorted().toList();
        }
        assertThat(pages).hasSize(5);
        for (int i = 0; i < pages.size(); i++) {
            BufferedImage page = ImageIO.read(pages.get(i).toFile());
            assertThat(ink(page, 0, 0, page.getWidth(), page.getHeight()))
                    .as("page " + (i + 1))
                    .isGreaterThan(0.005);
            copy(pages.get(i), "pack-akip-2024-page-" + (i + 1) + ".png");
        }
        // the chart page carries the chart the browser drew: much of its area is ink
        BufferedImage chartPage = ImageIO.read(pages.get(1).toFile());
        assertThat(ink(chartPage, 0, chartPage.getHeight() / 6, chartPage.getWidth(), chartPage.getHeight() * 2 / 3))
                .isGreaterThan(0.03);

        click("pack-pptx");
        Path pptx = browser.download("sorot-akip-ranking-2024.pptx");
        try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(pptx))) {
            assertThat(ppt.getPageSize().getWidth()).isEqualTo(960);
            // title, two charts, 44 rows at 15 a slide
            assertThat(ppt.getSlides()).hasSize(6);
            List<String> titles = new ArrayList<>();
            int pictures = 0;
            for (var slide : ppt.getSlides()) {
                for (XSLFShape s : slide.getShapes()) {
                    if (s instanceof XSLFTextShape t && !t.getText().isBlank()) {
                        titles.add(t.getText());
                        break;
                    }
                }
                pictures += (int) slide.getShapes().stream()
                        .filter(s -> s instanceof XSLFPictureShape)
                        .count();
            }
            assertThat(titles.get(1)).isEqualTo("Nilai AKIP per perangkat daerah, 2024");
            assertThat(titles.get(2)).isEqualTo("Sebaran predikat AKIP per tahun");
            assertThat(titles.get(3)).isEqualTo("Peringkat AKIP 2024");
            assertThat(titles.get(4)).isEqualTo("Peringkat AKIP 2024 (lanjutan)");
            assertThat(pictures).isEqualTo(2);
            assertThat(ppt.getFonts()).isNotEmpty();
        }
    }

    @Test
    void a_pack_of_only_what_is_picked() throws Exception {
        openRanking();
        click("pack-open");
        browser.waitUntil("document.getElementById('pack-pdf')");
        // keep only the grid
        browser.js("const boxes = [...document.querySelectorAll('#pack-pick vaadin-checkbox')];"
                + " boxes.slice(0, 2).forEach(c => c.click());");
        browser.settle();
        click("pack-pdf");
        Path pdf = browser.download("sorot-akip-ranking-2024.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain("Sebaran predikat AKIP per tahun");
        }
    }

    @Test
    void profile_pack_takes_chart_and_table_of_each_panel() throws Exception {
        browser.open(baseUrl() + "/opd/4.01.01?tahun=2024", "pack-open");
        click("pack-open");
        browser.waitUntil("document.getElementById('pack-pdf')");
        click("pack-pptx");
        Path pptx = browser.download("sorot-opd-profile-2024.pptx");
        try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(pptx))) {
            List<String> all = new ArrayList<>();
            for (var slide : ppt.getSlides()) {
                for (XSLFShape s : slide.getShapes()) {
                    if (s instanceof XSLFTextShape t && !t.getText().isBlank()) all.add(t.getText());
                    if (s instanceof org.apache.poi.xslf.usermodel.XSLFTable t) {
                        for (var row : t.getRows()) for (var cell : row.getCells()) all.add(cell.getText());
                    }
                }
            }
            assertThat(all.getFirst()).isEqualTo("Sorot");
            // Setda's components (LHE 2024): 24,21 / 24,47 / 12,07 / 21,29
            assertThat(all).contains("Komponen AKIP", "24,21", "24,47", "12,07", "21,29", "82,04");
            assertThat(all).contains("Capaian Indikator Kinerja Utama (IKU)", "IKM unit layanan");
        }
    }

    @Test
    void in_english_the_chart_says_so() throws Exception {
        try (Browser english = new Browser(1600, 1000).signInAs(user(Role.ADMIN), PASSWORD)) {
            english.open(baseUrl() + "/ikm?tahun=2024", "ikm-chart-panel-svg");
            english.setValue("language", "2");
            english.waitUntil("document.getElementById('ikm-chart-panel-svg')"
                    + " && document.getElementById('pack-open').innerText.includes('Meeting pack')");
            english.js("document.getElementById('ikm-chart-panel-svg').click();");
            String svg = Files.readString(english.download("sorot-ikm-chart-2024.svg"));
            assertThat(svg).contains("Exported ").doesNotContain("Diekspor").contains("Kota Bekasi, 2024");
        }
    }

    private static double ink(BufferedImage img, int x0, int y0, int w, int h) {
        long ink = 0;
        long all = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x0 + w); x++) {
                all++;
                if ((img.getRGB(x, y) & 0xffffff) < 0xf0f0f0) ink++;
            }
        }
        return all == 0 ? 0 : (double) ink / all;
    }

    private static void copy(Path file, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
