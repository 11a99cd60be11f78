package id.sorot.akip.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weak-predikat list for the Bagian Organisasi, against LKIP Setda Kota Bekasi Tabel 3.28. */
class WeakPredikatViewTest extends BrowserTest {

    @Test
    void in_2024_satpol_pp_fell_furthest_and_nine_opds_are_at_b() throws Exception {
        browser.open(baseUrl() + "/akip/lemah?tahun=2024", "weak-grid");

        List<List<String>> rows = browser.gridRows("weak-grid");
        // OPD, nilai 2023, predikat 2023, nilai 2024, predikat 2024, change, rank, why
        assertThat(rows.getFirst())
                .containsExactly(
                        "SATPOL PP",
                        "70,43",
                        "BB",
                        "64,26",
                        "B",
                        "▼ −6,17",
                        "39",
                        "turun predikat; predikat B ke bawah");
        assertThat(rows.get(1).subList(0, 6)).containsExactly("BAPENDA", "79,10", "BB", "78,07", "BB", "▼ −1,03");
        assertThat(rows.stream().filter(r -> r.get(4).equals("B")).count()).isEqualTo(9);
        assertThat(browser.text("weak-tile-low")).contains("9");
        assertThat(browser.text("weak-tile-fell-predikat")).contains("1");
        // those that rose but stay at B come after every fall, DISARPUSDA (+14,51) last
        assertThat(rows.getLast().subList(0, 6)).containsExactly("DISARPUSDA", "55,38", "CC", "69,89", "B", "▲ +14,51");
        assertThat(((Number) browser.chart("weak-chart", "o.series[0].data.length")).intValue())
                .isEqualTo(rows.size());
        browser.screenshot("akip-weak-2024");
    }

    @Test
    void in_2023_disarpusda_and_disperkimtan_fell_furthest_and_a_click_opens_the_profile() throws Exception {
        browser.open(baseUrl() + "/akip/lemah?tahun=2023", "weak-grid");
        List<List<String>> rows = browser.gridRows("weak-grid");
        assertThat(rows.get(0).subList(0, 6)).containsExactly("DISARPUSDA", "79,88", "BB", "55,38", "CC", "▼ −24,50");
        assertThat(rows.get(1).subList(0, 6)).containsExactly("DISPERKIMTAN", "79,28", "BB", "57,19", "CC", "▼ −22,09");
        browser.screenshot("akip-weak-2023");

        browser.clickLink("weak-grid", "DISPERKIMTAN", "profile-akip-grid");
        assertThat(browser.url()).endsWith("/opd/1.04.02?tahun=2023");
        List<List<String>> history = browser.gridRows("profile-akip-grid");
        assertThat(history.get(2).subList(0, 3)).containsExactly("2023", "57,19", "CC");
    }
}
