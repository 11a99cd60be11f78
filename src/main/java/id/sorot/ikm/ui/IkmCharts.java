package id.sorot.ikm.ui;

import static id.sorot.chart.Charts.area;
import static id.sorot.chart.Charts.map;

import id.sorot.base.ui.Formats;
import id.sorot.chart.Charts;
import id.sorot.chart.Palette;
import id.sorot.ikm.IkmService;
import id.sorot.rules.BandSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ECharts options of the ikm views, built from plain data and a text lookup, so
 * they are tested without Spring or a browser.
 */
final class IkmCharts {

    private IkmCharts() {}

    /**
     * Horizontal bars, best on top, coloured by the mutu the rule gives; the four mutu bands shaded
     * behind them; lines for the computed mean and the reported average.
     */
    static Map<String, Object> units(
            List<IkmService.Unit> units,
            IkmService.Comparison c,
            String order,
            BandSet bands,
            Function<String, String> text) {
        List<IkmService.Unit> rows = new ArrayList<>(units);
        java.util.Collections.reverse(rows);
        List<Object> data = new ArrayList<>();
        for (IkmService.Unit u : rows) {
            String tip = u.unit() + "\n" + text.apply("ikm.col.opd") + ": " + u.opd() + "\n" + "IKM "
                    + Formats.decimal(u.nilai()) + " · " + text.apply("ikm.col.mutu") + " " + u.mutu() + "\n"
                    + text.apply("ikm.col.reported") + ": "
                    + (u.mutuLabelDilaporkan() == null ? u.mutuDilaporkan() : u.mutuLabelDilaporkan());
            data.add(Charts.item(
                    u.nilai(), u.opdKode(), tip, map("color", Palette.MUTU.getOrDefault(u.mutu(), "#999"))));
        }
        List<Object> areas = new ArrayList<>();
        double upper = 100;
        for (BandSet.Band b : bands.bands()) {
            double lower = b.threshold() == null ? 25 : b.threshold();
            areas.add(List.of(
                    map(
                            "name",
                            b.label() + " " + (b.meaning() == null ? "" : b.meaning()),
                            "xAxis",
                            lower,
                            "itemStyle",
                            map("color", Palette.MUTU.get(b.label()), "opacity", 0.10),
                            "label",
                            map("position", "insideTop", "color", "#333", "fontSize", 11)),
                    map("xAxis", upper)));
            upper = lower;
        }
        List<Object> lines = new ArrayList<>();
        lines.add(map(
                "name", text.apply("ikm.line.mean"),
                "xAxis", c.mean(),
                "lineStyle", map("color", "#000", "type", "solid", "width", 1.5),
                "label",
                        map(
                                "formatter",
                                text.apply("ikm.line.mean") + " " + Formats.decimal(c.mean()),
                                "position",
                                "end")));
        if (c.reportedMean() != null) {
            lines.add(map(
                    "name", text.apply("ikm.line.reported"),
                    "xAxis", c.reportedMean(),
                    "lineStyle", map("color", "#000", "type", "dashed", "width", 1.5),
                    "label",
                            map(
                                    "formatter",
                                    text.apply("ikm.line.reported") + " " + Formats.decimal(c.reportedMean()),
                                    "position",
                                    "insideEndBottom")));
        }
        double min = units.stream()
                .map(IkmService.Unit::nilai)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(60);
        List<String> names = rows.stream()
                .map(u -> order.equals("nilai") ? u.unit() : groupLabel(u, order, text) + " · " + u.unit())
                .toList();
        return map(
                "tooltip", map("trigger", "item"),
                "grid", area(30, 60, 30, 10),
                "xAxis",
                        map(
                                "type",
                                "value",
                                "min",
                                Math.max(25, Math.floor((min - 5) / 5) * 5),
                                "max",
                                100,
                                "name",
                                "IKM",
                                "nameLocation",
                                "middle",
                                "nameGap",
                                24),
                "yAxis",
                        map(
                                "type",
                                "category",
                                "data",
                                names,
                                "axisLabel",
                                map("interval", 0, "fontSize", 10, "width", 260, "overflow", "truncate")),
                "series",
                        List.of(map(
                                "type",
                                "bar",
                                "name",
                                "IKM",
                                "data",
                                data,
                                "barCategoryGap",
                                "25%",
                                "label",
                                map("show", true, "position", "right", "fontSize", 9),
                                "markArea",
                                map("silent", true, "data", areas),
                                "markLine",
                                map("silent", true, "symbol", "none", "data", lines))),
                "sorot", map("decimals", 2, "tips", true));
    }

    /** The group a unit is shown in: its OPD, or its kelompok (kecamatan, rsud, puskesmas). */
    static String groupLabel(IkmService.Unit u, String order, Function<String, String> text) {
        return order.equals("opd") ? u.opd() : text.apply("kelompok." + u.kelompok());
    }
}
