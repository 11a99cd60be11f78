package id.sorot.akip.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Browser;
import id.sorot.SorotTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AKIP ranking as a person sees it in headless Chromium, against LKIP Setda Kota Bekasi 2024. */
class AkipRankingViewTest extends SorotTest {

    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser(1600, 1200);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void ranking_2024_shows_44_opds_from_bappelitbangda_to_disdik_with_13_at_a() throws Exception {
        browser.open(baseUrl() + "/", "akip-grid");

        List<List<String>> rows = browser.gridRows("akip-grid");
        assertThat(rows).hasSize(44);
        assertThat(rows.getFirst()).containsExactly("1", "BAPPELITBANGDA", "85,02", "A", "▲ +2,86");
        assertThat(rows.getLast()).containsExactly("44", "DISDIK", "60,05", "B", "▼ −0,01");
        assertThat(rows.stream().filter(r -> r.get(3).equals("A")).count()).isEqualTo(13);
        assertThat(rows.stream().filter(r -> r.get(3).equals("BB")).count()).isEqualTo(22);
        assertThat(browser.text("akip-tile-a")).contains("13 dari 44 OPD (29,55%)");
        assertThat(browser.text("akip-ranking")).contains("Kota Bekasi, tahun 2024: 44 perangkat daerah dievaluasi");

        @SuppressWarnings("unchecked")
        Map<String, Object> chart =
                (Map<String, Object>) browser.js("const o = document.getElementById('akip-chart').chart.getOption();"
                        + "return {series: o.series.map(s => s.name), bars: o.series.flatMap(s => s.data).filter(v => v != null).length,"
                        + " categories: o.yAxis[0].data.length, top: o.yAxis[0].data[o.yAxis[0].data.length - 1]};");
        assertThat(chart.get("series")).isEqualTo(List.of("A", "BB", "B"));
        assertThat(((Number) chart.get("bars")).intValue()).isEqualTo(44);
        assertThat(((Number) chart.get("categories")).intValue()).isEqualTo(44);
        assertThat(chart.get("top")).isEqualTo("BAPPELITBANGDA");

        Path shot = browser.screenshot("akip-ranking-2024");
        assertThat(Files.size(shot)).isGreaterThan(20_000);
    }

    @Test
    void the_url_holds_the_year_and_2023_has_9_opds_at_a() throws Exception {
        browser.open(baseUrl() + "/akip?tahun=2023", "akip-grid");

        List<List<String>> rows = browser.gridRows("akip-grid");
        assertThat(rows).hasSize(44);
        assertThat(rows.stream().filter(r -> r.get(3).equals("A")).count()).isEqualTo(9);
        assertThat(browser.text("akip-tile-a")).contains("9 dari 44 OPD (20,45%)");
        // DISPERKIMTAN fell from 79,28 to 57,19 in 2023
        assertThat(rows)
                .anySatisfy(r -> assertThat(r).containsExactly(r.get(0), "DISPERKIMTAN", "57,19", "CC", "▼ −22,09"));
        browser.screenshot("akip-ranking-2023");
    }
}
