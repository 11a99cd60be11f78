package id.sorot.bench;

import id.sorot.Jvm;
import id.sorot.etl.read.Row;
import id.sorot.etl.read.RowSource;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.read.TableReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code sorot bench xlsx [--rows=1000000] [--heap=64] [--dir=target/bench-xlsx]}: writes a large
 * SIPD-like workbook, then reads it in a JVM of its own capped at {@code --heap} MiB with Sorot's
 * streaming reader, and, for comparison, with POI's whole-workbook model (as the reader before it
 * did) in a JVM allowed 8 GiB; each prints its rows, time and sampled peak heap.
 */
final class XlsxBench {

    private XlsxBench() {}

    static int run(Map<String, String> options, PrintStream out) throws Exception {
        int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        int heap = Integer.parseInt(options.getOrDefault("heap", "64"));
        Path dir = Path.of(options.getOrDefault("dir", "target/bench-xlsx")).toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve("realisasi_" + rows + ".xlsx");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            Path part = dir.resolve(file.getFileName() + ".part");
            write(part, rows);
            Files.move(part, file);
            out.printf("wrote %,d rows, %,d MiB in %.1f s: %s%n", rows, Files.size(file) >> 20, secs(t0), file);
        }
        out.println(probe(file, "stream", heap + "m"));
        if (!options.containsKey("skip-usermodel")) out.println(probe(file, "usermodel", "8g"));
        return 0;
    }

    private static void write(Path file, int rows) throws Exception {
        String[] opd = {"Dinas Pendidikan", "Dinas Kesehatan", "Sekretariat Daerah", "Kecamatan Bekasi Utara"};
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500);
                OutputStream os = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            Sheet sheet = wb.createSheet("Realisasi");
            var header = sheet.createRow(0);
            String[] names = {
                "Kode Pemda",
                "Perangkat Daerah",
                "Tahun",
                "Kode",
                "Sub Kegiatan",
                "Triwulan",
                "Pagu",
                "Realisasi",
                "Fisik (%)",
                "Keuangan (%)"
            };
            for (int c = 0; c < names.length; c++) header.createCell(c).setCellValue(names[c]);
            for (int i = 1; i <= rows; i++) {
                var r = sheet.createRow(i);
                r.createCell(0).setCellValue(3200 + i % 550);
                r.createCell(1).setCellValue(opd[i % opd.length]);
                r.createCell(2).setCellValue(2024);
                r.createCell(3).setCellValue("5.01.01.2.01." + String.format("%04d", i % 9973));
                r.createCell(4).setCellValue("Penyediaan Gaji dan Tunjangan ASN " + (i % 26));
                r.createCell(5).setCellValue(1 + i % 4);
                r.createCell(6).setCellValue(184_000_000.0 + i);
                r.createCell(7).setCellValue(158_143_200.5 + i);
                r.createCell(8).setCellValue((i % 10_000) / 100.0);
                r.createCell(9).setCellValue((i % 8_595) / 100.0);
                for (int tw = 0; tw < 4; tw++) r.createCell(10 + tw).setCellValue(25.0 * (tw + 1) - (i % 7) / 10.0);
                r.createCell(14).setCellValue("Jumlah dokumen laporan keuangan " + (i % 113));
                r.createCell(15).setCellValue(i % 3 == 0 ? "Dokumen" : "Laporan");
            }
            wb.write(os);
        }
    }

    /** Runs {@link Probe} in a JVM of its own with the given -Xmx and returns what it printed. */
    private static String probe(Path file, String mode, String xmx) throws Exception {
        List<String> command = Jvm.command(List.of("-Xmx" + xmx), Probe.class.getName(), file.toString(), mode);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = p.waitFor(30, TimeUnit.MINUTES);
        String text = new String(p.getInputStream().readAllBytes()).strip();
        if (!done) p.destroyForcibly();
        return String.format(
                "%-9s (-Xmx%s): %s%s",
                mode,
                xmx,
                done ? "" : "(timed out) ",
                text.lines()
                        .filter(l -> !l.startsWith("WARNING"))
                        .reduce((a, b) -> b)
                        .orElse(""));
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Reads a workbook one way and prints rows, seconds and the peak heap sampled every 2 ms. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            var memory = ManagementFactory.getMemoryMXBean();
            long[] peak = {0};
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long t0 = System.nanoTime();
            long rows = 0;
            long cells = 0;
            try {
                if (args[1].equals("stream")) {
                    try (RowSource source = TableReader.open(SourceFile.of(file))) {
                        Row r;
                        while ((r = source.next()) != null) {
                            rows++;
                            cells += r.cells().length;
                        }
                    }
                } else {
                    try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
                        for (var r : wb.getSheetAt(0)) {
                            rows++;
                            cells += Math.max(r.getLastCellNum(), 0);
                        }
                    }
                }
                sampler.interrupt();
                System.out.printf(
                        "%,d rows, %,d cells in %.1f s, peak heap %,d MiB%n",
                        rows,
                        cells,
                        secs(t0),
                        Math.max(peak[0], memory.getHeapMemoryUsage().getUsed()) >> 20);
            } catch (OutOfMemoryError e) {
                System.out.printf("out of memory after %,d rows (%.1f s)%n", rows, secs(t0));
            }
        }
    }
}
