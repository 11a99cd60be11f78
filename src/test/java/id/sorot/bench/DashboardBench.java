package id.sorot.bench;

import id.sorot.akip.AkipService;
import id.sorot.base.Parallel;
import id.sorot.base.ui.Formats;
import id.sorot.export.Pack;
import id.sorot.export.PdfPack;
import id.sorot.export.PptxPack;
import id.sorot.export.Table;
import id.sorot.export.TableFiles;
import id.sorot.ikm.IkmService;
import id.sorot.pohon.PohonKinerjaService;
import id.sorot.pohon.ui.PohonCharts;
import id.sorot.profile.ProfileService;
import id.sorot.realisasi.RealisasiService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code sorot bench dashboards}: on a fresh store filled with the Kota Bekasi samples, asks each
 * dashboard's questions the way its view does (side by side where the view is) and prints the first
 * (cold) time and p50 / p95 of the next runs. The views add a few ms of components on top.
 */
final class DashboardBench {

    private DashboardBench() {}

    static int run(Map<String, String> options, PrintStream out, ConfigurableApplicationContext context) {
        int runs = Integer.parseInt(options.getOrDefault("runs", "50"));
        String pemda = options.getOrDefault("pemda", "3275");
        AkipService akip = context.getBean(AkipService.class);
        IkmService ikm = context.getBean(IkmService.class);
        RealisasiService realisasi = context.getBean(RealisasiService.class);
        ProfileService profiles = context.getBean(ProfileService.class);
        PohonKinerjaService pohon = context.getBean(PohonKinerjaService.class);
        int year = akip.years(pemda).getFirst();

        Map<String, Runnable> pages = new LinkedHashMap<>();
        pages.put("AKIP ranking (/akip)", () -> {
            akip.years(pemda);
            var trend = Parallel.async(() -> akip.trend(pemda));
            var dist = Parallel.async(() -> akip.distribution(pemda, List.of()));
            akip.ranking(pemda, year);
            trend.join();
            dist.join();
        });
        pages.put("AKIP ranking, kecamatan only", () -> {
            akip.years(pemda);
            var trend = Parallel.async(() -> akip.trend(pemda));
            var dist = Parallel.async(() -> akip.distribution(pemda, List.of("kecamatan")));
            akip.ranking(pemda, year);
            akip.ranking(pemda, year, new AkipService.Filter(List.of("kecamatan"), List.of()));
            trend.join();
            dist.join();
        });
        pages.put("weak predikat (/akip/lemah)", () -> {
            akip.years(pemda);
            akip.weak(pemda, year);
        });
        pages.put("OPD profile, SETDA (/opd/4.01.01)", () -> profiles.profile(pemda, "4.01.01", year));
        pages.put("OPD profile, DISPERKIMTAN", () -> profiles.profile(pemda, "1.04.02", year));
        pages.put("IKM (/ikm)", () -> {
            ikm.years(pemda);
            ikm.compare(pemda, year, null);
        });
        pages.put("deviasi (/deviasi)", () -> {
            realisasi.years(pemda);
            var plan = Parallel.async(() -> realisasi.opdsWithTriwulan(pemda, year));
            realisasi.deviasi(pemda, year, RealisasiService.YEAR);
            for (List<String> opd : plan.join().stream().limit(1).toList()) {
                var curve = Parallel.async(() -> realisasi.curve(pemda, year, opd.getFirst(), null));
                realisasi.items(pemda, year, opd.getFirst());
                curve.join();
            }
        });

        // the Dinas Sosial tree, 87 nodes in 6 levels, all open: what the page asks and draws, as JSON
        tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();
        pages.put("pohon kinerja, DINSOS 2025 (87 nodes)", () -> {
            pohon.opds(pemda);
            PohonKinerjaService.Tree tree = pohon.tree(pemda, "1.06.01", 2025);
            PohonKinerjaService.health(tree);
            json.writeValueAsString(PohonCharts.option(tree, 6, null, (key, args) -> key));
        });

        // the meeting pack of the ranking: two charts as the browser sends them, the 44-row grid
        Pack pack = rankingPack(akip.ranking(pemda, year));
        pages.put("meeting pack PDF, ranking (5 pages)", () -> PdfPack.write(pack));
        pages.put("meeting pack PPTX, ranking (6 slides)", () -> PptxPack.write(pack));
        Table grid = ((Pack.Grid) pack.pages().get(2)).table();
        pages.put("grid as CSV + XLSX, ranking", () -> {
            TableFiles.csv(grid);
            TableFiles.xlsx(grid);
        });

        out.printf(Locale.ROOT, "%-40s %8s %8s %8s%n", "dashboard (Kota Bekasi " + year + ")", "cold", "p50", "p95");
        for (Map.Entry<String, Runnable> page : pages.entrySet()) {
            long t0 = System.nanoTime();
            page.getValue().run();
            double cold = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < 3; i++) page.getValue().run();
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                page.getValue().run();
                times.add((System.nanoTime() - s) / 1e6);
            }
            double[] sorted =
                    times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.printf(
                    Locale.ROOT, "%-40s %8.1f %8.1f %8.1f ms%n", page.getKey(), cold, pct(sorted, 50), pct(sorted, 95));
        }
        return 0;
    }

    private static Pack rankingPack(AkipService.Ranking ranking) {
        List<Table.Column> columns = List.of(
                new Table.Column("Peringkat", Table.Format.INTEGER),
                new Table.Column("Perangkat Daerah", Table.Format.TEXT),
                new Table.Column("Nilai", Table.Format.DECIMAL),
                new Table.Column("Predikat", Table.Format.TEXT),
                new Table.Column("Perubahan", Table.Format.DECIMAL));
        List<List<Object>> values = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        for (AkipService.Row r : ranking.rows()) {
            values.add(java.util.Arrays.asList(r.rank(), r.opd(), r.nilai(), r.predikat(), r.change()));
            shown.add(List.of(
                    String.valueOf(r.rank()),
                    r.opd(),
                    Formats.decimal(r.nilai()),
                    r.predikat(),
                    Formats.signed(r.change())));
        }
        Table table =
                new Table("Peringkat AKIP", "Kota Bekasi", "Sumber: LHE AKIP", "Diekspor", columns, values, shown);
        return new Pack(
                "Kota Bekasi",
                "Peringkat AKIP Perangkat Daerah",
                "Tahun",
                "hari ini",
                "Diekspor",
                "lanjutan",
                "Halaman %d dari %d",
                List.of(
                        new Pack.Chart("Nilai AKIP", "Kota Bekasi", "Sumber", png(1920, 1792, 44)),
                        new Pack.Chart("Sebaran predikat", "Kota Bekasi", "Sumber", png(1920, 640, 4)),
                        new Pack.Grid(table)));
    }

    /** A chart-like PNG of the size the browser sends (a 960 px chart at twice the pixels). */
    private static byte[] png(int w, int h, int bars) {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < bars; i++) {
            g.setColor(new java.awt.Color(0x00, 0x9e - i, 0x73));
            g.fillRect(300, 20 + i * (h - 40) / bars, w - 400 - i * 20, (h - 40) / bars - 8);
            g.setColor(java.awt.Color.DARK_GRAY);
            g.drawString("OPD " + i, 40, 40 + i * (h - 40) / bars);
        }
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
