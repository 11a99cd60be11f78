package id.sorot.ikm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IKM of the 96 service units of Kota Bekasi 2024 (LKIP Setda Tabel 3.26) as a person sees it. */
class IkmViewTest extends BrowserTest {

    @Test
    void all_96_units_their_computed_mean_against_the_reported_average_and_the_23_disagreements() throws Exception {
        browser.open(baseUrl() + "/ikm", "ikm-grid");

        assertThat(browser.gridRows("ikm-grid")).hasSize(96);
        // the table reports 88,02; the mean of its 96 rows is 88,16
        assertThat(browser.text("ikm-tile-mean"))
                .contains("88,16")
                .contains("dilaporkan 88,02")
                .contains("+0,14");
        assertThat(browser.gridRows("ikm-group-grid").stream()
                        .map(r -> r.subList(0, 2))
                        .toList())
                .containsExactly(
                        List.of("OPD", "31"),
                        List.of("Kecamatan", "12"),
                        List.of("RSUD", "5"),
                        List.of("Puskesmas", "48"));

        List<List<String>> disagree = browser.gridRows("ikm-disagree-grid");
        assertThat(disagree).hasSize(23);
        assertThat(browser.text("ikm-tile-disagree")).contains("23");
        // 98,27 printed as "Baik" is Sangat Baik (A) by PermenPANRB 14/2017; 87,74 "Kurang Baik" is Baik (B)
        assertThat(disagree).anySatisfy(r -> assertThat(r.subList(2, 5)).containsExactly("98,27", "A", "Baik"));
        assertThat(disagree).anySatisfy(r -> assertThat(r.subList(2, 5)).containsExactly("87,74", "B", "Kurang Baik"));

        // the four mutu bands are drawn behind the bars, with the mean and the reported average
        assertThat(browser.chart("ikm-chart", "o.series[0].markArea.data.map(a => a[0].name.charAt(0))"))
                .isEqualTo(List.of("A", "B", "C", "D"));
        assertThat(browser.chart("ikm-chart", "o.series[0].markArea.data[0][0].xAxis"))
                .isEqualTo(88.31);
        @SuppressWarnings("unchecked")
        List<Number> lines = (List<Number>) browser.chart("ikm-chart", "o.series[0].markLine.data.map(l => l.xAxis)");
        assertThat(lines.get(0).doubleValue()).isCloseTo(88.162, org.assertj.core.data.Offset.offset(0.001));
        assertThat(lines.get(1).doubleValue()).isEqualTo(88.02);
        assertThat(((Number) browser.chart("ikm-chart", "o.series[0].data.length")).intValue())
                .isEqualTo(96);
        browser.screenshot("ikm-2024");
    }

    @Test
    void the_48_puskesmas_alone_and_grouped_by_parent_opd() throws Exception {
        browser.open(baseUrl() + "/ikm?tahun=2024&kelompok=puskesmas", "ikm-grid");
        List<List<String>> rows = browser.gridRows("ikm-grid");
        assertThat(rows).hasSize(48).allSatisfy(r -> assertThat(r.getFirst()).startsWith("Puskesmas"));
        assertThat(browser.text("ikm-tile-mean")).doesNotContain("dilaporkan");
        browser.screenshot("ikm-2024-puskesmas");

        browser.open(baseUrl() + "/ikm?tahun=2024&urut=opd", "ikm-group-grid");
        List<List<String>> groups = browser.gridRows("ikm-group-grid");
        // Dinas Kesehatan holds its own unit, the 48 puskesmas and 4 RSUD kelas D
        assertThat(groups.getFirst().subList(0, 2)).containsExactly("DINKES", "53");
        assertThat(groups.stream().mapToInt(g -> Integer.parseInt(g.get(1))).sum())
                .isEqualTo(96);
    }
}
