package id.sorot.profile.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One OPD on one page, against the LKIP Setda Kota Bekasi 2024 (Tabel 3.1, 3.7, 3.13, 3.26, 3.28, 3.36). */
class OpdProfileViewTest extends BrowserTest {

    @Test
    void setda_2024_components_iku_realisasi_per_program_and_disagreements() throws Exception {
        browser.open(baseUrl() + "/opd/4.01.01?tahun=2024", "profile-komponen-grid");

        assertThat(browser.text("opd-profile")).contains("Sekretariat Daerah (SETDA)");
        assertThat(browser.text("profile-tile-akip")).contains("82,04 A").contains("peringkat 5 dari 44");
        // Tabel 3.13: 24,21 / 24,47 / 12,07 / 21,29 of 30 / 30 / 15 / 25
        assertThat(browser.gridRows("profile-komponen-grid"))
                .containsExactly(
                        List.of("Perencanaan Kinerja", "24,21", "30,00", "80,70%"),
                        List.of("Pengukuran Kinerja", "24,47", "30,00", "81,57%"),
                        List.of("Pelaporan Kinerja", "12,07", "15,00", "80,47%"),
                        List.of("Evaluasi Akuntabilitas Kinerja Internal", "21,29", "25,00", "85,16%"));
        assertThat(browser.gridRows("profile-akip-grid").stream()
                        .map(r -> r.subList(0, 3))
                        .toList())
                .containsExactly(
                        List.of("2021", "80,30", "A"),
                        List.of("2022", "80,42", "A"),
                        List.of("2023", "81,85", "A"),
                        List.of("2024", "82,04", "A"));

        // Tabel 3.36: 86,19 % of Rp 235.997.078.013; per program 82,85 %, 95,13 %, 88,64 %
        assertThat(browser.text("profile-realisasi-money"))
                .contains("Rp 235.997.078.013")
                .contains("Rp 203.400.576.968");
        assertThat(browser.gridRows("profile-program-grid").stream()
                        .map(List::getLast)
                        .toList())
                .containsExactly("82,85%", "95,13%", "88,64%");
        assertThat(browser.text("profile-tile-keuangan")).contains("86,19%");

        // Tabel 3.1: five IKU, all met; SAKIP berkualitas 29,55 against 22,73 is 130,00 %, reported 129,98 %
        List<List<String>> iku = browser.gridRows("profile-iku-grid");
        assertThat(iku).hasSize(5);
        assertThat(iku)
                .contains(List.of(
                        "Persentase OPD yang menerapkan SAKIP berkualitas",
                        "22,73",
                        "29,55",
                        "130,00%",
                        "129,98%",
                        "AA"))
                .contains(
                        List.of("Persentase Capaian IKK yang meningkat", "40%", "49,59%", "123,98%", "123,97%", "AA"));
        assertThat(iku)
                .anySatisfy(r -> assertThat(r.subList(1, 4)).containsExactly("A (82.04)", "A (82.04)", "100,00%"));
        assertThat(browser.text("profile-tile-iku")).contains("5 / 5");

        List<List<String>> disagreements = browser.gridRows("profile-disagree-grid");
        assertThat(disagreements).anySatisfy(r -> assertThat(r)
                .containsExactly(
                        "Capaian IKU",
                        "Persentase OPD yang menerapkan SAKIP berkualitas",
                        "Capaian",
                        "129,98",
                        "130,00"));
        // the OPD row of Tabel 3.36 prints 29.444.689.696 before perubahan; its sub kegiatan add up to 229.444.689.696
        assertThat(disagreements).anySatisfy(r -> assertThat(r)
                .containsExactly(
                        "Pagu dan realisasi sub kegiatan",
                        "OPD (baris 6)",
                        "Pagu sebelum perubahan",
                        "29.444.689.696",
                        "229.444.689.696"));
        assertThat(browser.gridRows("profile-ikm-grid").getFirst().subList(0, 4))
                .containsExactly("Sekretariat Daerah", "Sekretariat", "88,13", "B");
        // the triwulan curve of Lampiran 4 reaches the 86,19 % of the year
        Number last = (Number) browser.chart("profile-triwulan-chart", "o.series[1].data[3]");
        assertThat(last.doubleValue()).isCloseTo(86.19, org.assertj.core.data.Offset.offset(0.01));
        browser.screenshot("profile-setda-2024");
    }

    @Test
    void disperkimtan_fell_from_79_28_to_57_19_and_spent_30_35_points_behind_plan() throws Exception {
        browser.open(baseUrl() + "/opd/1.04.02", "profile-realisasi-grid");

        assertThat(browser.gridRows("profile-akip-grid").stream()
                        .map(r -> r.subList(0, 3))
                        .toList())
                .containsExactly(
                        List.of("2021", "79,23", "BB"),
                        List.of("2022", "79,28", "BB"),
                        List.of("2023", "57,19", "CC"),
                        List.of("2024", "69,25", "B"));
        // Tabel 3.7: keuangan 69,65 % of 100 % (deviasi -30,35), fisik 90,12 % of 100 % (-9,88)
        assertThat(browser.gridRows("profile-realisasi-grid"))
                .containsExactly(
                        List.of("Keuangan", "100,00%", "69,65%", "−30,35"),
                        List.of("Fisik", "100,00%", "90,12%", "−9,88"));
        assertThat(browser.text("profile-realisasi-grid")).isNotNull();
        assertThat(browser.js("return document.querySelector('#profile-realisasi-grid .s-merah') != null"))
                .isEqualTo(true);
        assertThat(browser.text("profile-komponen-panel")).contains("Tidak ada data");
        browser.screenshot("profile-disperkimtan-2024");
    }

    @Test
    void an_unknown_kode_says_so() {
        browser.open(baseUrl() + "/opd/9.99.99", "opd-profile");
        assertThat(browser.text("opd-profile")).contains("kode 9.99.99 tidak dikenal");
    }
}
