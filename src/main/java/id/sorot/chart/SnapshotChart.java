package id.sorot.chart;

import static id.sorot.chart.Charts.area;
import static id.sorot.chart.Charts.map;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Realisasi over a year's snapshots (an S-curve by as-of date): cumulative keuangan and fisik in %,
 * one pair of lines per subject (the pemda, an OPD). The x axis is time, so unevenly spaced
 * snapshots (monthly, then "per 30 November") sit where their dates fall.
 */
public final class SnapshotChart {

    private SnapshotChart() {}

    /** One subject's curve: its name, the dates, and keuangan and fisik per date (null where unknown). */
    public record Curve(String name, List<LocalDate> dates, List<Double> keuangan, List<Double> fisik) {}

    private static final String[] COLORS = {"#0072b2", "#d55e00", "#009e73", "#cc79a7"};

    public static Map<String, Object> option(List<Curve> curves, Function<String, String> text) {
        List<Object> series = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            String color = COLORS[i % COLORS.length];
            if (c.keuangan().stream().anyMatch(v -> v != null)) {
                series.add(line(
                        c.name() + " · " + text.apply("snapshot.keuangan"), c.dates(), c.keuangan(), color, false));
            }
            if (c.fisik().stream().anyMatch(v -> v != null)) {
                series.add(line(c.name() + " · " + text.apply("snapshot.fisik"), c.dates(), c.fisik(), color, true));
            }
        }
        return map(
                "tooltip",
                map("trigger", "axis"),
                "legend",
                map("top", 0),
                "grid",
                area(40, 30, 20, 10),
                "xAxis",
                map("type", "time"),
                "yAxis",
                map(
                        "type",
                        "value",
                        "min",
                        0,
                        "suffix",
                        "%",
                        "name",
                        text.apply("snapshot.axis"),
                        // centred on the axis, the name's first letters fall off the panel's left edge
                        "nameTextStyle",
                        map("align", "left")),
                "series",
                series,
                "sorot",
                map("decimals", 2, "suffix", "%"));
    }

    private static Map<String, Object> line(
            String name, List<LocalDate> dates, List<Double> values, String color, boolean dashed) {
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            data.add(List.of(
                    dates.get(i).format(DateTimeFormatter.ISO_LOCAL_DATE),
                    values.get(i) == null ? "-" : values.get(i)));
        }
        return Charts.line(name, data, color, dashed);
    }

    /** A date as Indonesian tables write it: 30 November 2024. */
    public static String label(LocalDate d, Locale locale) {
        return d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }
}
