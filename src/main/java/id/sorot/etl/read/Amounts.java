package id.sorot.etl.read;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rupiah amounts written with a unit: a column the spec reads in juta ({@code numbers: {unit:
 * juta}}), or a cell that says its own, as news and dashboards print them: {@code Rp130,838 M},
 * {@code Rp 1,2 T}, {@code 450 Jt}, {@code 12,5 Miliar}. Exact: the digits are scaled as decimals,
 * never as doubles, so {@code Rp130,838 M} is 130.838.000.000 to the rupiah.
 */
public final class Amounts {

    /** The units a column may be read in, by the power of ten each stands for. */
    public enum Unit {
        RUPIAH(0),
        RIBU(3),
        JUTA(6),
        MILIAR(9),
        TRILIUN(12);

        final int exponent;

        Unit(int exponent) {
            this.exponent = exponent;
        }

        /** The unit a spec names ({@code juta}), or null when it names none of them. */
        public static Unit named(String name) {
            for (Unit u : values()) if (u.name().equalsIgnoreCase(name.strip())) return u;
            return null;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Suffixes as Indonesian tables write them; matched without case and without a final dot. */
    private static final Map<String, Unit> SUFFIXES = Map.ofEntries(
            Map.entry("rb", Unit.RIBU),
            Map.entry("ribu", Unit.RIBU),
            Map.entry("jt", Unit.JUTA),
            Map.entry("juta", Unit.JUTA),
            Map.entry("m", Unit.MILIAR),
            Map.entry("miliar", Unit.MILIAR),
            Map.entry("milyar", Unit.MILIAR),
            Map.entry("t", Unit.TRILIUN),
            Map.entry("triliun", Unit.TRILIUN),
            Map.entry("trilyun", Unit.TRILIUN));

    /** English abbreviations: "M" reads miliar in Indonesian, but "mn", "bn" or "B" could mean either scale. */
    private static final Set<String> AMBIGUOUS =
            Set.of("k", "mn", "mio", "b", "bn", "million", "billion", "trillion", "tn");

    private Amounts() {}

    /** Whether the cell ends in a letter: the cheap test that sends it here instead of the plain number path. */
    public static boolean hasSuffix(String raw) {
        if (raw == null) return false;
        for (int i = raw.length() - 1; i >= 0; i--) {
            char c = raw.charAt(i);
            if (c == '.' || c == ')' || Character.isWhitespace(c) || c == '\u00a0') continue;
            return Character.isLetter(c);
        }
        return false;
    }

    /**
     * The amount in hundredths of a rupiah, or {@link IdNumbers#MISSING} for an empty cell: a suffix
     * in the cell says its unit; otherwise the column's ({@code column}, rupiah when null).
     */
    public static long hundredths(String raw, Unit column, boolean dashIsZero) throws IdNumbers.NotANumber {
        return read(raw, column, dashIsZero).hundredths();
    }

    /** An amount and the unit it was read in. */
    public record Read(long hundredths, Unit unit) {}

    /** {@link #hundredths}, with the unit it was read in. */
    public static Read read(String raw, Unit column, boolean dashIsZero) throws IdNumbers.NotANumber {
        String s = raw == null ? "" : raw.replace('\u00a0', ' ').strip();
        if (s.length() > 2 && s.startsWith("(") && s.endsWith(")")) {
            // an accountant's negative around the whole amount, unit included: (1,25 T)
            Read inner = read(s.substring(1, s.length() - 1), column, dashIsZero);
            return inner.hundredths() == IdNumbers.MISSING ? inner : new Read(-inner.hundredths(), inner.unit());
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') end--;
        int start = end;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) start--;
        Unit unit = column == null ? Unit.RUPIAH : column;
        String number = s;
        boolean suffixed = start < end;
        if (suffixed) {
            String suffix = s.substring(start, end).toLowerCase(Locale.ROOT);
            Unit named = SUFFIXES.get(suffix);
            if (named == null) {
                throw new IdNumbers.NotANumber(
                        AMBIGUOUS.contains(suffix)
                                ? "etl.error.amount_unit_ambiguous"
                                : "etl.error.amount_unit_unknown",
                        s.substring(start, end));
            }
            unit = named;
            number = s.substring(0, start).strip();
        }
        long plain = IdNumbers.parseHundredths(number, true, dashIsZero);
        if (plain == IdNumbers.MISSING || unit == Unit.RUPIAH || isDash(number)) return new Read(plain, unit);
        BigDecimal exact = exact(number, suffixed);
        if (exact == null) throw new IdNumbers.NotANumber("etl.error.not_a_number");
        try {
            return new Read(
                    exact.movePointRight(unit.exponent + 2)
                            .setScale(0, RoundingMode.HALF_UP)
                            .longValueExact(),
                    unit);
        } catch (ArithmeticException e) {
            throw new IdNumbers.NotANumber("etl.error.number_too_large");
        }
    }

    private static boolean isDash(String number) {
        String n = number.strip();
        return n.equals("-") || n.equals("\u2013") || n.equals("\u2014");
    }

    /**
     * The number with every decimal it has (the plain path keeps two, enough for rupiah but not for
     * {@code 130,838} miliar). Separators were already checked by the plain parse. A lone dot before
     * three digits is a thousands dot in a money column, as in a table "dalam juta rupiah"; next to a
     * unit written in the cell (news style, {@code Rp130.838 M}) that reading is a guess, so refused.
     */
    private static BigDecimal exact(String number, boolean suffixed) throws IdNumbers.NotANumber {
        String s = number.strip();
        if (s.regionMatches(true, 0, "Rp", 0, 2))
            s = s.substring(2).replaceFirst("^\\.", "").strip();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        } else if (s.startsWith("-") || s.startsWith("\u2212")) {
            negative = true;
            s = s.substring(1).strip();
        }
        int dots = count(s, '.');
        int commas = count(s, ',');
        String digits;
        if (dots > 0 && commas > 0) {
            char decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
            char thousands = decimal == '.' ? ',' : '.';
            digits = s.replace(String.valueOf(thousands), "").replace(decimal, '.');
        } else if (commas == 1) {
            digits = s.replace(',', '.');
        } else if (commas > 1) {
            digits = s.replace(",", "");
        } else if (dots == 1 && s.length() - s.indexOf('.') - 1 == 3) {
            if (suffixed) throw new IdNumbers.NotANumber("etl.error.amount_separator_ambiguous");
            digits = s.replace(".", "");
        } else if (dots == 1) {
            digits = s;
        } else {
            digits = s.replace(".", "");
        }
        try {
            BigDecimal v = new BigDecimal(digits);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
