package id.sorot.realisasi.ui;

import static id.sorot.chart.Charts.area;
import static id.sorot.chart.Charts.map;

import id.sorot.base.ui.Formats;
import id.sorot.chart.Charts;
import id.sorot.chart.Palette;
import id.sorot.realisasi.RealisasiService.Line;
import id.sorot.realisasi.RealisasiService.Status;
import id.sorot.realisasi.RealisasiService.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The ECharts options of the realisasi views, built from plain data and a text lookup, so
 * they are tested without Spring or a browser.
 */
final class DeviasiCharts {

    private DeviasiCharts() {}

    /** Bars left of zero are behind plan; colour says red, yellow or green; zones shade the thresholds. */
    static Map<String, Object> bars(
            List<Line> sorted,
            Function<Line, Double> value,
            String m,
            Thresholds thresholds,
            Function<String, String> text) {
        List<Line> rows = new ArrayList<>(sorted);
        java.util.Collections.reverse(rows);
        List<Object> data = new ArrayList<>();
        for (Line l : rows) {
            Double v = value.apply(l);
            Status st = thresholds.status(v);
            String tip = l.opd() + " · " + l.opdNama() + "\n" + text.apply("deviasi.measure." + m) + ": "
                    + Formats.signed(v) + "\n" + text.apply("deviasi.col.realisasiKeuangan") + ": "
                    + Formats.percent(l.realisasiKeuangan()) + " / " + Formats.percent(l.rencanaKeuangan()) + "\n"
                    + text.apply("deviasi.col.realisasiFisik") + ": " + Formats.percent(l.realisasiFisik()) + " / "
                    + Formats.percent(l.rencanaFisik()) + (st == null ? "" : "\n" + statusText(st, text));
            data.add(Charts.item(
                    v, l.opdKode(), tip, map("color", st == null ? "#999" : Palette.STATUS.get(st.name()))));
        }
        double low = rows.stream()
                .map(value)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(-10);
        double axisMin = Math.min(thresholds.merah() - 5, Math.floor(low / 5) * 5);
        List<Object> zones = List.of(
                List.of(
                        map(
                                "name", text.apply("deviasi.status.merah"),
                                "xAxis", axisMin,
                                "itemStyle", map("color", Palette.STATUS.get("MERAH"), "opacity", 0.08)),
                        map("xAxis", thresholds.merah())),
                List.of(
                        map(
                                "name", text.apply("deviasi.status.kuning"),
                                "xAxis", thresholds.merah(),
                                "itemStyle", map("color", Palette.STATUS.get("KUNING"), "opacity", 0.10)),
                        map("xAxis", thresholds.kuning())));
        return map(
                "tooltip", map("trigger", "item"),
                "grid", area(30, 60, 30, 10),
                "xAxis",
                        map(
                                "type",
                                "value",
                                "min",
                                axisMin,
                                "name",
                                text.apply("deviasi.axis"),
                                "nameLocation",
                                "middle",
                                "nameGap",
                                24),
                "yAxis", Charts.namesAxis(rows.stream().map(Line::opd).toList()),
                "series",
                        List.of(map(
                                "type", "bar",
                                "name", text.apply("deviasi.measure." + m),
                                "data", data,
                                "label", map("show", true, "position", "left", "fontSize", 10),
                                "markArea", map("silent", true, "data", zones, "label", map("position", "insideTop")))),
                "sorot", map("decimals", 2, "tips", true));
    }

    /** Keuangan % against fisik %, each OPD a bubble sized by its anggaran; the diagonal is "spent as built". */
    static Map<String, Object> scatter(List<Line> rows, Thresholds thresholds, Function<String, String> text) {
        double maxAnggaran = rows.stream()
                .map(Line::anggaran)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1);
        List<Object> data = new ArrayList<>();
        double lo = 100;
        for (Line l : rows) {
            if (l.realisasiKeuangan() == null || l.realisasiFisik() == null) continue;
            lo = Math.min(lo, Math.min(l.realisasiKeuangan(), l.realisasiFisik()));
            Status st = thresholds.status(l.deviasiKeuangan());
            double size = 8 + 42 * Math.sqrt((l.anggaran() == null ? 0 : l.anggaran()) / maxAnggaran);
            String tip = l.opd() + " · " + l.opdNama() + "\n" + text.apply("deviasi.col.realisasiKeuangan") + ": "
                    + Formats.percent(l.realisasiKeuangan()) + "\n" + text.apply("deviasi.col.realisasiFisik")
                    + ": "
                    + Formats.percent(l.realisasiFisik()) + "\n" + text.apply("deviasi.col.anggaran") + ": "
                    + Formats.rupiah(l.anggaran());
            Map<String, Object> item = Charts.item(
                    List.of(l.realisasiKeuangan(), l.realisasiFisik()),
                    l.opdKode(),
                    tip,
                    map(
                            "color",
                            st == null ? "#999" : Palette.STATUS.get(st.name()),
                            "opacity",
                            0.75,
                            "borderColor",
                            "#333"));
            item.put("symbolSize", size);
            item.put("name", l.opd());
            data.add(item);
        }
        double min = Math.max(0, Math.floor((lo - 5) / 10) * 10);
        return map(
                "tooltip", map("trigger", "item"),
                "grid", area(20, 70, 40, 20),
                "xAxis", Charts.percentAxis(min, text.apply("deviasi.col.realisasiKeuangan"), 26),
                "yAxis", Charts.percentAxis(min, text.apply("deviasi.col.realisasiFisik"), 40),
                "series",
                        List.of(map(
                                "type",
                                "scatter",
                                "name",
                                "OPD",
                                "data",
                                data,
                                "label",
                                map(
                                        "show",
                                        true,
                                        "formatter",
                                        "{b}",
                                        "position",
                                        "right",
                                        "fontSize",
                                        9,
                                        "color",
                                        "#333"),
                                "labelLayout",
                                map("hideOverlap", true),
                                "markLine",
                                map(
                                        "silent", true,
                                        "symbol", "none",
                                        "lineStyle", map("color", "#666", "type", "dashed"),
                                        "label", map("formatter", text.apply("deviasi.scatter.diagonal")),
                                        "data",
                                                List.of(List.of(
                                                        map("coord", List.of(min, min)),
                                                        map("coord", List.of(100, 100))))))),
                "sorot", map("decimals", 2, "tips", true));
    }

    static String statusText(Status s, Function<String, String> text) {
        return s == null ? "–" : text.apply("deviasi.status." + s.name().toLowerCase(Locale.ROOT));
    }
}
