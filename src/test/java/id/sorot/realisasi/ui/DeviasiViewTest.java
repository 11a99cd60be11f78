package id.sorot.realisasi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.BrowserTest;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.EtlService;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Realisasi and deviasi of the 44 OPDs (LKIP Setda Tabel 3.7) and the Setda triwulan curves (Lampiran 4). */
class DeviasiViewTest extends BrowserTest {

    @Autowired
    EtlService etl;

    /** The grid row of one OPD, by its short name in the second column. */
    private static List<String> row(List<List<String>> rows, String opd) {
        return rows.stream().filter(r -> r.get(1).equals(opd)).findFirst().orElseThrow();
    }

    @Autowired
    Store store;

    /**
     * 2023 of the contoh-format tables: ten monthly snapshots of 3 OPDs with anggaran, then a news
     * release "per 30 November 2023" of 4 OPDs without anggaran or rencana. The latest is shown by
     * default and says what it lacks; another is picked by date; the curve runs over all eleven.
     */
    @Test
    void a_year_of_snapshots_shows_the_latest_says_what_it_lacks_and_curves_over_all() throws Exception {
        Path contoh = Path.of("etl/samples/contoh-format");
        LoadRequest request = new LoadRequest("3275", null, null, "uji");
        List<Long> batches = new ArrayList<>();
        try {
            for (String[] jf : new String[][] {
                {"realisasi_opd_bulanan", "realisasi_bulanan_2023.tsv"},
                {"realisasi_opd_berita", "realisasi_berita_2023.tsv"}
            }) {
                LoadResult r = etl.load(jf[0], SourceFile.of(contoh.resolve(jf[1])), request, null);
                assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
                batches.add(r.batchId());
            }
            browser.open(baseUrl() + "/deviasi?tahun=2023", "deviasi-grid");
            assertThat(browser.text("deviasi-snapshot")).contains("30 November 2023");
            assertThat(browser.text("deviasi-chart-unavailable"))
                    .contains("tidak tersedia")
                    .contains("sumber tidak memuat anggaran dan rencana keuangan");
            assertThat(browser.text("deviasi-tile-keuangan"))
                    .contains("tidak tersedia")
                    .contains("Rp 1.425.288.000.000");
            List<List<String>> rows = browser.gridRows("deviasi-grid");
            assertThat(rows).hasSize(4);
            // kode, OPD, anggaran, rencana, realisasi keuangan (Sorot), (sumber), Rp, deviasi, rencana fisik, fisik,
            // ...
            List<String> rsud = row(rows, "RSUD");
            assertThat(rsud.subList(2, 7))
                    .containsExactly(
                            "tidak tersedia", "tidak tersedia", "tidak tersedia", "75,65%", "Rp 176.038.000.000");
            assertThat(rsud.get(9)).isEqualTo("80,22%");
            assertThat(((Number) browser.chart("snapshot-chart", "o.series.length")).intValue())
                    .isEqualTo(4);
            // the city's keuangan over the ten months (3 OPDs, weighted by anggaran), none on 30 November
            assertThat(((Number) browser.chart("snapshot-chart", "o.series[0].data.length")).intValue())
                    .isEqualTo(11);
            assertThat(browser.chart("snapshot-chart", "o.series[0].data[10][1]"))
                    .isEqualTo("-");
            browser.screenshot("deviasi-2023-snapshots");

            browser.open(baseUrl() + "/deviasi?tahun=2023&per=2023-10-31", "deviasi-grid");
            List<List<String>> october = browser.gridRows("deviasi-grid");
            assertThat(october).hasSize(3);
            List<String> disdik = row(october, "DISDIK");
            assertThat(disdik.subList(2, 5)).containsExactly("Rp 1.200.000.000.000", "tidak tersedia", "70,00%");
            assertThat(browser.text("deviasi-tile-keuangan")).doesNotContain("tidak tersedia");
        } finally {
            // the shared store goes back to what the other tests expect
            try (DuckDBConnection c = store.connect();
                    Statement s = c.createStatement()) {
                String ids =
                        String.join(",", batches.stream().map(String::valueOf).toList());
                if (!ids.isEmpty()) {
                    s.execute("DELETE FROM fact_realisasi_opd WHERE batch_id IN (" + ids + ")");
                    s.execute("DELETE FROM reported_check WHERE batch_id IN (" + ids + ")");
                    s.execute("DELETE FROM batch WHERE batch_id IN (" + ids + ")");
                }
            }
        }
    }

    @Test
    void city_realisasi_85_95_disperkimtan_worst_and_the_default_thresholds() throws Exception {
        browser.open(baseUrl() + "/deviasi", "deviasi-grid");

        assertThat(browser.text("deviasi-tile-keuangan"))
                .contains("85,95%")
                .contains("Rp 6.475.000.979.427 dari Rp 7.533.144.934.916");
        assertThat(browser.text("deviasi-tile-fisik")).contains("96,90%");
        List<List<String>> rows = browser.gridRows("deviasi-grid");
        assertThat(rows).hasSize(44);
        // kode, OPD, anggaran, rencana and realisasi keuangan, deviasi, rencana and realisasi fisik, deviasi, status
        assertThat(rows.getFirst())
                .containsExactly(
                        "1.04.02",
                        "DISPERKIMTAN",
                        "Rp 751.036.065.658",
                        "100,00%",
                        "69,65%",
                        "−30,35",
                        "100,00%",
                        "90,12%",
                        "−9,88",
                        "merah");
        long red = rows.stream().filter(r -> r.get(9).equals("merah")).count();
        long yellow = rows.stream().filter(r -> r.get(9).equals("kuning")).count();
        long green = rows.stream().filter(r -> r.get(9).equals("hijau")).count();
        assertThat(red + yellow + green).isEqualTo(44);
        assertThat(browser.text("deviasi-tile-status")).contains(red + " / " + yellow + " / " + green);
        // red below -10, yellow from -10 to -5, green from -5: each row's status agrees with its deviasi.
        // DPPKB is the one row on a boundary: the source prints -10,00, but its rupiah give -10,0013,
        // and the status follows the figure as computed (below -10: red)
        List<String> dppkb = row(rows, "DPPKB");
        assertThat(dppkb.get(5)).isEqualTo("−10,00");
        assertThat(dppkb.get(9)).isEqualTo("merah");
        for (List<String> r : rows) {
            if (r == dppkb) continue;
            double d = Double.parseDouble(r.get(5).replace('−', '-').replace(',', '.'));
            String expected = d < -10 ? "merah" : d < -5 ? "kuning" : "hijau";
            assertThat(r.get(9)).as(r.get(1)).isEqualTo(expected);
        }
        // Tabel 3.7: 23 OPDs more than 10 points behind their spending plan, 9 between 5 and 10
        assertThat(List.of(red, yellow, green)).containsExactly(23L, 9L, 12L);
        assertThat(((Number) browser.chart("deviasi-scatter", "o.series[0].data.length")).intValue())
                .isEqualTo(44);
        assertThat(browser.chart("deviasi-chart", "o.series[0].data[o.series[0].data.length - 1].id"))
                .isEqualTo("1.04.02");
        // Setda: the cumulative realisasi of the four triwulan of Lampiran 4 is the 86,19 % of the year
        Number tw4 = (Number) browser.chart("triwulan-chart", "o.series[1].data[3]");
        assertThat(tw4.doubleValue()).isCloseTo(86.19, Offset.offset(0.01));
        browser.screenshot("deviasi-2024");
    }

    @Test
    void thresholds_and_measure_come_from_the_url() throws Exception {
        browser.open(baseUrl() + "/deviasi?tahun=2024&merah=-20&kuning=-15", "deviasi-grid");
        // DISPERKIMTAN -30,35, BAPENDA -29,85, SETWAN -24,01 are below -20; DLH -18,93, DISNAKER -16,53, DKPPP -15,17
        // are below -15
        assertThat(browser.text("deviasi-tile-status")).contains("3 / 3 / 38");

        browser.open(baseUrl() + "/deviasi?tahun=2024&ukuran=fisik", "deviasi-grid");
        // by deviasi fisik DISPERKIMTAN (-9,88) is last of the chart too
        Number worst = (Number) browser.chart("deviasi-chart", "o.series[0].data[o.series[0].data.length - 1].value");
        assertThat(worst.doubleValue()).isCloseTo(-9.88, Offset.offset(0.005));

        browser.open(baseUrl() + "/deviasi?tahun=2024&merah=-5&kuning=-10", "deviasi-grid");
        // red above yellow makes no sense: the defaults stand
        assertThat(browser.text("deviasi-tile-status")).contains("merah di bawah −10,00");
    }

    @Test
    void one_sub_kegiatan_shows_fisik_against_its_yearly_target() throws Exception {
        browser.open(baseUrl() + "/deviasi?tahun=2024&opd=4.01.01&sub=1.2.06.1", "triwulan-chart");
        assertThat(((Number) browser.chart("triwulan-chart", "o.series.length")).intValue())
                .isEqualTo(4);
        assertThat(browser.text("deviasi-triwulan-panel")).contains("Penyediaan Komponen Instalasi Listrik");
        browser.screenshot("deviasi-2024-sub-kegiatan");
    }
}
