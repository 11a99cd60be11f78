package id.sorot.base.ui;

import com.vaadin.flow.component.html.Span;

/** Predikat and mutu as coloured badges; the letter is always written, colour only helps. */
public final class Badge {

    private Badge() {}

    /** A predikat AKIP (AA..D) or a capaian rating. */
    public static Span predikat(String label) {
        Span s = new Span(label == null ? "–" : label);
        if (label != null) s.addClassNames("sorot-badge", "p-" + label);
        return s;
    }

    /** A mutu pelayanan (A..D) of an IKM. */
    public static Span mutu(String label) {
        Span s = new Span(label == null ? "–" : label);
        if (label != null) s.addClassNames("sorot-badge", "m-" + label);
        return s;
    }

    /** A change with its direction as an arrow and a sign: ▲ +2,86, ▼ −0,01. */
    public static Span change(Double change) {
        Span s = new Span(
                change == null
                        ? "–"
                        : (change > 0.000001 ? "▲ " : change < -0.000001 ? "▼ " : "") + Formats.signed(change));
        if (change != null && change > 0.000001) s.addClassName("sorot-up");
        if (change != null && change < -0.000001) s.addClassName("sorot-down");
        return s;
    }
}
