package id.sorot.base.ui;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as Indonesian documents print them, whatever the UI language: {@code 85,02},
 * {@code 7.533.144.934.916}, {@code 29,55%}, {@code Rp 203.400.576.968}.
 */
public final class Formats {

    private static final DecimalFormatSymbols ID = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("id-ID"));

    private Formats() {}

    private static DecimalFormat pattern(String p) {
        DecimalFormat f = new DecimalFormat(p, ID);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f;
    }

    /**
     * The decimal a person would write for {@code n}: 77,595 rounds half up to 77,60, although as a
     * double it is 77,594999...
     */
    private static java.math.BigDecimal exact(Number n) {
        return n instanceof java.math.BigDecimal b ? b : java.math.BigDecimal.valueOf(n.doubleValue());
    }

    /** Two decimals: 85,02. */
    public static String decimal(Number n) {
        return n == null ? "–" : pattern("#,##0.00").format(exact(n));
    }

    /** With a sign, for changes: +2,86 or −0,56. */
    public static String signed(Number n) {
        if (n == null) return "–";
        double v = n.doubleValue();
        String s = pattern("#,##0.00").format(exact(n).abs());
        return (v > 0.0000001 ? "+" : v < -0.0000001 ? "\u2212" : "") + s;
    }

    public static String integer(Number n) {
        return n == null ? "–" : pattern("#,##0").format(exact(n));
    }

    public static String percent(Number n) {
        return n == null ? "–" : pattern("#,##0.00").format(exact(n)) + "%";
    }

    public static String rupiah(Number n) {
        return n == null ? "–" : "Rp " + pattern("#,##0").format(exact(n));
    }
}
