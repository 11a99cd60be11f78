package id.sorot.etl;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.SorotTest;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every file of the bad-input corpus ({@code src/test/resources/etl/bad}) is refused with an error
 * that names file, row, column and value where there is one, and changes no fact or dimension.
 */
class EtlBadInputTest extends SorotTest {

    private static final Path BAD = Path.of("src/test/resources/etl/bad");
    private static final List<String> TABLES = List.of(
            "pemda",
            "opd",
            "opd_alias",
            "unit_layanan",
            "kegiatan",
            "indikator",
            "reported_check",
            "fact_akip_opd",
            "fact_akip_komponen",
            "fact_akip_pemda",
            "fact_ikm",
            "fact_realisasi_opd",
            "fact_anggaran",
            "fact_realisasi_anggaran",
            "fact_realisasi_triwulan",
            "fact_iku");

    @Autowired
    EtlService etl;

    @Autowired
    Store store;

    private Map<String, String> before;

    /** Row count and a hash of every row of every fact and dimension table. */
    private Map<String, String> fingerprint() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) || ':' || coalesce(sum(hash(t::VARCHAR)), 0) FROM " + t + " t")) {
                    rs.next();
                    out.put(t, rs.getString(1));
                }
            }
        }
        return out;
    }

    @BeforeEach
    void snapshot() throws Exception {
        before = fingerprint();
    }

    private LoadResult load(String job, String file, String... params) throws Exception {
        LoadRequest request = LoadRequest.by("test").withPemda("3275");
        for (String p : params) {
            String[] kv = p.split("=", 2);
            request = kv[0].equals("opd") ? request.withOpd(kv[1]) : request.withPeriod(kv[1]);
        }
        LoadResult r = etl.load(job, SourceFile.of(BAD.resolve(file)), request, null);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(r.rowsLoaded()).isZero();
        assertThat(fingerprint()).as("the store is unchanged").isEqualTo(before);
        return r;
    }

    private String message(LoadResult r, int i) {
        return etl.render(r.problems().get(i), Locale.ENGLISH);
    }

    @Test
    void an_empty_file_is_refused() throws Exception {
        LoadResult r = load("akip_opd_ranking", "empty.tsv");
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.empty");
        assertThat(message(r, 0)).isEqualTo("empty.tsv: the file is empty");
    }

    @Test
    void a_table_of_another_layout_is_refused_naming_the_header_it_expected() throws Exception {
        LoadResult r = load("akip_opd_ranking", "wrong_layout.tsv");
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.no_header");
        assertThat(message(r, 0)).contains("wrong_layout.tsv", "Perangkat Daerah", "this file is not for this job");
    }

    @Test
    void binary_data_is_refused() throws Exception {
        LoadResult r = load("akip_opd_ranking", "binary.tsv");
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.binary");
    }

    @Test
    void windows_1252_text_is_refused_at_its_line() throws Exception {
        LoadResult r = load("akip_opd_ranking", "cp1252.tsv");
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.not_utf8");
        assertThat(message(r, 0)).contains("cp1252.tsv, row 7", "0x96", "Windows-1252");
    }

    @Test
    void unknown_opds_are_refused_with_the_closest_names() throws Exception {
        LoadResult r = load("akip_opd_ranking", "unknown_opd.tsv");
        assertThat(r.problems())
                .extracting(Problem::code)
                .containsOnly("etl.error.unknown_opd")
                .hasSize(2);
        assertThat(message(r, 0))
                .contains("unknown_opd.tsv, row 41, column 2 (opd; spec column 1), value 'DINAS OLAHRAGA RAYA'");
        assertThat(message(r, 1)).contains("row 43", "'KEC. BEKASI UTRA'", "closest: KEC. BEKASI UTARA");
    }

    @Test
    void numbers_that_are_not_numbers_are_refused_cell_by_cell() throws Exception {
        LoadResult r = load("akip_opd_ranking", "bad_number.tsv");
        assertThat(r.problems())
                .extracting(Problem::code)
                .containsExactly("etl.error.number_grouping", "etl.error.not_a_number");
        assertThat(message(r, 0)).contains("row 33, column 3 (nilai; spec column 2), value '77.1.4'");
        assertThat(message(r, 1)).contains("row 50, column 3 (nilai; spec column 2), value 'enam puluh': not a number");
    }

    @Test
    void the_same_opd_twice_is_refused_naming_both_rows() throws Exception {
        LoadResult r = load("akip_opd_ranking", "duplicate_opd.tsv");
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.duplicate");
        assertThat(message(r, 0)).contains("rows 50, 51 record the same thing (DISNAKER 2024)");
    }

    @Test
    void a_file_cut_off_mid_row_is_refused() throws Exception {
        LoadResult r = load("realisasi_opd_simpelbang", "truncated.tsv");
        assertThat(r.problems()).extracting(Problem::code).contains("etl.error.short_row", "etl.error.missing_value");
        assertThat(message(r, 0)).contains("truncated.tsv, row 51", "has only 5 columns", "cut off");
    }

    @Test
    void a_total_that_does_not_add_up_is_refused_with_both_figures() throws Exception {
        LoadResult r = load("realisasi_opd_simpelbang", "total_mismatch.tsv");
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.total_mismatch");
        assertThat(message(r, 0))
                .contains(
                        "row 60, column 6 (realisasi_keuangan_rp; spec column 5), value '6.475.000.979.472'",
                        "TOTAL reports 6.475.000.979.472 but the data rows add up to 6.475.000.979.427");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_unread() throws Exception {
        Path big = STORE_DIR.resolve("oversized.tsv");
        byte[] line = "1\tDISDIK\t60,05\tB\n".getBytes();
        try (var out = Files.newOutputStream(big)) {
            for (long written = 0; written <= (etl.maxUploadBytes() + 1); written += line.length) out.write(line);
        }
        LoadResult r = etl.load(
                "akip_opd_ranking", SourceFile.of(big), LoadRequest.by("test").withPemda("3275"), null);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.oversized");
        assertThat(fingerprint()).isEqualTo(before);
        Files.delete(big);
    }

    @Test
    void rejected_rows_are_kept_with_the_batch() throws Exception {
        LoadResult r = load("akip_opd_ranking", "unknown_opd.tsv");
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT b.status, b.rows_rejected, count(x.*), min(x.row_no), min(x.raw_value)"
                                + " FROM batch b JOIN rejected_row x USING (batch_id) WHERE b.batch_id = " + r.batchId()
                                + " GROUP BY ALL")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("rejected");
            assertThat(rs.getLong(2)).isEqualTo(2);
            assertThat(rs.getLong(3)).isEqualTo(2);
            assertThat(rs.getInt(4)).isEqualTo(41);
            assertThat(rs.getString(5)).isEqualTo("DINAS OLAHRAGA RAYA");
        }
    }
}
