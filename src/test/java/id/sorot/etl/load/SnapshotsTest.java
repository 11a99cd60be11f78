package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A year's realisasi published many times: monthly tables and a release "per 30 November" are
 * snapshots that coexist, each as of its date; reloading one snapshot replaces only it.
 */
class SnapshotsTest extends WithLoadFixture {

    private static final Path CONTOH = Path.of("etl/samples/contoh-format");

    private LoadResult load(String job, String file) throws Exception {
        return fx.load(job, CONTOH.resolve(file), true);
    }

    private long count(String where) throws Exception {
        return fx.count("SELECT count(*) FROM fact_realisasi_opd WHERE " + where);
    }

    @Test
    void monthly_tables_and_an_as_of_release_are_snapshots_that_coexist() throws Exception {
        LoadResult monthly = load("realisasi_opd_bulanan", "realisasi_bulanan_2023.tsv");
        assertThat(monthly.status()).as(monthly.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(monthly.rowsLoaded()).isEqualTo(30);
        assertThat(fx.count("SELECT count(DISTINCT per_tanggal) FROM fact_realisasi_opd"))
                .isEqualTo(10);
        assertThat(count("per_tanggal = DATE '2023-02-28' AND opd_id = (SELECT opd_id FROM opd WHERE kode = '1.01.01')"
                        + " AND realisasi_keuangan_rp = 96000000000"))
                .isEqualTo(1);

        LoadResult release = load("realisasi_opd_berita", "realisasi_berita_2023.tsv");
        assertThat(release.status()).as(release.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(release.replacedBatches()).isEmpty();
        assertThat(count("per_tanggal = DATE '2023-11-30'")).isEqualTo(4);
        assertThat(count("TRUE")).isEqualTo(34);

        // the same release again replaces itself, and only itself
        LoadResult again = load("realisasi_opd_berita", "realisasi_berita_2023.tsv");
        assertThat(again.replacedBatches()).containsExactly(release.batchId());
        assertThat(count("TRUE")).isEqualTo(34);
        assertThat(count("batch_id = " + monthly.batchId())).isEqualTo(30);
    }

    @Test
    void the_monthly_table_as_csv_with_a_bom_crlf_and_a_jumlah_row_loads_the_same() throws Exception {
        LoadResult monthly = fx.load(
                "realisasi_opd_bulanan", Path.of("src/test/resources/etl/bulanan/realisasi_bulanan_2023.csv"), true);
        assertThat(monthly.status()).as(monthly.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(monthly.rowsLoaded()).isEqualTo(30);
        assertThat(fx.count("SELECT count(DISTINCT per_tanggal) FROM fact_realisasi_opd"))
                .isEqualTo(10);
        assertThat(count("per_tanggal = DATE '2023-10-31'")).isEqualTo(3);
    }

    @Test
    void a_year_table_without_a_date_is_as_of_the_years_end() throws Exception {
        LoadResult r = fx.load(
                "realisasi_opd_simpelbang", LoadFixture.SAMPLES.resolve("realisasi_fisik_keuangan_opd_2024.tsv"), true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(count("per_tanggal = DATE '2024-12-31'")).isEqualTo(44);
    }
}
