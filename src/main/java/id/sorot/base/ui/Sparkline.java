package id.sorot.base.ui;

import com.vaadin.flow.component.Svg;
import java.util.List;
import java.util.Locale;

/**
 * A small line of a few yearly values drawn on the server as SVG: one per grid row costs nothing
 * in the browser, where forty-four chart instances would. The last point is marked.
 */
public final class Sparkline {

    private Sparkline() {}

    /**
     * @param values one per year, oldest first; null where there is no value
     * @param min lower bound of the shared scale, so lines in a column can be compared
     * @param max upper bound of the shared scale
     * @param label what a screen reader says (and the tooltip)
     */
    public static Svg of(List<Double> values, double min, double max, String label) {
        int w = 96;
        int h = 24;
        int pad = 3;
        StringBuilder points = new StringBuilder();
        String last = "";
        int n = values.size();
        for (int i = 0; i < n; i++) {
            Double v = values.get(i);
            if (v == null) continue;
            double x = n == 1 ? w / 2.0 : pad + i * (w - 2.0 * pad) / (n - 1);
            double y = h - pad - (Math.max(min, Math.min(max, v)) - min) / Math.max(1e-9, max - min) * (h - 2.0 * pad);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            last = String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#0072b2\"/>", x, y);
        }
        String title = label.replace("&", "&amp;").replace("<", "&lt;");
        Svg svg = new Svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h
                + "\" viewBox=\"0 0 " + w + " " + h + "\" role=\"img\" aria-label=\"" + title.replace("\"", "'")
                + "\"><title>" + title
                + "</title><polyline fill=\"none\" stroke=\"#0072b2\" stroke-width=\"1.6\" points=\""
                + points.toString().strip() + "\"/>" + last + "</svg>");
        svg.getElement().getClassList().add("sorot-sparkline");
        return svg;
    }
}
