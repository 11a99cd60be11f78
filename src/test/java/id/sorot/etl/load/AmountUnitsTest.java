package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.base.yaml.DefinitionException;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.target.Targets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/**
 * Amounts with units through a whole load: cells like {@code Rp130,838 M} and columns read in juta
 * are stored exact to the rupiah, the batch records the units, and a unit Sorot cannot be sure of
 * rejects the file naming row, column and value.
 */
class AmountUnitsTest extends WithLoadFixture {

    private static final Path UNITS = Path.of("src/test/resources/etl/units");

    private LoadResult load(String spec, String file, boolean commit) throws Exception {
        JobSpec job = JobCatalog.readSpec(UNITS.resolve(spec + ".yml"), Path.of("etl"), Targets.all(), fx.rules);
        return fx.load(job, UNITS.resolve(file), commit);
    }

    private List<String> stored() throws Exception {
        List<String> out = new ArrayList<>();
        try (DuckDBConnection c = fx.store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT o.singkatan, f.anggaran, f.realisasi_keuangan_rp"
                        + " FROM fact_realisasi_opd f JOIN opd o USING (opd_id) ORDER BY f.row_no")) {
            while (rs.next()) out.add(rs.getString(1) + " " + rs.getBigDecimal(2) + " " + rs.getBigDecimal(3));
        }
        return out;
    }

    private String batchUnits(long batch) throws Exception {
        try (DuckDBConnection c = fx.store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT units FROM batch WHERE batch_id = " + batch)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void suffixes_in_the_cells_load_exact_and_the_batch_records_the_units() throws Exception {
        LoadResult r = load("realisasi_berita", "realisasi_berita.tsv", true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(stored())
                .containsExactly(
                        "DISDIK 1200000000000.00 850500000000.00",
                        "DINKES 450250000000.00 300000000000.00",
                        "DISTARU 120500500000.00 98750000000.00");
        assertThat(batchUnits(r.batchId())).isEqualTo("anggaran: juta, miliar, triliun; realisasi_keuangan_rp: miliar");
        assertThat(r.units()).isEqualTo(batchUnits(r.batchId()));
    }

    @Test
    void a_column_read_in_juta_is_scaled_and_recorded() throws Exception {
        LoadResult r = load("realisasi_juta", "realisasi_juta.tsv", true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(stored())
                .containsExactly("DISDIK 1200000000000.00 850500250000.00", "DINKES 450250000000.00 300000000000.00");
        assertThat(batchUnits(r.batchId())).isEqualTo("anggaran: juta; realisasi_keuangan_rp: juta");
    }

    @Test
    void an_ambiguous_suffix_rejects_the_file_naming_row_column_and_value_and_stores_nothing() throws Exception {
        LoadResult r = load("realisasi_berita", "realisasi_berita_bn.tsv", true);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(r.problems()).hasSize(1);
        var p = r.problems().getFirst();
        assertThat(p.row()).isEqualTo(5);
        assertThat(p.column()).isEqualTo(4);
        assertThat(p.field()).isEqualTo("realisasi_keuangan_rp");
        assertThat(p.raw()).isEqualTo("Rp 300 bn");
        assertThat(p.code()).isEqualTo("etl.error.amount_unit_ambiguous");
        assertThat(fx.count("SELECT count(*) FROM fact_realisasi_opd")).isZero();
    }

    @Test
    void a_unit_on_a_field_that_is_no_amount_is_refused_by_path() {
        assertThatThrownBy(() -> JobCatalog.readSpec(
                        UNITS.resolve("realisasi_unit_wrong.yml"), Path.of("etl"), Targets.all(), fx.rules))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("layout.numbers.units")
                .hasMessageContaining("'realisasi_keuangan_pct' is not an amount");
    }

    @Test
    void the_same_list_as_csv_with_semicolons_crlf_a_bom_and_a_jumlah_row_checks_its_totals() throws Exception {
        LoadResult r = load("realisasi_berita_jumlah", "realisasi_berita.csv", true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(stored()).hasSize(3).first().isEqualTo("DISDIK 1200000000000.00 850500000000.00");
        assertThat(r.checks())
                .extracting(c -> c.measure() + " " + c.reported() + " " + c.agrees())
                .containsExactlyInAnyOrder("anggaran 1.7707505E12 true", "realisasi_keuangan_rp 1.24925E12 true");
    }
}
