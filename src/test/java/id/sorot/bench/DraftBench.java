package id.sorot.bench;

import id.sorot.base.Settings;
import id.sorot.base.SorotProperties;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.draft.DraftSpec;
import id.sorot.etl.draft.TableSketch;
import id.sorot.etl.read.RowSource;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.read.TableReader;
import id.sorot.etl.target.Targets;
import id.sorot.opd.Opd;
import id.sorot.opd.OpdService;
import id.sorot.opd.Pemda;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * {@code sorot bench draft [--rows=5000] [--runs=7]}: the draft spec of an unknown file of
 * {@code --rows} rows (a release of realisasi per OPD, Kota Bekasi's names, a title and a Jumlah
 * row), timed from the file to the YAML, beside reading the same file's rows alone. The goal: under
 * 2 s for 5,000 rows. Prints the median of {@code --runs} after one warm-up.
 */
final class DraftBench {

    private DraftBench() {}

    static int run(Map<String, String> options, PrintStream out) throws Exception {
        int rows = Integer.parseInt(options.getOrDefault("rows", "5000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "7"));
        Path dir = Files.createTempDirectory("sorot-bench-draft-");
        try (Store store = Store.open(dir.resolve("draft.duckdb"))) {
            SorotProperties properties =
                    Settings.withHome(dir.resolve("draft.duckdb"), Path.of(options.getOrDefault("home", ".")));
            OpdService opds = new OpdService(store, properties);
            Pemda pemda = opds.directory().pemda("3275").orElseThrow();
            List<Opd> names = opds.directory().opdsOf(pemda.id());
            Path file = dir.resolve("realisasi_rilis_" + rows + ".tsv");
            write(file, rows, names);
            SourceFile source = SourceFile.of(file);
            double[] read = new double[runs];
            double[] draft = new double[runs];
            String yaml = null;
            for (int i = -1; i < runs; i++) {
                long t0 = System.nanoTime();
                int n = 0;
                try (RowSource r = TableReader.open(source)) {
                    while (r.next() != null) n++;
                }
                long t1 = System.nanoTime();
                TableSketch sketch = TableSketch.of(source, opds.directory(), pemda);
                DraftSpec d = DraftSpec.propose(sketch, Targets.all(), x -> false);
                yaml = d.yaml(Targets.all().get(d.target()));
                long t2 = System.nanoTime();
                if (n != rows + 6) throw new IllegalStateException("read " + n + " rows");
                if (i >= 0) {
                    read[i] = (t1 - t0) / 1e6;
                    draft[i] = (t2 - t1) / 1e6;
                }
            }
            double r = median(read);
            double d = median(draft);
            out.printf(
                    Locale.ROOT,
                    "draft spec of %,d rows: %.0f ms (median of %d); reading its rows alone: %.0f ms;"
                            + " ratio draft/read %.1f; goal < 2000 ms: %s%n",
                    rows,
                    d,
                    runs,
                    r,
                    d / r,
                    d < 2000 ? "met" : "NOT met");
            out.println(yaml.lines()
                    .filter(l -> l.contains("target:") || l.contains("columns:"))
                    .toList());
            return d < 2000 ? 0 : 1;
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static void write(Path file, int rows, List<Opd> opds) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Realisasi Anggaran Perangkat Daerah Kota Bekasi s/d 30 November 2024\n");
            w.write("(tabel uji Sorot; angka rekaan)\n\n");
            w.write("No.\tSKPD\tPagu (Rp)\tRealisasi (Rp)\tSerapan (%)\n");
            long pagu = 0;
            long real = 0;
            for (int i = 0; i < rows; i++) {
                Opd o = opds.get(i % opds.size());
                long p = 1_000_000_000L + 7_919L * i;
                long q = p * (50 + i % 45) / 100;
                pagu += p;
                real += q;
                w.write((i + 1) + "\t" + o.nama() + "\t" + dots(p) + "\t" + dots(q) + "\t"
                        + String.format(Locale.ROOT, "%.2f", 100.0 * q / p).replace('.', ',') + "\n");
            }
            w.write("\tJumlah\t" + dots(pagu) + "\t" + dots(real) + "\t\n");
            w.write("Sumber: rekaan\n");
        }
    }

    private static String dots(long v) {
        return String.format(Locale.ROOT, "%,d", v).replace(',', '.');
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
