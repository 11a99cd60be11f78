package id.sorot.chart;

import static id.sorot.chart.Charts.area;
import static id.sorot.chart.Charts.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plan against realisation per triwulan, cumulative: keuangan in % of pagu and, for one sub
 * kegiatan, fisik in % of its yearly target. Dashed lines are plans, solid lines realisation.
 */
public final class TriwulanChart {

    private TriwulanChart() {}

    /** The cumulative curves by triwulan; fisik may be null (several sub kegiatan have no common unit). */
    public record Curves(
            List<Integer> triwulan,
            List<Double> targetKeuangan,
            List<Double> realisasiKeuangan,
            List<Double> targetFisik,
            List<Double> realisasiFisik) {}

    public static Map<String, Object> option(Curves c, Function<String, String> text) {
        List<String> tw = c.triwulan().stream().map(t -> "TW " + roman(t)).toList();
        List<Object> series = new ArrayList<>();
        series.add(line(text.apply("triwulan.target.keuangan"), c.targetKeuangan(), "#0072b2", true));
        series.add(line(text.apply("triwulan.realisasi.keuangan"), c.realisasiKeuangan(), "#0072b2", false));
        if (c.targetFisik() != null) {
            series.add(line(text.apply("triwulan.target.fisik"), c.targetFisik(), "#d55e00", true));
            series.add(line(text.apply("triwulan.realisasi.fisik"), c.realisasiFisik(), "#d55e00", false));
        }
        return map(
                "tooltip", map("trigger", "axis"),
                "legend", map("top", 0),
                "grid", area(40, 30, 20, 10),
                "xAxis", map("type", "category", "data", tw, "boundaryGap", false),
                "yAxis", map("type", "value", "min", 0, "suffix", "%", "name", text.apply("triwulan.axis")),
                "series", series,
                "sorot", map("decimals", 2, "suffix", "%"));
    }

    /** Realisation lines carry their values as labels; plans (dashed) do not. */
    private static Map<String, Object> line(String name, List<Double> data, String color, boolean plan) {
        Map<String, Object> line = Charts.line(name, data, color, plan);
        if (!plan) line.put("label", map("show", true, "position", "top", "fontSize", 10));
        return line;
    }

    static String roman(int t) {
        return switch (t) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            case 4 -> "IV";
            default -> String.valueOf(t);
        };
    }
}
