package id.sorot.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.sorot.SorotTest;
import id.sorot.base.duckdb.Store;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * All ten tables of the LKIP Setda Kota Bekasi 2024, loaded on start exactly as they are, hold
 * the facts the document states.
 */
class SampleTablesTest extends SorotTest {

    @Autowired
    Store store;

    private List<List<Object>> rows(String sql) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(rs.getObject(i));
                out.add(row);
            }
        }
        return out;
    }

    /** Each row as its values joined by " | ", nulls as "null". */
    private List<String> lines(String sql) throws Exception {
        return rows(sql).stream()
                .map(r -> String.join(" | ", r.stream().map(String::valueOf).toList()))
                .toList();
    }

    private double number(String sql) throws Exception {
        return ((Number) rows(sql).getFirst().getFirst()).doubleValue();
    }

    @Test
    void every_sample_loaded_in_its_own_batch() throws Exception {
        // other tests reload and reject files in the same store; the samples are the batches of the start
        String samples = "FROM batch WHERE loaded_by = 'sorot (sample data)'";
        assertThat(number("SELECT count(DISTINCT job) " + samples)).isEqualTo(13);
        assertThat(number("SELECT count(*) " + samples + " AND status = 'rejected'"))
                .isZero();
    }

    @Test
    void city_realisasi_2024_is_85_95_percent_of_7_533_144_934_916() throws Exception {
        List<Object> r = rows("SELECT count(*), sum(anggaran), sum(realisasi_keuangan_rp),"
                        + " sum(realisasi_keuangan_rp) / sum(anggaran) * 100 FROM fact_realisasi_opd WHERE periode_id = 20240")
                .getFirst();
        assertThat(((Number) r.get(0)).intValue()).isEqualTo(44);
        assertThat(r.get(1).toString()).isEqualTo("7533144934916.00");
        assertThat(r.get(2).toString()).isEqualTo("6475000979427.00");
        assertThat(((Number) r.get(3)).doubleValue()).isCloseTo(85.95, within(0.005));
        // the TOTAL row agrees with the rows on every figure, fisik (anggaran-weighted) included
        assertThat(number("SELECT count(*) FROM reported_check WHERE target = 'realisasi_opd' AND agrees"))
                .isEqualTo(9);
        assertThat(number("SELECT computed_value FROM reported_check WHERE target = 'realisasi_opd'"
                        + " AND measure = 'realisasi_fisik_pct'"))
                .isCloseTo(96.90, within(0.005));
    }

    @Test
    void dinas_perumahan_deviates_minus_30_35_keuangan_and_minus_9_88_fisik() throws Exception {
        List<Object> r =
                rows("SELECT deviasi_keuangan, deviasi_keuangan_computed, deviasi_fisik, deviasi_fisik_computed,"
                                + " realisasi_keuangan_pct_computed FROM fact_realisasi_opd JOIN opd USING (opd_id)"
                                + " WHERE opd.kode = '1.04.02' AND periode_id = 20240")
                        .getFirst();
        assertThat(((Number) r.get(0)).doubleValue()).isEqualTo(-30.35);
        assertThat((Double) r.get(1)).isCloseTo(-30.35, within(0.005));
        assertThat(((Number) r.get(2)).doubleValue()).isEqualTo(-9.88);
        assertThat((Double) r.get(3)).isCloseTo(-9.88, within(0.005));
        assertThat((Double) r.get(4)).isCloseTo(69.65, within(0.005));
    }

    @Test
    void setda_spent_86_19_percent_of_235_997_078_013() throws Exception {
        List<Object> r =
                rows("SELECT anggaran, realisasi_keuangan_rp, realisasi_keuangan_pct_computed FROM fact_realisasi_opd"
                                + " JOIN opd USING (opd_id) WHERE opd.singkatan = 'SETDA'")
                        .getFirst();
        assertThat(r.get(0).toString()).isEqualTo("235997078013.00");
        assertThat(r.get(1).toString()).isEqualTo("203400576968.00");
        assertThat((Double) r.get(2)).isCloseTo(86.19, within(0.005));
    }

    @Test
    void ikm_mean_of_96_units_is_88_16_against_a_reported_88_02() throws Exception {
        assertThat(number("SELECT count(*) FROM fact_ikm")).isEqualTo(96);
        assertThat(number("SELECT avg(nilai) FROM fact_ikm")).isCloseTo(88.16, within(0.005));
        List<Object> check = rows("SELECT reported_value, computed_value, agrees FROM reported_check"
                        + " WHERE target = 'ikm' AND measure = 'nilai'")
                .getFirst();
        assertThat(check.get(0)).isEqualTo(88.02);
        assertThat((Double) check.get(1)).isCloseTo(88.162, within(0.001));
        assertThat(check.get(2)).isEqualTo(false);
        // the reported average's words ("Baik") agree with the band of the mean (B)
        assertThat(rows("SELECT reported_label, computed_label, agrees FROM reported_check WHERE target = 'ikm'"
                                + " AND measure = 'mutu'")
                        .getFirst())
                .containsExactly("Baik", "B", true);
    }

    @Test
    void twenty_three_units_report_a_mutu_the_permenpanrb_14_2017_bands_do_not_give() throws Exception {
        assertThat(number("SELECT count(*) FROM fact_ikm WHERE mutu IS DISTINCT FROM mutu_computed"))
                .isEqualTo(23);
        // 98,27 reported as Baik is A; 87,74 reported as Kurang Baik is B
        assertThat(rows(
                        "SELECT u.nama, f.mutu_label, f.mutu_computed FROM fact_ikm f JOIN unit_layanan u USING (unit_id)"
                                + " WHERE f.nilai IN (98.27, 87.74) ORDER BY f.nilai"))
                .containsExactly(
                        List.of("Puskesmas Teluk Pucung", "Kurang Baik", "B"),
                        List.of("Dinas Ketahanan Pangan, Pertanian dan Perikanan", "Baik", "A"));
        // puskesmas belong to Dinas Kesehatan
        assertThat(number("SELECT count(*) FROM fact_ikm f JOIN unit_layanan u USING (unit_id) JOIN opd o"
                        + " ON o.opd_id = f.opd_id WHERE u.jenis = 'puskesmas' AND o.singkatan = 'DINKES'"))
                .isEqualTo(48);
    }

    @Test
    void akip_2024_ranking_table_agrees_with_the_multi_year_table() throws Exception {
        assertThat(number("SELECT count(*) FROM fact_akip_opd WHERE periode_id = 20240"))
                .isEqualTo(44);
        assertThat(number("SELECT count(*) FROM fact_akip_opd WHERE periode_id = 20240 AND predikat_computed = 'A'"))
                .isEqualTo(13);
        assertThat(number("SELECT count(DISTINCT batch_id) FROM fact_akip_opd WHERE periode_id = 20240"))
                .isEqualTo(1);
        assertThat(number("SELECT count(DISTINCT batch_id) FROM fact_akip_opd WHERE periode_id < 20240"))
                .isEqualTo(1);
    }

    @Test
    void setda_akip_components_add_up_to_82_04_at_predikat_a() throws Exception {
        assertThat(rows("SELECT komponen, bobot, nilai FROM fact_akip_komponen ORDER BY urutan").stream()
                        .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                        .toList())
                .containsExactly(
                        "perencanaan 30.00 24.21",
                        "pengukuran 30.00 24.47",
                        "pelaporan 15.00 12.07",
                        "evaluasi 25.00 21.29");
        assertThat(lines("SELECT measure, reported_value, reported_label, computed_label, agrees FROM reported_check"
                        + " WHERE target = 'akip_komponen' ORDER BY row_no, measure"))
                .containsExactly(
                        "bobot | 100.0 | null | null | true",
                        "nilai | 82.04 | null | null | true",
                        "nilai | null | A | A | true");
    }

    @Test
    void the_city_own_akip_is_67_33_in_2024() throws Exception {
        assertThat(rows("SELECT periode_id // 10, nilai, predikat_computed FROM fact_akip_pemda ORDER BY 1").stream()
                        .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                        .toList())
                .containsExactly("2020 66.28 B", "2021 67.07 B", "2022 65.48 B", "2023 67.10 B", "2024 67.33 B");
    }

    @Test
    void setda_budget_tree_has_3_programs_19_kegiatan_56_sub_kegiatan() throws Exception {
        assertThat(rows("SELECT level, count(*) FROM kegiatan GROUP BY level ORDER BY level").stream()
                        .map(r -> r.get(0) + " " + r.get(1))
                        .toList())
                .containsExactly("kegiatan 19", "program 3", "sub_kegiatan 56");
        assertThat(number("SELECT sum(pagu_perubahan) FROM fact_anggaran WHERE level = 'program'"))
                .isEqualTo(235_997_078_013.0);
        // every kode row's selisih agrees with perubahan - murni
        assertThat(number("SELECT count(*) FROM fact_anggaran WHERE selisih IS DISTINCT FROM selisih_computed"))
                .isZero();
    }

    @Test
    void setda_programs_spent_82_85_95_13_and_88_64_percent() throws Exception {
        assertThat(rows(
                                "SELECT k.kode, f.persen, round(f.persen_computed, 2) FROM fact_realisasi_anggaran f JOIN kegiatan k"
                                        + " USING (item_id) WHERE f.level = 'program' ORDER BY k.kode")
                        .stream()
                        .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                        .toList())
                .containsExactly("1 82.85 82.85", "2 95.13 95.13", "3 88.64 88.64");
        assertThat(number("SELECT count(*) FROM fact_realisasi_anggaran")).isEqualTo(78);
        // the first "Sekretariat Daerah" row misprints the pagu before perubahan: flagged, not loaded as an item
        assertThat(rows(
                        "SELECT reported_value, computed_value, agrees FROM reported_check WHERE target = 'realisasi_anggaran'"
                                + " AND measure = 'pagu_sebelum' ORDER BY row_no"))
                .containsExactly(
                        List.of(29_444_689_696.0, 229_444_689_696.0, false),
                        List.of(229_444_689_696.0, 229_444_689_696.0, true),
                        List.of(229_444_689_696.0, 229_444_689_696.0, true));
    }

    @Test
    void setda_triwulan_plan_and_realisation_of_56_sub_kegiatan() throws Exception {
        assertThat(number("SELECT count(DISTINCT item_id) FROM fact_realisasi_triwulan"))
                .isEqualTo(56);
        assertThat(number("SELECT count(*) FROM fact_realisasi_triwulan")).isEqualTo(224);
        // Penyediaan Gaji dan Tunjangan ASN: realisasi over the year adds up to its 93,35 %
        assertThat(number(
                        "SELECT sum(realisasi_keuangan_pct) FROM fact_realisasi_triwulan JOIN kegiatan USING (item_id)"
                                + " WHERE kegiatan.kode = '1.2.02.1'"))
                .isCloseTo(93.35, within(0.001));
        // a name cut off by a page break is taken from its Realisasi row
        assertThat(number("SELECT count(*) FROM fact_realisasi_triwulan JOIN kegiatan USING (item_id)"
                        + " WHERE kegiatan.kode IN ('2.2.03.3', '3.2.03.2')"))
                .isEqualTo(8);
        assertThat(rows("SELECT target_fisik, satuan, realisasi_fisik FROM fact_realisasi_triwulan JOIN kegiatan"
                                + " USING (item_id) WHERE kegiatan.kode = '1.2.01.1' ORDER BY periode_id")
                        .getFirst())
                .containsExactly(6.0, "Dokumen", 6.0);
    }

    @Test
    void setda_iku_capaian_is_recomputed_by_direction() throws Exception {
        assertThat(lines("SELECT i.nama, f.arah, f.capaian, round(f.capaian_computed, 2) FROM fact_iku f"
                        + " JOIN indikator i USING (indikator_id) ORDER BY f.row_no"))
                .containsExactly(
                        "Persentase Capaian IKK yang meningkat | higher | 123.97 | 123.98",
                        "Indeks Pelaksanaan Pembangunan | higher | 100.99 | 100.99",
                        "Nilai AKIP SETDA | qualitative | 100.00 | 100.0",
                        "Nilai IKM SETDA | higher | 106.18 | 106.18",
                        // 29,55 against 22,73 is 130,00; the table reports 129,98
                        "Persentase OPD yang menerapkan SAKIP berkualitas | higher | 129.98 | 130.0");
        assertThat(number("SELECT count(DISTINCT sasaran) FROM indikator")).isEqualTo(3);
    }
}
