package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A whole load, step after step, on the real Kota Bekasi tables, without Spring. */
class LoaderTest extends WithLoadFixture {

    @Test
    void the_akip_ranking_loads_44_opd_13_of_them_with_a() throws Exception {
        LoadResult r =
                fx.load("akip_opd_ranking", LoadFixture.SAMPLES.resolve("hasil_evaluasi_akip_opd_2024.tsv"), true);
        assertThat(r.problems()).isEmpty();
        assertThat(r.status()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(r.rowsLoaded()).isEqualTo(44);
        assertThat(r.periods()).containsExactly(20240);
        assertThat(fx.count("SELECT count(*) FROM fact_akip_opd WHERE predikat_computed = 'A'"))
                .isEqualTo(13);
        assertThat(fx.count("SELECT count(*) FROM batch WHERE status = 'loaded'"))
                .isEqualTo(1);
        assertThat(r.millis()).containsKeys("prepare", "read", "insert", "check", "replace", "commit");
    }

    @Test
    void a_reload_replaces_the_first_batch_and_a_preview_writes_nothing() throws Exception {
        Path file = LoadFixture.SAMPLES.resolve("hasil_evaluasi_akip_opd_2024.tsv");
        LoadResult first = fx.load("akip_opd_ranking", file, true);
        LoadResult preview = fx.load("akip_opd_ranking", file, false);
        assertThat(preview.status()).isEqualTo(LoadResult.Status.VALID);
        assertThat(preview.head()).hasSize(44);
        assertThat(fx.count("SELECT count(*) FROM batch")).isEqualTo(1);
        LoadResult second = fx.load("akip_opd_ranking", file, true);
        assertThat(second.replacedBatches()).containsExactly(first.batchId());
        assertThat(fx.count("SELECT count(*) FROM fact_akip_opd")).isEqualTo(44);
        assertThat(fx.count("SELECT count(*) FROM batch WHERE status = 'replaced' AND batch_id = " + first.batchId()))
                .isEqualTo(1);
    }

    @Test
    void a_duplicate_is_refused_naming_both_rows_and_nothing_changes() throws Exception {
        fx.load("akip_opd_ranking", LoadFixture.SAMPLES.resolve("hasil_evaluasi_akip_opd_2024.tsv"), true);
        LoadResult r = fx.load("akip_opd_ranking", LoadFixture.BAD.resolve("duplicate_opd.tsv"), true);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("etl.error.duplicate");
            assertThat(p.args().toString()).contains("DISNAKER");
        });
        assertThat(fx.count("SELECT count(*) FROM fact_akip_opd")).isEqualTo(44);
        assertThat(fx.count("SELECT count(*) FROM batch WHERE status = 'rejected'"))
                .isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM rejected_row WHERE batch_id = " + r.batchId()))
                .isEqualTo(r.problemCount());
    }

    @Test
    void the_source_total_is_checked_and_a_mismatch_rejects_the_file() throws Exception {
        LoadResult good = fx.load(
                "realisasi_opd_simpelbang",
                LoadFixture.SAMPLES.resolve("realisasi_fisik_keuangan_opd_2024.tsv"),
                false);
        assertThat(good.problems()).isEmpty();
        assertThat(good.checks())
                .filteredOn(c -> c.measure().equals("realisasi_keuangan_pct"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.reported()).isEqualTo(85.95);
                    assertThat(c.agrees()).isTrue();
                });
        LoadResult bad = fx.load("realisasi_opd_simpelbang", LoadFixture.BAD.resolve("total_mismatch.tsv"), true);
        assertThat(bad.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("etl.error.total_mismatch"));
        assertThat(fx.count("SELECT count(*) FROM fact_realisasi_opd")).isZero();
    }
}
