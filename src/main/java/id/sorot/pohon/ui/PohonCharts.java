package id.sorot.pohon.ui;

import id.sorot.base.ui.Formats;
import id.sorot.pohon.PohonKinerjaService.Node;
import id.sorot.pohon.PohonKinerjaService.Tree;
import id.sorot.rules.BandSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pohon kinerja as an ECharts tree, drawn top down with polyline edges: each node a box with its
 * jabatan, sasaran and indicators, its border coloured by the capaian band of the year (grey when no
 * IKU gives one), collapsible. Which nodes start open is decided here, from the level the reader
 * asked for and the node they are looking at, so the same URL always draws the same picture.
 */
public final class PohonCharts {

    /** Okabe-Ito colours from best band to worst, so neighbouring bands stay apart for colour-blind readers. */
    static final List<String> BAND_COLOURS =
            List.of("#0072b2", "#009e73", "#56b4e9", "#e69f00", "#d55e00", "#cc79a7", "#000000");

    static final String NO_DATA = "#9e9e9e";

    /** Box width in pixels; the chart is as wide as the leaves it shows need. */
    static final int BOX = 150;

    /** Room between two boxes side by side, and the height of one level of the tree. */
    static final int GAP = 40;

    static final int ROW = 170;

    /** Characters per line in a box: bold 11 px for the jabatan, 10 px for the rest. */
    private static final int JABATAN_LINE = 22;

    private static final int TEXT_LINE = 26;

    /** The page's translations: a key and its arguments. */
    @FunctionalInterface
    public interface Text {
        String get(String key, Object... args);
    }

    private PohonCharts() {}

    /** The colour of a band of the set, by its place (best first). */
    static String colour(BandSet bands, String label) {
        if (label == null) return NO_DATA;
        int place = Math.max(0, bands.labels().indexOf(label));
        return BAND_COLOURS.get(Math.min(place, BAND_COLOURS.size() - 1));
    }

    /** Nodes drawn open: every node above {@code depth}, and the path to {@code focus} with its children. */
    static Set<String> open(Tree tree, int depth, String focus) {
        Set<String> open = new java.util.HashSet<>();
        for (Node n : tree.nodes().values()) if (n.depth() < depth) open.add(n.kode());
        if (focus != null && tree.nodes().containsKey(focus)) open.addAll(tree.path(focus));
        return open;
    }

    /** The option the page draws for the tree opened to {@code depth} levels and to {@code focus}. */
    public static Map<String, Object> option(Tree tree, int depth, String focus, Text text) {
        return tree(tree, open(tree, depth, focus), focus, text);
    }

    private static Map<String, Object> tree(Tree tree, Set<String> open, String focus, Text text) {
        List<Object> roots = new ArrayList<>();
        for (Node r : tree.roots()) roots.add(node(tree, r, open, focus, text));
        // several roots (several tujuan) hang under one unlabelled point
        Object data = roots.size() == 1
                ? roots.getFirst()
                : Map.of("name", "", "id", "", "children", roots, "label", Map.of("show", false));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "tree");
        series.put("orient", "TB");
        series.put("layout", "orthogonal");
        series.put("edgeShape", "polyline");
        series.put("data", List.of(data));
        series.put("top", 20);
        // the lowest boxes hang below their symbol: up to 8 lines of text
        series.put("bottom", 140);
        series.put("left", BOX / 2 + 10);
        series.put("right", BOX / 2 + 10);
        series.put("symbol", "rect");
        series.put("symbolSize", 8);
        series.put("roam", true);
        series.put("expandAndCollapse", true);
        series.put("initialTreeDepth", -1);
        series.put("animationDuration", 250);
        series.put("animationDurationUpdate", 300);
        series.put("lineStyle", Map.of("color", "#9aa5b1", "width", 1.2));
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("position", "bottom");
        label.put("verticalAlign", "top");
        label.put("align", "center");
        label.put("distance", 4);
        label.put("fontSize", 11);
        label.put("color", "#1f2937");
        label.put("backgroundColor", "#ffffff");
        label.put("borderWidth", 2);
        label.put("borderRadius", 4);
        label.put("padding", List.of(5, 6));
        label.put("rich", rich());
        series.put("label", label);
        series.put("emphasis", Map.of("focus", "relative"));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item", "confine", true));
        // the browser sizes the tree to the levels and leaves it shows, also after a click (sorot-chart.js)
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("row", ROW);
        fit.put("leaf", BOX + GAP);
        fit.put("margin", 2 * BOX);
        fit.put("min", 1000);
        if (focus != null) fit.put("focus", focus);
        option.put("sorot", Map.of("decimals", 2, "tips", true, "tree", fit));
        option.put("series", List.of(series));
        return option;
    }

    private static Map<String, Object> rich() {
        return Map.of(
                "j", Map.of("fontWeight", "bold", "fontSize", 11, "lineHeight", 14),
                "s", Map.of("fontSize", 10, "lineHeight", 13, "color", "#374151"),
                "i", Map.of("fontSize", 10, "lineHeight", 13, "color", "#5b6470"),
                "b", Map.of("fontSize", 10, "lineHeight", 14, "fontWeight", "bold", "color", "#1f2937"));
    }

    private static Map<String, Object> node(Tree tree, Node n, Set<String> open, String focus, Text text) {
        String band = n.capaian() == null ? null : tree.bands().label(n.capaian());
        String colour = colour(tree.bands(), band);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", n.kode());
        item.put("id", n.kode());
        item.put("value", n.capaian());
        item.put("collapsed", !open.contains(n.kode()));
        item.put("tip", tip(n, band, text));
        item.put("itemStyle", Map.of("color", colour, "borderColor", colour));
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("formatter", box(n, band, text));
        label.put("borderColor", colour);
        label.put("width", BOX - 12);
        if (n.kode().equals(focus)) {
            label.put("borderWidth", 4);
            label.put("backgroundColor", "#fff7d6");
        }
        item.put("label", label);
        if (!n.children().isEmpty()) {
            List<Object> children = new ArrayList<>();
            for (Node c : n.children()) children.add(node(tree, c, open, focus, text));
            item.put("children", children);
        }
        return item;
    }

    /** The box: jabatan, sasaran, the first indicator and how many more, the capaian band in words. */
    private static String box(Node n, String band, Text text) {
        List<String> lines = new ArrayList<>();
        // "Jabatan Fungsional" takes a line of its own in every JF box: the usual short form says the same
        String jabatan = n.jabatan().replaceFirst("^(?i)jabatan fungsional ", "JF ");
        for (String l : wrap(n.kode() + " " + jabatan, JABATAN_LINE, 2)) lines.add("{j|" + l + "}");
        if (n.sasaran() != null) for (String l : wrap(n.sasaran(), TEXT_LINE, 3)) lines.add("{s|" + l + "}");
        if (n.indikator().isEmpty()) {
            lines.add("{i|" + text.get("pohon.box.noIndicator") + "}");
        } else {
            for (String l : wrap("• " + n.indikator().getFirst().nama(), TEXT_LINE, 2)) lines.add("{i|" + l + "}");
            int more = n.indikator().size() - 1;
            if (more > 0) lines.add("{i|" + text.get("pohon.box.more", more) + "}");
        }
        lines.add("{b|"
                + (band == null
                        ? text.get("pohon.band.none")
                        : text.get("pohon.band.of", band, Formats.decimal(n.capaian())))
                + "}");
        return String.join("\n", lines);
    }

    /**
     * A text broken into lines of at most {@code width} characters at spaces, at most {@code max}
     * lines, the last ending in an ellipsis when text is left over. Done here rather than by
     * ECharts, whose rich text does not wrap, so every box keeps its width.
     */
    static List<String> wrap(String text, int width, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = clean(text).split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i].length() > width ? words[i].substring(0, width - 1) + "…" : words[i];
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                if (lines.size() == max - 1) {
                    lines.add(ellipsis(line, width));
                    return lines;
                }
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(w);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    private static String ellipsis(StringBuilder line, int width) {
        String l = line.toString();
        return (l.length() >= width ? l.substring(0, width - 1).trim() : l) + "…";
    }

    private static String tip(Node n, String band, Text text) {
        StringBuilder b = new StringBuilder(n.kode()).append(" · ").append(n.jabatan());
        if (n.sasaran() != null) b.append(" — ").append(n.sasaran());
        b.append(" (").append(text.get("pohon.tip.indicators", n.indikator().size()));
        if (band != null) b.append("; ").append(text.get("pohon.band.of", band, Formats.decimal(n.capaian())));
        return b.append(")").toString();
    }

    /**
     * Text safe inside a rich-text run: ECharts reads braces and bars as markup and {a}-style
     * placeholders, so they go; long texts end in an ellipsis (the full text is in the panel).
     */
    static String clean(String s) {
        return s.replaceAll("[{}|]", " ").replaceAll("\\s+", " ").trim();
    }
}
