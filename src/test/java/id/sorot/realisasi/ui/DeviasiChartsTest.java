package id.sorot.realisasi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.chart.Palette;
import id.sorot.realisasi.RealisasiService.Line;
import id.sorot.realisasi.RealisasiService.Thresholds;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The deviasi charts: bars coloured by the threshold their deviasi falls under, zones at the thresholds. */
@SuppressWarnings("unchecked")
class DeviasiChartsTest {

    static final Function<String, String> TEXT = key -> "[" + key + "]";
    static final Thresholds DEFAULTS = new Thresholds(-10, -5);

    static Line line(String opd, double anggaran, double keuangan, double fisik, double deviasi) {
        return new Line(
                "k-" + opd,
                opd,
                opd + " nama",
                "dinas",
                anggaran,
                anggaran * keuangan / 100,
                100.0,
                keuangan,
                100.0,
                fisik,
                deviasi,
                fisik - 100,
                keuangan - fisik,
                null,
                null,
                null,
                false);
    }

    static final List<Line> ROWS = List.of(
            line("DISPERKIMTAN", 751_036_065_658.0, 69.65, 90.12, -30.35),
            line("DPPKB", 20_000_000_000.0, 89.9987, 95.0, -10.0013),
            line("DINKES", 500_000_000_000.0, 93.0, 96.0, -7.0),
            line("SETDA", 100_000_000_000.0, 96.0, 98.0, -5.0));

    @Test
    void each_bar_has_the_colour_of_its_status_dppkb_below_minus_10_is_red() {
        Map<String, Object> o = DeviasiCharts.bars(ROWS, Line::deviasiKeuangan, "keuangan", DEFAULTS, TEXT);
        Map<String, Object> series = ((List<Map<String, Object>>) o.get("series")).getFirst();
        List<Map<String, Object>> data = (List<Map<String, Object>>) series.get("data");
        // bottom to top: the list came worst first, so the worst is drawn last (on top)
        assertThat(data)
                .extracting(d -> d.get("id"))
                .containsExactly("k-SETDA", "k-DINKES", "k-DPPKB", "k-DISPERKIMTAN");
        assertThat(data)
                .extracting(d -> ((Map<String, Object>) d.get("itemStyle")).get("color"))
                .containsExactly(
                        Palette.STATUS.get("HIJAU"),
                        Palette.STATUS.get("KUNING"),
                        Palette.STATUS.get("MERAH"),
                        Palette.STATUS.get("MERAH"));
        // the axis reaches the worst bar, rounded down to 5
        assertThat(((Map<String, Object>) o.get("xAxis")).get("min")).isEqualTo(-35.0);
        List<List<Map<String, Object>>> zones =
                (List<List<Map<String, Object>>>) ((Map<String, Object>) series.get("markArea")).get("data");
        assertThat(zones.get(0).get(1)).containsEntry("xAxis", -10.0);
        assertThat(zones.get(1).get(0)).containsEntry("xAxis", -10.0).containsEntry("name", "[deviasi.status.kuning]");
        assertThat(zones.get(1).get(1)).containsEntry("xAxis", -5.0);
    }

    @Test
    void scatter_puts_keuangan_against_fisik_sized_by_anggaran() {
        Map<String, Object> o = DeviasiCharts.scatter(ROWS, DEFAULTS, TEXT);
        List<Map<String, Object>> data = (List<Map<String, Object>>)
                ((List<Map<String, Object>>) o.get("series")).getFirst().get("data");
        assertThat(data).hasSize(4);
        Map<String, Object> biggest = data.getFirst();
        assertThat(biggest).containsEntry("value", List.of(69.65, 90.12)).containsEntry("name", "DISPERKIMTAN");
        assertThat((Double) biggest.get("symbolSize")).isEqualTo(50.0);
        assertThat((Double) data.get(1).get("symbolSize")).isLessThan(16.0);
    }

    @Test
    void a_status_reads_in_words() {
        assertThat(DeviasiCharts.statusText(DEFAULTS.status(-10.0), TEXT)).isEqualTo("[deviasi.status.kuning]");
        assertThat(DeviasiCharts.statusText(null, TEXT)).isEqualTo("–");
    }
}
