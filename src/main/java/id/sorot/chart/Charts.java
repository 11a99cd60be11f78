package id.sorot.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers to write ECharts options (nested maps and lists) readably. */
public final class Charts {

    private Charts() {}

    /** An ordered map from key/value pairs; null values are left out. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    public static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** A line series of one colour, dashed for a plan (or a second measure), with round points. */
    public static Map<String, Object> line(String name, List<?> data, String color, boolean dashed) {
        return map(
                "type",
                "line",
                "name",
                name,
                "data",
                data,
                "symbolSize",
                7,
                "itemStyle",
                map("color", color),
                "lineStyle",
                map("color", color, "width", 2, "type", dashed ? "dashed" : "solid"));
    }

    /** Room for the chart itself; titles live in the panel around it, not in the picture. */
    public static Map<String, Object> area(int top, int right, int bottom, int left) {
        return map("top", top, "right", right, "bottom", bottom, "left", left, "containLabel", true);
    }

    /** The category axis of horizontal bars: every name written, none skipped to save room. */
    public static Map<String, Object> namesAxis(List<String> names) {
        return map("type", "category", "data", names, "axisLabel", map("interval", 0, "fontSize", 11));
    }

    /** A value axis in percent from {@code min} to 100, named along its middle. */
    public static Map<String, Object> percentAxis(double min, String name, int nameGap) {
        return map(
                "type",
                "value",
                "min",
                min,
                "max",
                100,
                "suffix",
                "%",
                "name",
                name,
                "nameLocation",
                "middle",
                "nameGap",
                nameGap);
    }

    /** A data item that carries an id (an OPD kode) for clicks and its own tooltip text. */
    public static Map<String, Object> item(Object value, String id, String tip, Map<String, Object> style) {
        return map(
                "value",
                value,
                "id",
                id,
                "tip",
                tip == null ? null : escape(tip).replace("\n", "<br/>"),
                "itemStyle",
                style);
    }

    /** Tooltips are HTML: names from sources must not become markup. */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
