package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.base.yaml.DefinitionException;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.read.Problem;
import id.sorot.etl.target.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/**
 * A news release's realisasi list: no anggaran or rencana (they load as NULL, never 0), amounts
 * with M and T, and an RSUD split by funding source into two rows that {@code combine} makes one,
 * its % recombined from the implied totals; true duplicates and parts that disagree are refused.
 */
class SplitRowsTest extends WithLoadFixture {

    private static final Path BERITA = Path.of("src/test/resources/etl/berita");

    private JobSpec spec(String name) {
        return JobCatalog.readSpec(BERITA.resolve(name + ".yml"), Path.of("etl"), Targets.all(), fx.rules);
    }

    private LoadResult load(JobSpec job, Path file, boolean commit) throws Exception {
        return fx.load(job, file, commit);
    }

    private List<String> stored() throws Exception {
        List<String> out = new ArrayList<>();
        try (DuckDBConnection c = fx.store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT o.singkatan, f.anggaran, f.realisasi_keuangan_rp,"
                        + " f.realisasi_keuangan_pct, f.realisasi_fisik_pct, f.realisasi_keuangan_pct_computed,"
                        + " f.deviasi_keuangan_computed, f.row_no"
                        + " FROM fact_realisasi_opd f JOIN opd o USING (opd_id) ORDER BY f.row_no")) {
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= 8; i++) cells.add(String.valueOf(rs.getObject(i)));
                out.add(String.join(" ", cells));
            }
        }
        return out;
    }

    private static final List<String> EXPECTED = List.of(
            "DISDIK null 850500000000.00 70.88 78.50 null null ",
            "DINKES null 300000000000.00 66.63 75.00 null null ",
            // 130,838 M at 82,50 % and 45,2 M at 61,00 % of totals the release does not print:
            // 176,038 M of 158,59 M + 74,10 M = 75,65 %; fisik weighted by those totals 80,22 %
            "RSUD null 176038000000.00 75.65 80.22 null null ",
            "DISTARU null 98750000000.00 81.95 88.10 null null ");

    private static List<String> withoutRows(List<String> rows) {
        return rows.stream().map(r -> r.substring(0, r.lastIndexOf(' ') + 1)).toList();
    }

    @Test
    void split_rows_combine_and_missing_fields_stay_null() throws Exception {
        LoadResult r = load(fx.job("realisasi_opd_berita"), BERITA.resolve("realisasi_berita_split.tsv"), true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(r.rowsRead()).isEqualTo(5);
        assertThat(r.rowsLoaded()).isEqualTo(4);
        assertThat(r.rowsCombined()).isEqualTo(1);
        assertThat(withoutRows(stored())).containsExactlyElementsOf(EXPECTED);
        // the total row, printed above the OPDs, adds up the rows as printed
        assertThat(r.checks()).singleElement().satisfies(c -> {
            assertThat(c.agrees()).isTrue();
            assertThat(c.reported()).isEqualTo(1_425_288_000_000.0);
        });
    }

    @Test
    void the_csv_with_semicolons_crlf_bom_and_a_jumlah_row_loads_the_same() throws Exception {
        LoadResult r = load(fx.job("realisasi_opd_berita"), BERITA.resolve("realisasi_berita_split.csv"), true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(withoutRows(stored())).containsExactlyElementsOf(EXPECTED);
        assertThat(r.checks()).singleElement().satisfies(c -> assertThat(c.agrees())
                .isTrue());
    }

    @Test
    void the_same_part_twice_is_a_duplicate_and_changes_nothing() throws Exception {
        LoadResult r = load(fx.job("realisasi_opd_berita"), BERITA.resolve("realisasi_berita_dup.tsv"), true);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.duplicate");
        assertThat(r.problems().getFirst().args()).containsExactly("6, 7", "RSUD 2024 per 2024-11-30");
        assertThat(fx.count("SELECT count(*) FROM fact_realisasi_opd")).isZero();
    }

    @Test
    void parts_that_disagree_on_a_field_not_combined_are_refused_naming_the_cell() throws Exception {
        LoadResult r = load(spec("realisasi_berita_nofisik"), BERITA.resolve("realisasi_berita_split.tsv"), true);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        Problem p = r.problems().getFirst();
        assertThat(p.code()).isEqualTo("etl.error.combine_differs");
        assertThat(p.row()).isEqualTo(9);
        assertThat(p.column()).isEqualTo(5);
        assertThat(p.field()).isEqualTo("realisasi_fisik_pct");
        assertThat(p.args()).containsExactly("8, 9", "85,00 / 70,00");
        assertThat(fx.count("SELECT count(*) FROM fact_realisasi_opd")).isZero();
    }

    @Test
    void combine_misuse_is_a_clear_spec_error(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String base = Files.readString(Path.of("etl/jobs/realisasi_opd_berita.yml"));
        Path bad = tmp.resolve("realisasi_opd_berita.yml");
        Files.writeString(bad, base.replace("sum: [realisasi_keuangan_rp]", "sum: [anggaran]"));
        assertThatThrownBy(() -> spec(bad))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("combines field 'anggaran', which no column feeds");
        Files.writeString(bad, base.replace("part: {field: opd", "part: {field: nama"));
        assertThatThrownBy(() -> spec(bad))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("field 'nama' tells the parts apart, but no column feeds it");
        Files.writeString(bad, base.replace("{total_of: realisasi_keuangan_pct}", "{total_of: realisasi_fisik_pct}"));
        assertThatThrownBy(() -> spec(bad))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("total_of names 'realisasi_fisik_pct', which share_of does not list");
    }

    @Test
    void a_layout_feeding_no_realisasi_at_all_is_refused(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String base = Files.readString(BERITA.resolve("realisasi_berita_nofisik.yml"));
        Path bad = tmp.resolve("realisasi_berita_nofisik.yml");
        Files.writeString(
                bad,
                base.replace(
                                "columns: {1: opd, 2: realisasi_keuangan_rp, 3: realisasi_keuangan_pct, 4: realisasi_fisik_pct}",
                                "columns: {1: opd}")
                        .replaceAll(
                                "(?s)  rows:.*?    ignore",
                                "  rows:\n    data: {column: 0, pattern: \"\\\\\\\\d+\"}\n    ignore")
                        .replaceAll("(?s)  combine:.*", ""));
        assertThatThrownBy(() -> spec(bad))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining(
                        "nothing feeds any of [realisasi_keuangan_rp, realisasi_keuangan_pct, realisasi_fisik_pct]");
    }

    private JobSpec spec(Path file) {
        return JobCatalog.readSpec(file, Path.of("etl"), Targets.all(), fx.rules);
    }
}
