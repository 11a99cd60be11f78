package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.akip.AkipService;
import id.sorot.base.yaml.DefinitionException;
import id.sorot.cube.CubeService;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.read.Problem;
import id.sorot.etl.target.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Predikat without nilai: an Inspektorat's list per OPD and a province's list per kabupaten/kota
 * (test tables in those shapes, with a title row, a Jumlah row and a note below; as TSV and as CSV
 * with ';', CRLF and a BOM). They store nilai NULL, rank by predikat with ties sharing a place,
 * count A and AA as usual, and skip the reconciliation of predikat against nilai.
 */
class PredikatOnlyTest extends WithLoadFixture {

    private static final String PREDIKAT_DIR = "src/test/resources/etl/predikat/";
    private static final Path PREDIKAT = Path.of(PREDIKAT_DIR);
    private static final Path CONTOH = Path.of("etl/samples/contoh-format");

    @ParameterizedTest
    @ValueSource(strings = {"etl/samples/contoh-format/predikat_opd_2020.tsv", PREDIKAT_DIR + "predikat_opd_2020.csv"})
    void an_opd_list_without_nilai_ranks_by_predikat_and_counts_a(String file) throws Exception {
        LoadResult r = fx.load("akip_opd_predikat", Path.of(file), true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(r.rowsLoaded()).isEqualTo(6);
        assertThat(fx.count("SELECT count(*) FROM fact_akip_opd WHERE nilai IS NULL AND predikat_computed IS NULL"
                        + " AND predikat_efektif = predikat AND periode_id = 20200"))
                .isEqualTo(6);

        CubeService cubes = new CubeService(fx.store, fx.rules, fx.properties);
        try {
            AkipService.Ranking ranking = new AkipService(cubes, fx.rules).ranking("3275", 2020);
            assertThat(ranking.evaluated()).isEqualTo(6);
            assertThat(ranking.withoutNilai()).isEqualTo(6);
            // DISDIK A, RSUD A, SATPOL PP AA: 3 of 6
            assertThat(ranking.countA()).isEqualTo(3);
            assertThat(ranking.percentA()).isEqualTo(50.0);
            assertThat(ranking.mean()).isNull();
            assertThat(ranking.median()).isNull();
            assertThat(ranking.rows())
                    .extracting(x -> x.rank() + " " + x.opd() + " " + x.predikat() + " " + x.nilai())
                    .containsExactly(
                            "1 SATPOL PP AA null",
                            "2 DISDIK A null",
                            "2 RSUD A null",
                            "4 DINKES BB null",
                            "4 DINSOS BB null",
                            "6 DISTARU B null");
            // nothing computed, so nothing to disagree with: skipped, not failed
            assertThat(ranking.rows()).noneMatch(AkipService.Row::predikatDisagrees);
            assertThat(new AkipService(cubes, fx.rules)
                            .distribution("3275", List.of())
                            .counts())
                    .containsOnlyKeys("AA", "A", "BB", "B");
        } finally {
            cubes.close();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "etl/samples/contoh-format/predikat_pemda_jabar_2024.tsv",
                PREDIKAT_DIR + "predikat_pemda_jabar_2024.csv"
            })
    void a_province_list_ranks_its_pemda_beside_one_with_a_nilai(String file) throws Exception {
        LoadResult nilai =
                fx.load("akip_pemda", Path.of("etl/samples/kota-bekasi-2024/nilai_akip_kota_2020_2024.tsv"), true);
        assertThat(nilai.status()).isEqualTo(LoadResult.Status.LOADED);
        LoadResult r = fx.load("akip_pemda_predikat_provinsi", Path.of(file), true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        // "Kab. Bogor" is Kabupaten Bogor
        assertThat(r.rowsLoaded()).isEqualTo(7);

        CubeService cubes = new CubeService(fx.store, fx.rules, fx.properties);
        try {
            CubeResult c = cubes.query(CubeQuery.of("akip_pemda")
                    .measures("peringkat", "nilai", "urutan_predikat")
                    .by("tahun", "pemda", "predikat")
                    .where("tahun", "eq", 2024)
                    .orderBy("peringkat", false)
                    .orderBy("pemda", false));
            // Kota Bekasi's 67,33 is B; among the B it comes first, as the only one with a nilai
            assertThat(c.records())
                    .extracting(v -> v.count("peringkat") + " " + v.string("pemda") + " " + v.string("predikat"))
                    .containsExactly(
                            "1 Kabupaten Bandung A",
                            "1 Kota Bandung A",
                            "3 Kabupaten Bogor BB",
                            "3 Kota Depok BB",
                            "5 Kota Bekasi B",
                            "6 Kabupaten Pangandaran B",
                            "6 Kabupaten Sukabumi B",
                            "8 Kota Banjar CC");
            CubeResult share = cubes.query(CubeQuery.of("akip_pemda")
                    .measures("jumlah_pemda", "jumlah_bernilai", "jumlah_a", "persen_a")
                    .by("tahun")
                    .where("tahun", "eq", 2024)
                    .where("provinsi", "eq", "Jawa Barat"));
            CubeResult.Record s = share.first().orElseThrow();
            assertThat(s.count("jumlah_pemda")).isEqualTo(8);
            assertThat(s.count("jumlah_bernilai")).isEqualTo(1);
            assertThat(s.count("jumlah_a")).isEqualTo(2);
            assertThat(s.decimal("persen_a")).isEqualTo(25.0);
            // the pemda's tile reads the predikat where there is no nilai
            assertThat(new AkipService(cubes, fx.rules).pemdaAkip("3273", 2024)).hasValueSatisfying(p -> {
                assertThat(p.nilai()).isNull();
                assertThat(p.predikat()).isEqualTo("A");
            });
        } finally {
            cubes.close();
        }
    }

    @Test
    void a_word_where_the_predikat_should_be_is_refused_naming_the_cell_and_nothing_is_stored() throws Exception {
        LoadResult r = fx.load("akip_opd_predikat", PREDIKAT.resolve("predikat_opd_bad.tsv"), true);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        Problem p = r.problems().getFirst();
        assertThat(p.code()).isEqualTo("etl.error.bad_predikat");
        assertThat(p.row()).isEqualTo(8);
        assertThat(p.field()).isEqualTo("predikat");
        assertThat(p.raw()).isEqualTo("Baik");
        assertThat(fx.count("SELECT count(*) FROM fact_akip_opd")).isZero();
    }

    @Test
    void a_spec_that_feeds_neither_nilai_nor_predikat_is_a_clear_spec_error(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("akip_opd_predikat.yml");
        Files.writeString(
                bad,
                Files.readString(Path.of("etl/jobs/akip_opd_predikat.yml"))
                        .replace("columns: {1: opd, 2: predikat}", "columns: {1: opd}"));
        assertThatThrownBy(() -> JobCatalog.readSpec(bad, Path.of("etl"), Targets.all(), fx.rules))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("nilai")
                .hasMessageContaining("predikat");
    }

    @Test
    void a_pemda_the_reference_does_not_know_is_refused_by_name() throws Exception {
        Path file = dir.resolve("predikat_pemda_unknown.tsv");
        Files.writeString(
                file,
                Files.readString(CONTOH.resolve("predikat_pemda_jabar_2024.tsv"))
                        .replace("Kota Depok", "Kota Gotham"));
        LoadResult r = fx.load("akip_pemda_predikat_provinsi", file, true);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.unknown_pemda");
        assertThat(r.problems().getFirst().raw()).isEqualTo("Kota Gotham");
        assertThat(fx.count("SELECT count(*) FROM fact_akip_pemda")).isZero();
    }
}
