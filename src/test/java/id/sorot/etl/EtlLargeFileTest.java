package id.sorot.etl;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.SorotTest;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A SIPD export large enough to be read in stretches on several cores gives the same answer as one
 * pass would: every row, and a bad cell reported at its own line, wherever the file was split.
 */
class EtlLargeFileTest extends SorotTest {

    @Autowired
    EtlService etl;

    @Autowired
    Store store;

    private static final String[] OPD = {"1.01.01", "1.02.01", "2.09.01", "4.01.01", "4.11.07"};

    @Test
    void a_file_split_across_cores_reads_every_row_and_numbers_problems_by_line() throws Exception {
        Path file = STORE_DIR.resolve("sipd-besar.csv");
        int rows = 0;
        int badLine = -1;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("KODE PEMDA;KODE OPD;TAHUN;TRIWULAN;KODE SUB KEGIATAN;NAMA SUB KEGIATAN;PAGU;"
                    + "TARGET KEUANGAN (%);REALISASI KEUANGAN (%);TARGET FISIK;REALISASI FISIK\n");
            int line = 1;
            for (String opd : OPD) {
                for (int s = 1; s <= 9000; s++) {
                    for (int q = 1; q <= 4; q++) {
                        line++;
                        rows++;
                        String realisasi = String.format(Locale.ROOT, "%d,%02d", 10 + s % 30, q * 7);
                        if (opd.equals("4.11.07") && s == 8000 && q == 3) {
                            realisasi = "dua puluh";
                            badLine = line;
                        }
                        w.write("3275;" + opd + ";2023;" + q + ";9.99.01.2.01." + s + ";Sub Kegiatan Uji " + s
                                + ";1.250.000.000;25,00;" + realisasi + ";3 Dokumen;2 Dokumen\n");
                    }
                }
            }
        }
        assertThat(Files.size(file)).isGreaterThan(16L * 1024 * 1024);

        LoadResult r = etl.preview("realisasi_sub_kegiatan_sipd", SourceFile.of(file), LoadRequest.by("test"));
        assertThat(r.millis().get("stretches")).as("read on several cores").isGreaterThan(1L);
        assertThat(r.rowsRead()).isEqualTo(rows);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(r.problems()).hasSize(1);
        assertThat(etl.render(r.problems().getFirst(), Locale.ENGLISH))
                .contains("sipd-besar.csv, row " + badLine
                        + ", column 9 (realisasi_keuangan_pct; spec column 8), value 'dua puluh'");

        // loaded for real, the same file changes nothing, though whole batches of both stretches went to
        // DuckDB while the rest of the file was still being read
        long facts = count("fact_realisasi_triwulan");
        long items = count("kegiatan");
        LoadResult rejected =
                etl.load("realisasi_sub_kegiatan_sipd", SourceFile.of(file), LoadRequest.by("test"), null);
        assertThat(rejected.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(rejected.rowsLoaded()).isZero();
        assertThat(count("fact_realisasi_triwulan")).isEqualTo(facts);
        assertThat(count("kegiatan")).isEqualTo(items);

        String fixed = Files.readString(file).replace(";dua puluh;", ";20,21;");
        Files.writeString(file, fixed);
        LoadResult ok = etl.preview("realisasi_sub_kegiatan_sipd", SourceFile.of(file), LoadRequest.by("test"));
        assertThat(ok.status()).as(ok.problems().toString()).isEqualTo(LoadResult.Status.VALID);
        assertThat(ok.rowsRead()).isEqualTo(rows);
        assertThat(ok.head().getFirst()).containsSubsequence("1250000000.00", "2");

        // the first data row again at the very end: its two copies are read by different cores
        String firstRow = fixed.lines().skip(1).findFirst().orElseThrow();
        Files.writeString(file, fixed + firstRow + "\n");
        LoadResult twice = etl.preview("realisasi_sub_kegiatan_sipd", SourceFile.of(file), LoadRequest.by("test"));
        assertThat(twice.millis().get("stretches")).isGreaterThan(1L);
        assertThat(twice.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(twice.problems()).hasSize(1);
        assertThat(etl.render(twice.problems().getFirst(), Locale.ENGLISH))
                .contains("rows 2, " + (rows + 2) + " record the same thing");
        Files.delete(file);
    }

    private long count(String table) throws Exception {
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
