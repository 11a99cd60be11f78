package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The two Kota Bekasi pohon kinerja load as their README counts them (rows, nodes, nodes and
 * indicator rows per depth), with levels read from the jabatan; outlines that cannot be placed
 * (a child before its parent, a node split in two, a row that disagrees with its node, a target
 * with no indicator, a target no rule reads) are refused with the row, and nothing is stored.
 */
class PohonKinerjaLoadTest extends WithLoadFixture {

    private static final Path SAMPLES = Path.of("etl/samples/pohon-kinerja-kota-bekasi");
    private static final Path BAD = Path.of("src/test/resources/etl/pohon");

    private LoadResult load(String file, String opd) throws Exception {
        return fx.load(
                fx.job("pohon_kinerja_outline"),
                SAMPLES.resolve(file),
                new LoadRequest("3275", "2025", opd, "uji"),
                true);
    }

    private List<String> rows(String sql) throws Exception {
        return fx.rows(sql, " ");
    }

    private static final String OPD = "(SELECT opd_id FROM opd WHERE singkatan = '%s')";

    @Test
    void setwan_has_187_rows_48_nodes_by_depth_1_2_4_17_24() throws Exception {
        LoadResult r = load("setwan_kota_bekasi_pohon_kinerja.tsv", "SETWAN");
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(r.rowsLoaded()).isEqualTo(187);
        String setwan = OPD.formatted("SETWAN");
        assertThat(rows("SELECT depth, count(*), sum(indikator_count) FROM v_pohon_kinerja_node WHERE opd_id = "
                        + setwan + " AND periode_id = 20250 GROUP BY depth ORDER BY depth"))
                .containsExactly("1 1 1", "2 2 4", "3 4 14", "4 17 17", "5 24 151");
        assertThat(fx.count("SELECT count(DISTINCT jabatan) FROM fact_pohon_kinerja WHERE opd_id = " + setwan))
                .isEqualTo(37);
        // the README: 3x "75.4%" on 1.1 and "77,8" (Nilai AKIP Perangkat Daerah) on 1.2, no other target
        assertThat(rows("SELECT kode, target_kind, target, satuan FROM fact_pohon_kinerja WHERE target_text IS NOT NULL"
                        + " AND opd_id = " + setwan + " ORDER BY row_no"))
                .containsExactly("1.1 angka 75.4 %", "1.1 angka 75.4 %", "1.1 angka 75.4 %", "1.2 angka 77.8 null");
        // levels: the Sekretaris DPRD's tujuan and two sasaran, 4 Kabag programs; at depth 4 the
        // Kasubag and the JF Ahli Muda are kegiatan, the one JF without a grade in its title
        // (Analis Keuangan Pusat dan Daerah) counts as individu, like the 24 pelaksana below
        assertThat(rows("SELECT level, count(*) FROM v_pohon_kinerja_node WHERE opd_id = " + setwan
                        + " GROUP BY level"))
                .containsExactlyInAnyOrder("tujuan_pd 1", "sasaran_pd 2", "program 4", "kegiatan 16", "individu 25");
    }

    @Test
    void dinsos_has_94_rows_87_nodes_and_17_without_an_indicator() throws Exception {
        LoadResult r = load("dinsos_kota_bekasi_pohon_kinerja_2025.tsv", "DINSOS");
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(r.rowsLoaded()).isEqualTo(94);
        String dinsos = OPD.formatted("DINSOS");
        assertThat(rows("SELECT depth, count(*), sum(indikator_count) FROM v_pohon_kinerja_node WHERE opd_id = "
                        + dinsos + " GROUP BY depth ORDER BY depth"))
                .containsExactly("1 1 1", "2 7 7", "3 21 27", "4 32 30", "5 12 11", "6 14 1");
        assertThat(fx.count(
                        "SELECT count(*) FROM v_pohon_kinerja_node WHERE indikator_count = 0 AND opd_id = " + dinsos))
                .isEqualTo(17);
        assertThat(fx.count("SELECT count(*) FROM v_pohon_kinerja_node WHERE sasaran IS NULL AND opd_id = " + dinsos))
                .isEqualTo(20);
        assertThat(fx.count("SELECT count(DISTINCT jabatan) FROM fact_pohon_kinerja WHERE opd_id = " + dinsos))
                .isEqualTo(34);
        assertThat(fx.count("SELECT count(target_text) FROM fact_pohon_kinerja WHERE opd_id = " + dinsos))
                .isZero();
        // Pekerja Sosial nodes per Kabid: 6 / 4 / 7 / 5 (README)
        assertThat(rows("SELECT p.jabatan, count(*) FROM v_pohon_kinerja_node n JOIN v_pohon_kinerja_node p"
                        + " ON p.opd_id = n.opd_id AND p.kode = n.parent_kode WHERE n.jabatan LIKE '%Pekerja Sosial%'"
                        + " AND n.opd_id = " + dinsos + " GROUP BY p.jabatan ORDER BY min(p.node_no)"))
                .containsExactly(
                        "KEPALA BIDANG REHABILITASI SOSIAL 6",
                        "KEPALA BIDANG PERLINDUNGAN DAN JAMINAN SOSIAL 4",
                        "KEPALA BIDANG PENANGGULANGAN MASYARAKAT MISKIN 7",
                        "KEPALA BIDANG PEMBERDAYAAN SOSIAL 5");
        // the Sekretaris (depth 2) is an administrator: its 5 nodes are program level, as the 4 Kabid;
        // kegiatan are the pengawas and JF Ahli Muda: Perencana 2, Analis Keuangan 1, Kasubag Umum
        // dan Kepegawaian 14, Pekerja Sosial 22; the 36 others are individu
        assertThat(rows("SELECT level, count(*) FROM v_pohon_kinerja_node WHERE opd_id = " + dinsos
                        + " GROUP BY level"))
                .containsExactlyInAnyOrder("tujuan_pd 1", "sasaran_pd 2", "program 9", "kegiatan 39", "individu 36");
    }

    /**
     * Tabel 2.1 of the Setda LKIP: one tujuan and three sasaran with five indicators, a target for
     * each of 2024-2026 under one merged "Target" cell; the tujuan text continues after a page
     * break, the two last indicators of 1.3 print no No or sasaran (README facts).
     */
    @Test
    void the_setda_plan_matrix_is_the_top_of_its_tree_for_each_renstra_year() throws Exception {
        LoadResult r = fx.load(
                fx.job("setda_matriks_perencanaan"),
                Path.of("etl/samples/kota-bekasi-2024/setda_matriks_perencanaan_2024_2026.tsv"),
                new LoadRequest("3275", null, "SETDA", "uji"),
                true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(r.rowsLoaded()).isEqualTo(18);
        String setda = OPD.formatted("SETDA");
        assertThat(rows("SELECT periode_id // 10, count(*), sum(indikator_count), sum(target_count)"
                        + " FROM v_pohon_kinerja_node WHERE opd_id = " + setda + " GROUP BY ALL ORDER BY 1"))
                .containsExactly("2024 4 6 6", "2025 4 6 6", "2026 4 6 6");
        assertThat(rows("SELECT kode, level, jabatan, sasaran FROM v_pohon_kinerja_node WHERE kode = '1'"
                        + " AND periode_id = 20240 AND opd_id = " + setda))
                .containsExactly("1 tujuan_pd Sekretaris Daerah Meningkatkan akuntabilitas dan profesionalisme"
                        + " pengelolaan layanan pemerintah");
        assertThat(rows("SELECT kode, indikator, target_text, target_kind, target, target_grade FROM fact_pohon_kinerja"
                        + " WHERE periode_id = 20240 AND opd_id = " + setda + " ORDER BY row_no"))
                .containsExactly(
                        "1 Persentase Perangkat Daerah yang Menerapkan Reformasi Birokrasi. 100% angka 100.0 null",
                        "1.1 Persentase Capaian IKK yang meningkat 40% angka 40.0 null",
                        "1.2 Indeks Pelaksanaan Pembangunan 88 angka 88.0 null",
                        "1.3 Nilai IKM 83 angka 83.0 null",
                        "1.3 Persentase OPD yang menerapkan SAKIP Berkualitas 22,73% angka 22.73 null",
                        "1.3 Nilai AKIP Setda A (82,04) predikat 82.04 A");
        // targets are the same in all three years except AKIP: A (82,06) in 2025, A (82,08) in 2026
        assertThat(rows(
                        "SELECT periode_id // 10, target_text FROM fact_pohon_kinerja WHERE indikator LIKE 'Nilai AKIP%'"
                                + " AND opd_id = " + setda + " ORDER BY 1"))
                .containsExactly("2024 A (82,04)", "2025 A (82,06)", "2026 A (82,08)");
    }

    @Test
    void a_reload_replaces_the_tree_of_that_opd_and_year_only() throws Exception {
        load("setwan_kota_bekasi_pohon_kinerja.tsv", "SETWAN");
        load("dinsos_kota_bekasi_pohon_kinerja_2025.tsv", "DINSOS");
        LoadResult again = load("dinsos_kota_bekasi_pohon_kinerja_2025.tsv", "DINSOS");
        assertThat(again.status()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(fx.count("SELECT count(*) FROM fact_pohon_kinerja")).isEqualTo(187 + 94);
    }

    private List<String> problems(String file) throws Exception {
        long before = fx.count("SELECT count(*) FROM fact_pohon_kinerja");
        LoadResult r = fx.load(
                fx.job("pohon_kinerja_outline"),
                BAD.resolve(file),
                new LoadRequest("3275", "2025", "DINSOS", "uji"),
                true);
        assertThat(r.status()).isNotEqualTo(LoadResult.Status.LOADED);
        assertThat(fx.count("SELECT count(*) FROM fact_pohon_kinerja")).isEqualTo(before);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return r.problems().stream()
                .map(p -> p.render(messages, Locale.ENGLISH))
                .toList();
    }

    @Test
    void a_child_before_its_parent_is_refused_with_its_row() throws Exception {
        assertThat(problems("orphan.tsv"))
                .singleElement()
                .asString()
                .contains("orphan.tsv", "row 3", "kode", "1.2.1", "comes before its parent '1.2'");
    }

    @Test
    void a_node_split_in_two_is_refused() throws Exception {
        assertThat(problems("split.tsv"))
                .singleElement()
                .asString()
                .contains("row 5", "node '1.1' appears again after other nodes (first at row 3)");
    }

    @Test
    void rows_that_disagree_with_their_node_or_cannot_be_read_are_refused() throws Exception {
        assertThat(problems("conflict.tsv"))
                .hasSize(3)
                .anySatisfy(p ->
                        assertThat(p).contains("row 4", "jabatan", "'KEPALA BIDANG' here but 'KEPALA DINAS' at row 3"))
                .anySatisfy(p -> assertThat(p).contains("row 5", "target", "20 Unit", "with no indicator"))
                .anySatisfy(
                        p -> assertThat(p).contains("row 6", "target", "7,5..8 %", "is not a target Sorot can read"));
    }
}
