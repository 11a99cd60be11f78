package id.sorot.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.sorot.SorotTest;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The LKIP Setda Kota Bekasi 2024's own figures, asked of the cubes. */
class CubeFactsTest extends SorotTest {

    @Autowired
    CubeService cubes;

    private List<Object> one(CubeQuery q) {
        CubeResult r = cubes.query(q);
        assertThat(r.rows()).hasSize(1);
        return r.rows().getFirst();
    }

    @Test
    void city_realisasi_keuangan_2024_is_85_95_percent_and_fisik_96_90() {
        List<Object> r = one(CubeQuery.of("realisasi_opd")
                .measures("anggaran", "realisasi_keuangan", "realisasi_fisik", "deviasi_keuangan", "jumlah_opd")
                .where("pemda_kode", "eq", "3275")
                .where("tahun", "eq", 2024));
        assertThat((Double) r.get(0)).isEqualTo(7_533_144_934_916.0);
        assertThat((Double) r.get(1)).isCloseTo(85.95, within(0.005));
        assertThat((Double) r.get(2)).isCloseTo(96.90, within(0.005));
        assertThat((Double) r.get(3)).isCloseTo(-14.05, within(0.005));
        assertThat(((Number) r.get(4)).intValue()).isEqualTo(44);
    }

    @Test
    void dinas_perumahan_deviates_minus_30_35_keuangan_and_minus_9_88_fisik() {
        List<Object> r = one(CubeQuery.of("realisasi_opd")
                .measures("deviasi_keuangan", "deviasi_fisik", "deviasi_keuangan_dilaporkan")
                .by("opd")
                .where("opd_kode", "eq", "1.04.02")
                .where("tahun", "eq", 2024));
        assertThat(r.get(0)).isEqualTo("DISPERKIMTAN");
        assertThat((Double) r.get(1)).isCloseTo(-30.35, within(0.005));
        assertThat((Double) r.get(2)).isCloseTo(-9.88, within(0.005));
        assertThat((Double) r.get(3)).isEqualTo(-30.35);
    }

    @Test
    void setda_programs_spent_82_85_95_13_and_88_64_percent() {
        CubeResult r = cubes.query(CubeQuery.of("realisasi_anggaran")
                .measures("persen")
                .by("kode")
                .where("opd", "eq", "SETDA")
                .where("level", "eq", "program")
                .orderBy("kode", false));
        assertThat(r.column("kode")).containsExactly("1", "2", "3");
        assertThat(r.column("persen"))
                .satisfiesExactly(
                        v -> assertThat((Double) v).isCloseTo(82.85, within(0.005)),
                        v -> assertThat((Double) v).isCloseTo(95.13, within(0.005)),
                        v -> assertThat((Double) v).isCloseTo(88.64, within(0.005)));
    }

    @Test
    void thirteen_of_44_at_a_is_29_55_percent_and_the_city_scores_67_33() {
        List<Object> a = one(CubeQuery.of("akip_opd")
                .measures("jumlah_a", "jumlah_opd", "persen_a")
                .where("tahun", "eq", 2024));
        assertThat(((Number) a.get(0)).intValue()).isEqualTo(13);
        assertThat((Double) a.get(2)).isCloseTo(29.55, within(0.005));
        List<Object> city = one(CubeQuery.of("akip_pemda")
                .measures("nilai", "predikat_nilai", "perubahan")
                .where("tahun", "eq", 2024));
        assertThat(city.get(0)).isEqualTo(67.33);
        assertThat(city.get(1)).isEqualTo("B");
        assertThat((Double) city.get(2)).isCloseTo(0.23, within(1e-9));
    }

    @Test
    void the_best_unit_of_each_kind_is_a_rank_within_group_filtered_to_1() {
        CubeResult r = cubes.query(CubeQuery.of("ikm_unit")
                .measures("nilai", "peringkat_jenis")
                .by("jenis_unit", "unit")
                .where("tahun", "eq", 2024)
                .where("peringkat_jenis", "lte", 1)
                .orderBy("jenis_unit", false)
                .orderBy("unit", false));
        assertThat(r.rows().stream().map(row -> row.get(0) + ": " + row.get(1)).toList())
                .containsExactly(
                        "badan: Badan Penanggulangan Bencana Daerah",
                        "dinas: Dinas Ketahanan Pangan, Pertanian dan Perikanan",
                        "inspektorat: Inspektorat Kota",
                        // a tie: both 90,14
                        "kecamatan: Kecamatan Bantargebang",
                        "kecamatan: Kecamatan Jatiasih",
                        "puskesmas: Puskesmas Padurenan",
                        "rsud: RSUD Kelas D Teluk Pucung",
                        "satuan: Satuan Polisi Pamong Praja",
                        "sekretariat: Sekretariat DPRD");
    }

    @Test
    void setda_efisiensi_is_mean_capaian_minus_serapan() {
        List<Object> r = one(CubeQuery.of("kinerja_opd")
                .measures("capaian", "serapan", "efisiensi")
                .where("opd", "eq", "SETDA")
                .where("tahun", "eq", 2024));
        double capaian = (123.975 + 88.87 / 88 * 100 + 100 + 88.13 / 83 * 100 + 29.55 / 22.73 * 100) / 5;
        assertThat((Double) r.get(0)).isCloseTo(capaian, within(1e-6));
        assertThat((Double) r.get(1)).isCloseTo(86.19, within(0.005));
        assertThat((Double) r.get(2)).isCloseTo(capaian - (Double) r.get(1), within(1e-9));
    }
}
