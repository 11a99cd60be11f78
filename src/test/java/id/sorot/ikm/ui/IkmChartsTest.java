package id.sorot.ikm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.chart.Palette;
import id.sorot.ikm.IkmService;
import id.sorot.rules.BandSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IKM chart: units coloured by the mutu the rule gives, the mutu bands shaded behind them. */
@SuppressWarnings("unchecked")
class IkmChartsTest {

    static final BandSet MUTU = new BandSet(
            "mutu_ikm",
            "PermenPANRB 14/2017",
            "v",
            List.of(
                    new BandSet.Band("A", 88.31, true, "Sangat Baik"),
                    new BandSet.Band("B", 76.61, true, "Baik"),
                    new BandSet.Band("C", 65.0, true, "Kurang Baik"),
                    new BandSet.Band("D", null, true, "Tidak Baik")));

    static IkmService.Unit unit(String name, double nilai, String mutu) {
        return new IkmService.Unit(
                name, "DINKES", "1.02.01", "puskesmas", "puskesmas", nilai, mutu, mutu, null, 1, false);
    }

    @Test
    void bars_take_the_mutu_colour_and_the_four_bands_are_shaded_from_their_lower_bounds() {
        List<IkmService.Unit> units = List.of(unit("Puskesmas Bekasi Jaya", 90.1, "A"), unit("RSUD", 70.2, "C"));
        var c = new IkmService.Comparison("3275", 2024, "puskesmas", units, 80.15, 80.0, 1, List.of(), List.of());
        Map<String, Object> o = IkmCharts.units(units, c, "nilai", MUTU, key -> key);
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        List<Map<String, Object>> data =
                (List<Map<String, Object>>) series.getFirst().get("data");
        assertThat(data)
                .extracting(d -> ((Map<String, Object>) d.get("itemStyle")).get("color"))
                .containsExactly(Palette.MUTU.get("C"), Palette.MUTU.get("A"));
        List<List<Map<String, Object>>> areas = (List<List<Map<String, Object>>>)
                ((Map<String, Object>) series.getFirst().get("markArea")).get("data");
        assertThat(areas).extracting(a -> a.get(0).get("xAxis")).containsExactly(88.31, 76.61, 65.0, 25.0);
        assertThat(areas.getFirst().get(0)).containsEntry("name", "A Sangat Baik");
    }
}
