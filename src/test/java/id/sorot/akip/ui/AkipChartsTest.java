package id.sorot.akip.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.akip.AkipService;
import id.sorot.chart.Palette;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The AKIP charts: bars coloured by predikat with the legend explaining them, the distribution, the weak list. */
@SuppressWarnings("unchecked")
class AkipChartsTest {

    static final Function<String, String> TEXT = key -> "[" + key + "]";

    static AkipService.Row row(long rank, String opd, double nilai, String predikat, Double change) {
        return new AkipService.Row(
                rank, opd, "k-" + opd, opd + " nama", "dinas", nilai, predikat, change, null, null, false, false);
    }

    static final List<AkipService.Row> ROWS = List.of(
            row(1, "BAPPELITBANGDA", 85.02, "A", 2.86), row(2, "SETDA", 82.04, "A", 1.0),
            row(3, "DINKES", 80.00, "BB", -1.5), row(4, "DISDIK", 60.05, "B", -7.96));

    @Test
    void bars_have_one_series_per_predikat_present_best_opd_on_top_in_its_colour() {
        var ranking = new AkipService.Ranking(
                "3275", 2024, AkipService.Filter.ALL, ROWS, 4, 0, 2, 50.0, 76.8, 81.0, Optional.empty());
        Map<String, Object> o = AkipCharts.bars(ranking, TEXT);
        // the category axis lists bottom to top, so the best OPD comes last
        assertThat((List<String>) ((Map<String, Object>) o.get("yAxis")).get("data"))
                .containsExactly("DISDIK", "DINKES", "SETDA", "BAPPELITBANGDA");
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        assertThat(series).extracting(s -> s.get("name")).containsExactly("A", "BB", "B");
        Map<String, Object> a = series.getFirst();
        assertThat(((Map<String, Object>) a.get("itemStyle")).get("color")).isEqualTo(Palette.PREDIKAT.get("A"));
        List<Object> data = (List<Object>) a.get("data");
        assertThat(data.get(0)).isNull();
        assertThat(data.get(3)).isEqualTo(Map.of("value", 85.02, "id", "k-BAPPELITBANGDA"));
        Map<String, Object> x = (Map<String, Object>) o.get("xAxis");
        assertThat(x).containsEntry("min", 0).containsEntry("max", 100).containsEntry("name", "[akip.chart.axis]");
    }

    @Test
    void distribution_stacks_counts_per_year_and_hides_the_label_of_a_zero() {
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        counts.put("A", List.of(10L, 13L));
        counts.put("BB", List.of(0L, 5L));
        Map<String, Object> o =
                AkipCharts.distribution(new AkipService.Distribution(List.of(2023, 2024), counts), TEXT);
        assertThat((List<String>) ((Map<String, Object>) o.get("xAxis")).get("data"))
                .containsExactly("2023", "2024");
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        assertThat(series).allSatisfy(s -> assertThat(s).containsEntry("stack", "jumlah"));
        assertThat((List<Object>) series.get(0).get("data")).containsExactly(10L, 13L);
        assertThat((List<Object>) series.get(1).get("data"))
                .containsExactly(Map.of("value", 0, "label", Map.of("show", false)), 5L);
    }

    @Test
    void weak_bars_show_the_change_coloured_by_todays_predikat_with_both_years_in_the_tip() {
        List<AkipService.Weak> weak =
                List.of(new AkipService.Weak(row(4, "DISDIK", 60.05, "B", -7.96), true, false, true));
        Map<String, Object> o = AkipCharts.weak(weak, 2024, TEXT);
        Map<String, Object> item = (Map<String, Object>) ((List<Object>)
                        ((List<Map<String, Object>>) o.get("series")).getFirst().get("data"))
                .getFirst();
        assertThat(item).containsEntry("value", -7.96).containsEntry("id", "k-DISDIK");
        assertThat(((Map<String, Object>) item.get("itemStyle")).get("color")).isEqualTo(Palette.PREDIKAT.get("B"));
        assertThat((String) item.get("tip")).contains("2023: ", "2024: 60,05 B", "[akip.col.change]: ");
        assertThat(Arrays.asList("DISDIK")).isEqualTo(((Map<String, Object>) o.get("yAxis")).get("data"));
    }
}
