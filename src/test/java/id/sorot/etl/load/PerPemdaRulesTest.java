package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.base.yaml.DefinitionException;
import id.sorot.cube.CubeService;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import id.sorot.etl.read.Problem;
import id.sorot.realisasi.RealisasiService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules per pemda from the reference, not from the cube file or a source column: the same IKU table
 * loaded for Kota Bekasi (capaian_lkip) and for a test Kota Bandung (the ordinal ST..SR scale) gets
 * both ratings; the direction and a range target of an indicator come from the pemda's IKU rules;
 * deviasi thresholds are the pemda's own. See src/test/resources/etl/per-pemda/README.md.
 */
class PerPemdaRulesTest {

    private static final Path HOME = Path.of("src/test/resources/etl/per-pemda");

    @TempDir
    Path dir;

    private LoadFixture fx;

    /** A home whose etl/ is the checkout's, but with the test reference beside the real band sets. */
    private Path home() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path etl = Files.createDirectories(home.resolve("etl"));
        Path here = Path.of("").toAbsolutePath();
        Files.createSymbolicLink(etl.resolve("jobs"), here.resolve("etl/jobs"));
        Files.createSymbolicLink(etl.resolve("samples"), here.resolve("etl/samples"));
        // copied, not linked: the cube catalog does not follow links as it walks its folder
        try (var files = Files.walk(Path.of("cubes"))) {
            for (Path f : files.toList()) Files.copy(f, home.resolve(f.toString()));
        }
        Path ref = Files.createDirectories(etl.resolve("reference"));
        for (String f : new String[] {"pemda.yml", "opd/3273-uji.yml", "iku/3275-uji.yml", "iku/3273-uji.yml"}) {
            Files.createDirectories(ref.resolve(f).getParent());
            Files.copy(HOME.resolve("reference").resolve(f), ref.resolve(f));
        }
        Files.copy(Path.of("etl/reference/band_sets.yml"), ref.resolve("band_sets.yml"));
        Files.copy(Path.of("etl/reference/opd/3275-kota-bekasi.yml"), ref.resolve("opd/3275-kota-bekasi.yml"));
        return home;
    }

    private LoadFixture open() throws Exception {
        fx = new LoadFixture(Files.createDirectories(dir.resolve("store")), home());
        return fx;
    }

    @AfterEach
    void close() {
        if (fx != null) fx.close();
    }

    private LoadResult load(String pemda, Path file) throws Exception {
        return fx.load(fx.job("setda_capaian_iku"), file, new LoadRequest(pemda, null, "SETDA", "uji"), true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iku_2024.tsv", "iku_2024.csv"})
    void the_same_capaian_gets_each_pemdas_own_rating(String file) throws Exception {
        open();
        for (String pemda : new String[] {"3275", "3273"}) {
            LoadResult r = load(pemda, HOME.resolve(file));
            assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
            assertThat(r.rowsLoaded()).isEqualTo(4);
        }
        CubeService cubes = new CubeService(fx.store, fx.rules, fx.properties);
        try {
            CubeResult perIndicator = cubes.query(CubeQuery.of("iku")
                    .measures("capaian", "rating")
                    .by("pemda", "indikator", "arah")
                    .orderBy("pemda", false)
                    .orderBy("indikator", false));
            assertThat(perIndicator.records())
                    .extracting(v -> v.string("pemda") + " | " + v.string("indikator") + " | " + v.string("arah")
                            + " | " + Math.round(v.decimal("capaian") * 100) / 100.0 + " | " + v.string("rating"))
                    .containsExactly(
                            "Kota Bandung | Indeks kepuasan layanan | higher | 72.0 | S",
                            "Kota Bandung | Laju inflasi | range | 100.0 | ST",
                            "Kota Bandung | Persentase dokumen perencanaan tepat waktu | higher | 85.0 | T",
                            "Kota Bandung | Persentase penduduk miskin | lower | 87.5 | T",
                            "Kota Bekasi | Indeks kepuasan layanan | higher | 72.0 | BB",
                            "Kota Bekasi | Laju inflasi | range | 100.0 | AA",
                            "Kota Bekasi | Persentase dokumen perencanaan tepat waktu | higher | 85.0 | A",
                            "Kota Bekasi | Persentase penduduk miskin | lower | 87.5 | A");
            CubeResult perPemda = cubes.query(CubeQuery.of("iku")
                    .measures("capaian", "rating", "jumlah_beda_capaian")
                    .by("pemda")
                    .orderBy("pemda", false));
            assertThat(perPemda.records())
                    .extracting(v -> v.string("pemda") + " " + v.decimal("capaian") + " " + v.string("rating") + " "
                            + v.count("jumlah_beda_capaian"))
                    .containsExactly("Kota Bandung 86.125 T 0", "Kota Bekasi 86.125 A 0");
            // pemda with different band sets together have no one rating
            CubeResult both = cubes.query(CubeQuery.of("iku").measures("capaian", "rating"));
            assertThat(both.first().orElseThrow().string("rating")).isNull();
            assertThat(both.first().orElseThrow().decimal("capaian")).isEqualTo(86.125);
        } finally {
            cubes.close();
        }
        // the range target came from the reference and is stored as the target it read
        assertThat(fx.count(
                        "SELECT count(*) FROM fact_iku WHERE target_text = '7-8' AND target = 7 AND target_upper = 8"))
                .isEqualTo(2);
    }

    @Test
    void deviasi_thresholds_are_the_pemdas_own_or_the_defaults() throws Exception {
        open();
        RealisasiService realisasi = new RealisasiService(null, fx.opds, fx.properties);
        assertThat(realisasi.thresholds("3273")).isEqualTo(new RealisasiService.Thresholds(-15, -7.5));
        assertThat(realisasi.thresholds("3273").status(-12.0)).isEqualTo(RealisasiService.Status.KUNING);
        assertThat(realisasi.thresholds("3275")).isEqualTo(new RealisasiService.Thresholds(-10, -5));
        assertThat(realisasi.thresholds("3275").status(-12.0)).isEqualTo(RealisasiService.Status.MERAH);
    }

    @Test
    void one_threshold_set_alone_holds_against_the_default_of_the_other() throws Exception {
        open();
        Path ref = dir.resolve("home/etl/reference/pemda.yml");
        String base = Files.readString(ref);
        Files.writeString(ref, base.replace("deviasi: {merah: -15, kuning: -7.5}", "deviasi: {kuning: -12}"));
        fx.opds.sync();
        RealisasiService realisasi = new RealisasiService(null, fx.opds, fx.properties);
        assertThat(realisasi.thresholds("3273")).isEqualTo(new RealisasiService.Thresholds(-12, -12));
        Files.writeString(ref, base.replace("deviasi: {merah: -15, kuning: -7.5}", "deviasi: {merah: -3}"));
        fx.opds.sync();
        assertThat(realisasi.thresholds("3273")).isEqualTo(new RealisasiService.Thresholds(-3, -3));
        Files.writeString(ref, base.replace("deviasi: {merah: -15, kuning: -7.5}", "deviasi: {merah: -20}"));
        fx.opds.sync();
        assertThat(realisasi.thresholds("3273")).isEqualTo(new RealisasiService.Thresholds(-20, -5));
    }

    @Test
    void red_above_yellow_is_a_clear_reference_error() throws Exception {
        open();
        Path ref = dir.resolve("home/etl/reference/pemda.yml");
        Files.writeString(
                ref,
                Files.readString(ref)
                        .replace("deviasi: {merah: -15, kuning: -7.5}", "deviasi: {merah: -3, kuning: -8}"));
        assertThatThrownBy(() -> fx.opds.sync())
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("etl/reference/pemda.yml")
                .hasMessageContaining("pemda[1].deviasi")
                .hasMessageContaining("merah (-3.0) must not be above kuning (-8.0)");
    }

    @Test
    void a_target_in_the_table_that_disagrees_with_the_reference_is_refused_naming_both() throws Exception {
        open();
        Path file = dir.resolve("iku_beda.tsv");
        Files.writeString(
                file,
                Files.readString(HOME.resolve("iku_2024.tsv"))
                        .replace("Laju inflasi\t\t7,5", "Laju inflasi\t6-7\t7,5"));
        LoadResult r = load("3273", file);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        Problem p = r.problems().getFirst();
        assertThat(p.code()).isEqualTo("etl.error.target_differs_from_reference");
        assertThat(p.row()).isEqualTo(9);
        assertThat(p.field()).isEqualTo("target");
        assertThat(p.raw()).isEqualTo("6-7");
        assertThat(p.args()).containsExactly("7-8", "etl/reference/iku/3273-uji.yml", "indikator[1]");
        assertThat(fx.count("SELECT count(*) FROM fact_iku")).isZero();
    }

    @Test
    void a_direction_the_target_cannot_be_measured_in_is_refused() throws Exception {
        open();
        Path ref = dir.resolve("home/etl/reference/iku/3273-uji.yml");
        Files.writeString(
                ref,
                Files.readString(ref)
                        .replace(
                                "nama: Persentase penduduk miskin, arah: turun",
                                "nama: Persentase penduduk miskin, arah: kualitatif"));
        fx.opds.sync();
        LoadResult r = load("3273", HOME.resolve("iku_2024.tsv"));
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("etl.error.target_not_for_arah");
        assertThat(r.problems().getFirst().row()).isEqualTo(8);
        assertThat(fx.count("SELECT count(*) FROM fact_iku")).isZero();
    }

    @Test
    void a_rule_for_an_opd_the_pemda_does_not_have_is_a_clear_reference_error() throws Exception {
        open();
        Path ref = dir.resolve("home/etl/reference/iku/3273-uji.yml");
        Files.writeString(ref, Files.readString(ref).replace("- {opd: SETDA,", "- {opd: DINAS RAHASIA,"));
        assertThatThrownBy(() -> fx.opds.sync())
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("etl/reference/iku/3273-uji.yml")
                .hasMessageContaining("indikator[0].opd")
                .hasMessageContaining("DINAS RAHASIA");
        Files.writeString(
                ref, Files.readString(ref).replace("DINAS RAHASIA", "SETDA").replace("arah: turun", "arah: bawah"));
        assertThatThrownBy(() -> fx.opds.sync())
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("indikator[0].arah")
                .hasMessageContaining("naik, turun, rentang, kualitatif");
    }
}
