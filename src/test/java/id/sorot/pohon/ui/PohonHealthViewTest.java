package id.sorot.pohon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whose cascade is weakest, 2025 (the year most trees are loaded for): Setwan 52 of 235 checks
 * (48 nodes all with an indicator, 4 of 187 indicators with a target), Dinsos 70 of 164 (17 nodes
 * without an indicator, no target at all), Setda 10 of 10 (its Renstra matrix has every target).
 */
class PohonHealthViewTest extends BrowserTest {

    @Test
    void the_weakest_cascade_comes_first_and_opens_its_tree() throws Exception {
        browser.open(baseUrl() + "/pohon-kinerja/kesehatan", "pohon-across-grid");
        assertThat(browser.text("pohon-health-across")).contains("Kota Bekasi, tahun 2025: 3 dari 44 perangkat daerah");
        List<List<String>> rows = browser.gridRows("pohon-across-grid");
        assertThat(rows)
                .containsExactly(
                        List.of("SETWAN", "48", "187", "0", "183", "22,13"),
                        List.of("DINSOS", "87", "77", "17", "77", "42,68"),
                        List.of("SETDA", "4", "6", "0", "0", "100,00"));
        assertThat(browser.text("pohon-across-tile-weakest")).contains("SETWAN", "22,13", "183 masalah");
        assertThat(browser.chart("pohon-across-chart", "o.series[0].data.map(d => d.id).join()"))
                .isEqualTo("SETWAN,DINSOS,SETDA");
        browser.screenshot("pohon-health-2025");

        browser.clickLink("pohon-across-grid", "DINSOS", "pohon-chart");
        assertThat(browser.url()).contains("/pohon-kinerja?opd=DINSOS&tahun=2025");
    }
}
