package id.sorot.akip.ui;

import static id.sorot.chart.Charts.area;
import static id.sorot.chart.Charts.map;

import id.sorot.akip.AkipService;
import id.sorot.base.ui.Formats;
import id.sorot.chart.Charts;
import id.sorot.chart.Palette;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ECharts options of the akip views, built from plain data and a text lookup, so
 * they are tested without Spring or a browser.
 */
final class AkipCharts {

    private AkipCharts() {}

    /** Horizontal bars, best at the top; one stacked series per predikat so the legend explains the colours. */
    static Map<String, Object> bars(AkipService.Ranking ranking, Function<String, String> text) {
        List<AkipService.Row> rows = new ArrayList<>(ranking.rows());
        Collections.reverse(rows);
        List<String> names = rows.stream().map(AkipService.Row::opd).toList();
        List<Object> series = new ArrayList<>();
        for (String p : Palette.PREDIKAT_ORDER) {
            if (rows.stream().noneMatch(r -> p.equals(r.predikat()))) continue;
            List<Object> data = new ArrayList<>();
            for (AkipService.Row r : rows) {
                data.add(p.equals(r.predikat()) ? map("value", r.nilai(), "id", r.opdKode()) : null);
            }
            series.add(map(
                    "name",
                    p,
                    "type",
                    "bar",
                    "stack",
                    "nilai",
                    "data",
                    data,
                    "itemStyle",
                    map("color", Palette.PREDIKAT.get(p)),
                    "label",
                    map("show", true, "position", "right", "fontSize", 10)));
        }
        return map(
                "tooltip", map("trigger", "item"),
                "legend", map("top", 0),
                "grid", area(30, 50, 30, 10),
                "xAxis",
                        map(
                                "type",
                                "value",
                                "min",
                                0,
                                "max",
                                100,
                                "name",
                                text.apply("akip.chart.axis"),
                                "nameLocation",
                                "middle",
                                "nameGap",
                                24),
                "yAxis", Charts.namesAxis(names),
                "series", series,
                "sorot", map("decimals", 2));
    }

    /** OPDs per predikat per year, stacked, best predikat at the bottom. */
    static Map<String, Object> distribution(AkipService.Distribution dist, Function<String, String> text) {
        List<Object> series = new ArrayList<>();
        dist.counts()
                .forEach((p, counts) -> series.add(map(
                        "name",
                        p,
                        "type",
                        "bar",
                        "stack",
                        "jumlah",
                        "data",
                        // a zero keeps its place in the stack but gets no label
                        counts.stream()
                                .map(c -> c == 0 ? (Object) map("value", 0, "label", map("show", false)) : c)
                                .toList(),
                        "itemStyle",
                        map("color", Palette.PREDIKAT.get(p)),
                        "label",
                        map("show", true, "position", "inside", "fontSize", 11))));
        return map(
                "tooltip", map("trigger", "axis", "axisPointer", map("type", "shadow")),
                "legend", map("top", 0),
                "grid", area(30, 20, 30, 10),
                "xAxis",
                        map(
                                "type",
                                "category",
                                "data",
                                dist.years().stream().map(String::valueOf).toList()),
                "yAxis", map("type", "value", "name", text.apply("akip.distribution.axis"), "minInterval", 1),
                "series", series,
                "sorot", map("decimals", 0));
    }

    /** The change of each weak OPD as bars left of zero (fell) or right (rose), coloured by today's predikat. */
    static Map<String, Object> weak(List<AkipService.Weak> weak, int tahun, Function<String, String> text) {
        List<AkipService.Weak> rows = new ArrayList<>(weak);
        java.util.Collections.reverse(rows);
        List<Object> data = new ArrayList<>();
        for (AkipService.Weak w : rows) {
            AkipService.Row r = w.row();
            String tip = r.opd() + "\n" + (tahun - 1) + ": " + Formats.decimal(r.previous()) + " "
                    + (r.previousPredikat() == null ? "" : r.previousPredikat()) + "\n" + tahun + ": "
                    + Formats.decimal(r.nilai()) + " " + r.predikat() + "\n" + text.apply("akip.col.change")
                    + ": " + Formats.signed(r.change());
            data.add(Charts.item(
                    r.change() == null ? 0 : r.change(),
                    r.opdKode(),
                    tip,
                    map("color", Palette.PREDIKAT.getOrDefault(r.predikat(), "#999"))));
        }
        return map(
                "tooltip", map("trigger", "item"),
                "grid", area(10, 60, 30, 10),
                "xAxis",
                        map(
                                "type",
                                "value",
                                "name",
                                text.apply("akip.col.change"),
                                "nameLocation",
                                "middle",
                                "nameGap",
                                24),
                "yAxis", Charts.namesAxis(rows.stream().map(w -> w.row().opd()).toList()),
                "series",
                        List.of(map(
                                "type",
                                "bar",
                                "name",
                                text.apply("akip.col.change"),
                                "data",
                                data,
                                "label",
                                map("show", true, "position", "right", "fontSize", 10))),
                "sorot", map("decimals", 2, "tips", true));
    }
}
