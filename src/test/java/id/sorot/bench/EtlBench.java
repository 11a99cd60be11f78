package id.sorot.bench;

import id.sorot.etl.EtlService;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * {@code sorot bench etl}: generates a national-scale realisasi file in the Indonesian format of
 * the SIPD export (550 pemda x 45 OPD x 2 years x 4 triwulan x 26 sub kegiatan = 5.1M rows by
 * default), then loads it through Sorot and, side by side, through DuckDB's own {@code read_csv}
 * (with {@code decimal_separator=','} and {@code thousands='.'}), and prints rows/s and the ratio.
 */
final class EtlBench {

    private static final String[] OPD_KODE = {
        "1.01.01", "1.02.01", "1.02.02", "1.03.01", "1.03.02", "1.04.02", "1.05.01", "1.05.02", "1.06.01", "1.06.04",
        "2.01.01", "2.02.01", "2.03.02", "2.05.01", "2.06.01", "2.08.01", "2.09.01", "2.10.04", "2.11.01", "2.12.01",
        "2.13.01", "2.18.02", "3.02.03", "3.06.02", "4.01.01", "4.02.01", "4.03.02", "4.04.02", "4.04.03", "4.05.01",
        "4.08.01", "4.11.01", "4.11.02", "4.11.03", "4.11.04", "4.11.05", "4.11.06", "4.11.07", "4.11.08", "4.11.09",
        "4.11.10", "4.11.11", "4.11.12", "4.12.01", "2.07.01"
    };

    private EtlBench() {}

    /** Options: --pemda=550 --opd=45 --years=2 --sub=26 --loads=2 (replacing loads after the first) --dir=target/bench-etl. */
    public static int run(Map<String, String> options, Path home, PrintStream out, Function<Path[], EtlService> sorot)
            throws Exception {
        int pemda = Integer.parseInt(options.getOrDefault("pemda", "550"));
        int opds = Math.min(OPD_KODE.length, Integer.parseInt(options.getOrDefault("opd", "45")));
        int years = Integer.parseInt(options.getOrDefault("years", "2"));
        int subs = Integer.parseInt(options.getOrDefault("sub", "26"));
        Path dir = Path.of(options.getOrDefault("dir", "target/bench-etl")).toAbsolutePath();
        Files.createDirectories(dir);
        Path benchHome = dir.resolve("home");
        writeReference(home, benchHome, pemda, opds);
        Path file = dir.resolve("realisasi_sub_kegiatan_nasional.csv");
        long t0 = System.nanoTime();
        long rows = writeData(file, pemda, opds, years, subs);
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf(
                Locale.ROOT,
                "generated %,d rows, %,.0f MiB in %.1f s: %s%n",
                rows,
                Files.size(file) / 1048576.0,
                genSeconds,
                file);

        double baseline1 = readCsv(dir, file, rows);
        out.printf(Locale.ROOT, "duckdb read_csv     : %6.2f s  %,12.0f rows/s%n", baseline1, rows / baseline1);

        Path store = dir.resolve("store.duckdb");
        Files.deleteIfExists(store);
        Files.deleteIfExists(dir.resolve("store.duckdb.wal"));
        EtlService etl = sorot.apply(new Path[] {benchHome, store});
        // a server runs for days: warm the JIT on a tenth of the data first, as the figures below are steady-state
        Path warm = dir.resolve("warmup.csv");
        writeData(warm, Math.max(1, pemda / 10), opds, years, subs);
        long w0 = System.nanoTime();
        etl.preview("realisasi_sub_kegiatan_sipd", SourceFile.of(warm), LoadRequest.by("bench"));
        out.printf(
                Locale.ROOT,
                "warm-up preview of %,d rows: %.2f s%n",
                Math.max(1, pemda / 10) * (long) opds * years * subs * 4,
                (System.nanoTime() - w0) / 1e9);
        Files.delete(warm);
        SourceFile source = SourceFile.of(file);
        long s0 = System.nanoTime();
        LoadResult first = etl.load("realisasi_sub_kegiatan_sipd", source, LoadRequest.by("bench"), null);
        double sorot1 = (System.nanoTime() - s0) / 1e9;
        if (!first.ok()) {
            out.println("load rejected: "
                    + first.problems().stream()
                            .limit(5)
                            .map(p -> etl.render(p, Locale.ENGLISH))
                            .toList());
            return 1;
        }
        out.printf(
                Locale.ROOT,
                "sorot load (new)    : %6.2f s  %,12.0f rows/s  %,d facts  phases ms %s%n",
                sorot1,
                rows / sorot1,
                first.rowsLoaded(),
                first.millis());
        // then replacing it, as a monthly reload does; repeated (--loads) to show the spread
        int loads = Math.max(1, Integer.parseInt(options.getOrDefault("loads", "2")));
        double best = sorot1;
        for (int i = 1; i <= loads; i++) {
            long s1 = System.nanoTime();
            LoadResult again = etl.load("realisasi_sub_kegiatan_sipd", source, LoadRequest.by("bench"), null);
            double seconds = (System.nanoTime() - s1) / 1e9;
            best = Math.min(best, seconds);
            out.printf(
                    Locale.ROOT,
                    "sorot load (replace): %6.2f s  %,12.0f rows/s  replaced batch %s  phases ms %s%n",
                    seconds,
                    rows / seconds,
                    again.replacedBatches(),
                    again.millis());
        }
        double baseline2 = readCsv(dir, file, rows);
        out.printf(Locale.ROOT, "duckdb read_csv     : %6.2f s  %,12.0f rows/s%n", baseline2, rows / baseline2);
        double baseline = Math.min(baseline1, baseline2);
        out.printf(
                Locale.ROOT,
                "ratio sorot/read_csv (throughput): %.2fx  (goal >= 0.5x; >= 1M rows/s: %s)%n",
                baseline / best,
                rows / best >= 1_000_000 ? "yes" : "no");
        return 0;
    }

    /** DuckDB parsing the same file on its own, into a table in a scratch database. */
    static double readCsv(Path dir, Path file, long expected) throws Exception {
        Path db = dir.resolve("baseline.duckdb");
        Files.deleteIfExists(db);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
                Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute(
                    "CREATE TABLE raw AS SELECT * FROM read_csv('" + file + "', delim = ';', header = true,"
                            + " decimal_separator = ',', thousands = '.', nullstr = '-', columns = {'kode_pemda': 'VARCHAR',"
                            + " 'kode_opd': 'VARCHAR', 'tahun': 'SMALLINT', 'triwulan': 'VARCHAR', 'kode': 'VARCHAR',"
                            + " 'nama': 'VARCHAR', 'pagu': 'DECIMAL(18,2)', 'target_keuangan_pct': 'DECIMAL(9,2)',"
                            + " 'realisasi_keuangan_pct': 'DECIMAL(9,2)', 'target_fisik': 'VARCHAR', 'realisasi_fisik': 'VARCHAR'})");
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM raw")) {
                rs.next();
                if (rs.getLong(1) != expected)
                    throw new IllegalStateException("read_csv read " + rs.getLong(1) + " rows");
            }
            return seconds;
        } finally {
            Files.deleteIfExists(db);
        }
    }

    private static void writeReference(Path home, Path benchHome, int pemda, int opds) throws IOException {
        Path ref = benchHome.resolve("etl/reference/opd");
        Files.createDirectories(ref);
        Files.createDirectories(benchHome.resolve("etl/samples"));
        Files.createDirectories(benchHome.resolve("etl/jobs"));
        try (var jobs = Files.list(home.resolve("etl/jobs"))) {
            for (Path j : jobs.toList()) {
                Files.copy(
                        j,
                        benchHome.resolve("etl/jobs").resolve(j.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        copyTree(home.resolve("etl/samples"), benchHome.resolve("etl/samples"));
        copyTree(home.resolve("cubes"), benchHome.resolve("cubes"));
        Files.copy(
                home.resolve("etl/reference/band_sets.yml"),
                benchHome.resolve("etl/reference/band_sets.yml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StringBuilder p = new StringBuilder("pemda:\n");
        for (int i = 1; i <= pemda; i++) {
            String kode = pemdaKode(i);
            p.append("  - {kode: \"")
                    .append(kode)
                    .append("\", nama: \"Kabupaten Contoh ")
                    .append(i)
                    .append("\", jenis: kabupaten, opd: opd/")
                    .append(kode)
                    .append(".yml}\n");
            StringBuilder o = new StringBuilder("pemda: \"" + kode + "\"\nopd:\n");
            for (int k = 0; k < opds; k++) {
                o.append("  - {kode: \"")
                        .append(OPD_KODE[k])
                        .append("\", nama: \"Perangkat Daerah ")
                        .append(OPD_KODE[k])
                        .append("\", singkatan: \"PD")
                        .append(k + 1)
                        .append("\", jenis: dinas}\n");
            }
            Files.writeString(ref.resolve(kode + ".yml"), o);
        }
        Files.writeString(benchHome.resolve("etl/reference/pemda.yml"), p);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path f : walk.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static String pemdaKode(int i) {
        return String.valueOf(9000 + i);
    }

    /** Rows in the SIPD layout with Indonesian numbers: 1.234.567.890 and 23,45. */
    static long writeData(Path file, int pemda, int opds, int years, int subs) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        String[] tw = {"I", "II", "III", "IV"};
        long rows = 0;
        StringBuilder line = new StringBuilder(160);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("KODE PEMDA;KODE OPD;TAHUN;TRIWULAN;KODE SUB KEGIATAN;NAMA SUB KEGIATAN;PAGU;"
                    + "TARGET KEUANGAN (%);REALISASI KEUANGAN (%);TARGET FISIK;REALISASI FISIK\n");
            for (int p = 1; p <= pemda; p++) {
                String kode = pemdaKode(p);
                for (int o = 0; o < opds; o++) {
                    for (int y = 0; y < years; y++) {
                        for (int s = 1; s <= subs; s++) {
                            long pagu = 10_000_000L + random.nextLong(5_000_000_000L);
                            for (int q = 0; q < 4; q++) {
                                line.setLength(0);
                                line.append(kode)
                                        .append(';')
                                        .append(OPD_KODE[o])
                                        .append(';')
                                        .append(2023 + y)
                                        .append(';')
                                        .append(tw[q])
                                        .append(';')
                                        .append("5.01.01.2.01.")
                                        .append(String.format("%04d", s))
                                        .append(";Sub Kegiatan ")
                                        .append(s)
                                        .append(';');
                                thousands(line, pagu).append(';');
                                percent(line, random.nextInt(1000, 4000)).append(';');
                                percent(line, random.nextInt(0, 4000)).append(';');
                                line.append(random.nextInt(1, 20))
                                        .append(" Dokumen;")
                                        .append(random.nextInt(0, 20))
                                        .append(" Dokumen\n");
                                w.append(line);
                                rows++;
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static StringBuilder thousands(StringBuilder b, long v) {
        String digits = Long.toString(v);
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) b.append('.').append(digits, i, i + 3);
        return b;
    }

    private static StringBuilder percent(StringBuilder b, int hundredths) {
        return b.append(hundredths / 100)
                .append(',')
                .append(hundredths % 100 < 10 ? "0" : "")
                .append(hundredths % 100);
    }
}
