package id.sorot.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plan against realisation per triwulan: dashed plans, solid realisation with labels, fisik when given. */
@SuppressWarnings("unchecked")
class TriwulanChartTest {

    @Test
    void keuangan_and_fisik_curves_plans_dashed_realisation_labelled() {
        var curves = new TriwulanChart.Curves(
                List.of(1, 2, 3, 4),
                List.of(10.0, 35.0, 70.0, 100.0),
                List.of(8.0, 30.0, 60.0, 86.19),
                List.of(25.0, 50.0, 75.0, 100.0),
                List.of(20.0, 45.0, 70.0, 98.0));
        Map<String, Object> o = TriwulanChart.option(curves, key -> key);
        assertThat((List<String>) ((Map<String, Object>) o.get("xAxis")).get("data"))
                .containsExactly("TW I", "TW II", "TW III", "TW IV");
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        assertThat(series)
                .extracting(s -> s.get("name"))
                .containsExactly(
                        "triwulan.target.keuangan",
                        "triwulan.realisasi.keuangan",
                        "triwulan.target.fisik",
                        "triwulan.realisasi.fisik");
        assertThat(((Map<String, Object>) series.get(0).get("lineStyle")).get("type"))
                .isEqualTo("dashed");
        assertThat(series.get(0)).doesNotContainKey("label");
        assertThat(((Map<String, Object>) series.get(1).get("lineStyle")).get("type"))
                .isEqualTo("solid");
        assertThat((List<Double>) series.get(1).get("data")).last().isEqualTo(86.19);
    }

    @Test
    void without_a_common_fisik_unit_only_keuangan_is_drawn() {
        var curves = new TriwulanChart.Curves(List.of(1, 2), List.of(10.0, 40.0), List.of(9.0, 38.0), null, null);
        assertThat((List<Object>) TriwulanChart.option(curves, key -> key).get("series"))
                .hasSize(2);
    }
}
