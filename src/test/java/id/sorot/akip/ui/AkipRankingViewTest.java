package id.sorot.akip.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Browser;
import id.sorot.BrowserTest;
import id.sorot.access.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AKIP ranking as a person sees it in headless Chromium, against the LKIP Setda Kota Bekasi
 * 2024 (Tabel 3.28, 3.15 and 3.17).
 */
class AkipRankingViewTest extends BrowserTest {

    /** Rank, OPD, jenis, nilai, predikat and change: the columns before the sparkline. */
    private static List<List<String>> rows() {
        return browser.gridRows("akip-grid").stream().map(r -> r.subList(0, 6)).toList();
    }

    private static double number(String id) {
        return Double.parseDouble(id.replace(".", "").replace(',', '.'));
    }

    @Test
    void ranking_2024_shows_44_opds_from_bappelitbangda_to_disdik_with_13_at_a() throws Exception {
        browser.open(baseUrl() + "/", "akip-grid");

        List<List<String>> rows = rows();
        assertThat(rows).hasSize(44);
        assertThat(rows.getFirst()).containsExactly("1", "BAPPELITBANGDA", "Badan", "85,02", "A", "▲ +2,86");
        assertThat(rows.getLast()).containsExactly("44", "DISDIK", "Dinas", "60,05", "B", "▼ −0,01");
        assertThat(rows.stream().filter(r -> r.get(4).equals("A")).count()).isEqualTo(13);
        assertThat(rows.stream().filter(r -> r.get(4).equals("BB")).count()).isEqualTo(22);
        assertThat(browser.text("akip-tile-a")).contains("13 dari 44 OPD (29,55%)");
        assertThat(browser.text("akip-ranking")).contains("Kota Bekasi, tahun 2024: 44 perangkat daerah dievaluasi");
        // the pemda's own AKIP (Tabel 3.17): 67,33, B, up 0,23 on 2023
        assertThat(browser.text("akip-tile-pemda"))
                .contains("67,33")
                .contains("predikat B")
                .contains("+0,23");
        // SATPOL PP fell from 70,43 (BB) to 64,26 (B): the only fall of a predikat in 2024
        assertThat(browser.text("akip-tile-fell")).contains("1").contains("SATPOL PP BB→B");

        // mean and median as a person would compute them from the grid
        List<Double> nilai = rows.stream().map(r -> number(r.get(3))).sorted().toList();
        double mean = nilai.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double median = (nilai.get(21) + nilai.get(22)) / 2;
        String tile = browser.text("akip-tile-mean");
        assertThat(tile)
                .contains(String.format(java.util.Locale.ROOT, "%.2f", mean).replace('.', ','));
        assertThat(tile)
                .contains("median "
                        + String.format(java.util.Locale.ROOT, "%.2f", median).replace('.', ','));

        @SuppressWarnings("unchecked")
        Map<String, Object> chart = (Map<String, Object>) browser.chart(
                "akip-chart",
                "{series: o.series.map(s => s.name), bars: o.series.flatMap(s => s.data).filter(v => v != null).length,"
                        + " categories: o.yAxis[0].data.length, top: o.yAxis[0].data[o.yAxis[0].data.length - 1]}");
        assertThat(chart.get("series")).isEqualTo(List.of("A", "BB", "B"));
        assertThat(((Number) chart.get("bars")).intValue()).isEqualTo(44);
        assertThat(((Number) chart.get("categories")).intValue()).isEqualTo(44);
        assertThat(chart.get("top")).isEqualTo("BAPPELITBANGDA");

        // the distribution: 2024 has 13 A, 22 BB and 9 B; 2023 has 9 A
        @SuppressWarnings("unchecked")
        Map<String, Object> dist = (Map<String, Object>)
                browser.chart(
                        "akip-distribution",
                        "Object.fromEntries(o.series.map(s => [s.name, s.data.map(v => v == null ? 0 : typeof v === 'object' ? v.value : v)]))");
        assertThat(dist.get("A")).isEqualTo(List.of(8L, 11L, 9L, 13L));
        assertThat(dist.get("BB")).isEqualTo(List.of(33L, 31L, 25L, 22L));
        assertThat(dist.get("B")).isEqualTo(List.of(2L, 1L, 6L, 9L));
        assertThat(dist.get("CC")).isEqualTo(List.of(0L, 1L, 4L, 0L));

        Path shot = browser.screenshot("akip-ranking-2024");
        assertThat(Files.size(shot)).isGreaterThan(20_000);
    }

    @Test
    void the_url_holds_the_year_and_2023_has_9_opds_at_a() throws Exception {
        browser.open(baseUrl() + "/akip?tahun=2023", "akip-grid");

        List<List<String>> rows = rows();
        assertThat(rows).hasSize(44);
        assertThat(rows.stream().filter(r -> r.get(4).equals("A")).count()).isEqualTo(9);
        assertThat(browser.text("akip-tile-a")).contains("9 dari 44 OPD (20,45%)");
        // DISPERKIMTAN fell from 79,28 to 57,19 in 2023
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(1, 6))
                .containsExactly("DISPERKIMTAN", "Dinas", "57,19", "CC", "▼ −22,09"));
        assertThat(browser.text("akip-tile-pemda")).contains("67,10");
        browser.screenshot("akip-ranking-2023");
    }

    @Test
    void filters_by_jenis_and_predikat_keep_the_city_rank() throws Exception {
        browser.open(baseUrl() + "/akip?tahun=2024&jenis=kecamatan", "akip-grid");
        List<List<String>> rows = rows();
        assertThat(rows).hasSize(12).allSatisfy(r -> assertThat(r.get(2)).isEqualTo("Kecamatan"));
        // KEC. MEDANSATRIA is 17th of all 44, and stays 17th when only kecamatan are shown
        assertThat(rows.getFirst()).containsExactly("17", "KEC. MEDANSATRIA", "Kecamatan", "78,90", "BB", "▲ +1,51");
        long a = rows.stream().filter(r -> r.get(4).equals("A")).count();
        assertThat(browser.text("akip-tile-a")).contains(a + " dari 12 OPD");
        assertThat(browser.text("akip-ranking")).contains("Kecamatan");
        browser.screenshot("akip-ranking-kecamatan");

        browser.open(baseUrl() + "/akip?tahun=2024&predikat=A,AA", "akip-grid");
        assertThat(rows()).hasSize(13).allSatisfy(r -> assertThat(r.get(4)).isEqualTo("A"));
        assertThat(browser.text("akip-tile-a")).contains("13 dari 13 OPD (100,00%)");

        browser.open(baseUrl() + "/akip?tahun=2024&jenis=tidak-ada", "akip-grid");
        assertThat(rows()).hasSize(44);
    }

    @Test
    void choosing_a_year_changes_the_url_and_back_returns() {
        browser.open(baseUrl() + "/akip?tahun=2024", "akip-grid");
        browser.setValue("akip-year", "2");
        browser.waitUntil("location.search.includes('tahun=2023')");
        assertThat(browser.text("akip-tile-a")).contains("9 dari 44 OPD");

        browser.js("history.back();");
        browser.waitUntil("location.search.includes('tahun=2024')");
        browser.waitUntil("document.getElementById('akip-tile-a').innerText.includes('13 dari 44')");
    }

    @Test
    void clicking_an_opd_opens_its_profile_and_back_returns_to_the_ranking() {
        browser.open(baseUrl() + "/akip?tahun=2024", "akip-grid");
        browser.clickLink("akip-grid", "DISPERKIMTAN", "opd-profile");
        assertThat(browser.url()).endsWith("/opd/1.04.02?tahun=2024");
        browser.waitUntil("document.getElementById('opd-profile').innerText.includes('Dinas Perumahan')");

        browser.js("history.back();");
        browser.waitUntil("document.getElementById('akip-grid')");
        assertThat(browser.url()).endsWith("/akip?tahun=2024");
    }

    @Test
    void in_english_the_words_change_and_the_numbers_stay_indonesian() throws Exception {
        try (Browser english = new Browser(1920, 1080).signInAs(user(Role.ADMIN), PASSWORD)) {
            english.open(baseUrl() + "/akip?tahun=2024", "akip-grid");
            english.setValue("language", "2");
            english.waitUntil("document.getElementById('akip-ranking')"
                    + " && document.getElementById('akip-ranking').innerText.includes('AKIP ranking of agencies')");
            assertThat(english.text("akip-tile-a")).contains("13 of 44 agencies (29,55%)");
            assertThat(english.text("akip-ranking")).contains("Kota Bekasi, 2024: 44 agencies evaluated");
            assertThat(english.gridRows("akip-grid").getFirst().subList(0, 4))
                    .containsExactly("1", "BAPPELITBANGDA", "Badan (agency)", "85,02");
            english.screenshot("akip-ranking-2024-en");
        }
    }
}
