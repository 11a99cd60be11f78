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

    /** Mutu pelayanan A..D of an IKM, from the same palette. */
    public static final Map<String, String> MUTU = Map.of(
            "A", "#009e73",
            "B", "#56b4e9",
            "C", "#e69f00",
            "D", "#d55e00");

    /** Early-warning status of a deviasi: vermillion, orange and bluish green stay apart for colour-blind readers. */
    public static final Map<String, String> STATUS = Map.of(
            "MERAH", "#d55e00",
            "KUNING", "#e69f00",
            "HIJAU", "#009e73");

    public static final List<String> PREDIKAT_ORDER = List.of("AA", "A", "BB", "B", "CC", "C", "D");

    private Palette() {}
}
