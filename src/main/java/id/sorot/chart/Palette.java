package id.sorot.chart;

import java.util.List;
import java.util.Map;

/**
 * Colours chosen to stay apart for colour-blind readers and on a washed-out projector
 * (Okabe-Ito), one per predikat from best to worst.
 */
public final class Palette {

    public static final Map<String, String> PREDIKAT = Map.of(
            "AA", "#0072b2",
            "A", "#009e73",
            "BB", "#56b4e9",
            "B", "#e69f00",
            "CC", "#d55e00",
            "C", "#cc79a7",
            "D", "#000000");

    public static final List<String> PREDIKAT_ORDER = List.of("AA", "A", "BB", "B", "CC", "C", "D");

    private Palette() {}
}
