package id.sorot.etl.read;

import id.sorot.opd.Opd;
import id.sorot.opd.OpdDirectory;
import id.sorot.opd.Pemda;
import id.sorot.opd.Unit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of value a field holds and how raw cell text becomes one. Conversion failures carry a
 * message key; the loader turns them into problems that name the cell.
 */
public enum FieldType {
    PEMDA,
    OPD,
    UNIT,
    TAHUN,
    TRIWULAN,
    DECIMAL,
    MONEY,
    TEXT,
    KODE,
    PREDIKAT,
    MUTU,
    PREDIKAT_NILAI,
    QUANTITY,
    /** A plan's target: a number with satuan, a range, a predikat, an index with its grade, or a text. */
    PLAN_TARGET,
    /** An as-of date ("30 November 2024", "2024-11-30", "s/d 31 Desember 2024"); a month means its last day. */
    TANGGAL,
    /** A month of the load's year ("November", "Nov", "11"), 1 to 12. */
    BULAN;

    /** A field a target accepts. */
    public record Def(FieldType type, boolean required) {
        public static Def required(FieldType type) {
            return new Def(type, true);
        }

        public static Def optional(FieldType type) {
            return new Def(type, false);
        }
    }

    /** A conversion failure: message key and arguments. */
    public static final class Bad extends Exception {
        public final String code;
        public final Object[] args;

        public Bad(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }
    }

    /** The IKM mutu a source reports: the grade (A-D) and the words it used ("Sangat Baik"). */
    public record Mutu(String grade, String label) {}

    /** A predikat with its score, as in {@code A (82.04)}. */
    public record PredikatNilai(String predikat, long hundredths) {}

    /**
     * A target or realisation as written in an indicator table: {@code 40%}, {@code 88},
     * {@code 20 Dokumen}, {@code 7-8}, {@code A (82.04)}, or a bare grade {@code A}.
     */
    public record Quantity(Double value, Double upper, String unit, String grade) {}

    private static final Pattern PREDIKAT_SET = Pattern.compile("AA|A|BB|B|CC|C|D");
    private static final Pattern WITH_SCORE = Pattern.compile("^([A-Da-d]{1,2})\\s*\\(\\s*([0-9.,]+)\\s*\\)$");
    private static final Pattern RANGE =
            Pattern.compile("^([0-9][0-9.,]*)\\s*(?:-|–|s\\.?d\\.?|sampai)\\s*([0-9][0-9.,]*)\\s*(%|[^0-9].*)?$");
    private static final Pattern AMOUNT = Pattern.compile("^(-?[0-9][0-9.,]*)\\s*(%|[^0-9].*)?$");
    private static final Pattern ROMAN = Pattern.compile("^(?:TW\\.?\\s*|TRIWULAN\\s*)?(I{1,3}|IV|[1-4])$");

    /** What conversion needs besides the text: the OPD master and the file's pemda. */
    record Context(OpdDirectory directory, Pemda pemda, boolean dashIsZero) {}

    public Object convert(String raw, Context ctx) throws Bad {
        String text = Layout.clean(raw);
        switch (this) {
            case PEMDA -> {
                if (text.isEmpty()) return null;
                return ctx.directory().pemda(text).orElseThrow(() -> new Bad("etl.error.unknown_pemda", text));
            }
            case OPD -> {
                if (text.isEmpty()) return null;
                Pemda pemda = requirePemda(ctx);
                Opd opd = ctx.directory().findOpd(pemda.id(), text).orElse(null);
                if (opd == null) {
                    throw new Bad(
                            "etl.error.unknown_opd",
                            text,
                            pemda.nama(),
                            String.join("; ", ctx.directory().closestOpds(pemda.id(), text, 3)));
                }
                return opd;
            }
            case UNIT -> {
                if (text.isEmpty()) return null;
                Pemda pemda = requirePemda(ctx);
                Unit unit = ctx.directory().findUnit(pemda.id(), text).orElse(null);
                if (unit == null) {
                    throw new Bad(
                            "etl.error.unknown_unit",
                            text,
                            pemda.nama(),
                            String.join("; ", ctx.directory().closestUnits(pemda.id(), text, 3)));
                }
                return unit;
            }
            case TAHUN -> {
                if (text.isEmpty()) return null;
                try {
                    int year = Integer.parseInt(text.replaceAll("(?i)^tahun\\s*", ""));
                    if (year < 2000 || year > 2050) throw new Bad("etl.error.bad_year", text);
                    return year;
                } catch (NumberFormatException e) {
                    throw new Bad("etl.error.bad_year", text);
                }
            }
            case TRIWULAN -> {
                if (text.isEmpty()) return null;
                Matcher m = ROMAN.matcher(text.toUpperCase(Locale.ROOT));
                if (!m.matches()) throw new Bad("etl.error.bad_triwulan", text);
                return switch (m.group(1)) {
                    case "I", "1" -> 1;
                    case "II", "2" -> 2;
                    case "III", "3" -> 3;
                    default -> 4;
                };
            }
            case DECIMAL, MONEY -> {
                try {
                    long v = IdNumbers.parseHundredths(raw, this == MONEY, ctx.dashIsZero());
                    return v == IdNumbers.MISSING ? null : v;
                } catch (IdNumbers.NotANumber e) {
                    throw new Bad(e.code);
                }
            }
            case TEXT -> {
                return text.isEmpty() ? null : text;
            }
            case KODE -> {
                if (text.isEmpty()) return null;
                if (!isKode(text)) throw new Bad("etl.error.bad_kode", text);
                return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
            }
            case PREDIKAT -> {
                if (text.isEmpty() || text.equals("-")) return null;
                String p = text.toUpperCase(Locale.ROOT);
                if (!PREDIKAT_SET.matcher(p).matches()) throw new Bad("etl.error.bad_predikat", text);
                return p;
            }
            case MUTU -> {
                if (text.isEmpty() || text.equals("-")) return null;
                String grade =
                        switch (text.toLowerCase(Locale.ROOT)) {
                            case "a", "sangat baik" -> "A";
                            case "b", "baik" -> "B";
                            case "c", "kurang baik" -> "C";
                            case "d", "tidak baik" -> "D";
                            default -> throw new Bad("etl.error.bad_mutu", text);
                        };
                return new Mutu(grade, text);
            }
            case PREDIKAT_NILAI -> {
                Matcher m = WITH_SCORE.matcher(text);
                if (!m.matches()) throw new Bad("etl.error.bad_predikat_nilai", text);
                try {
                    return new PredikatNilai(
                            m.group(1).toUpperCase(Locale.ROOT), IdNumbers.parseHundredths(m.group(2), false, false));
                } catch (IdNumbers.NotANumber e) {
                    throw new Bad(e.code);
                }
            }
            case QUANTITY -> {
                return quantity(text);
            }
            case PLAN_TARGET -> {
                return PlanTarget.parse(text);
            }
            case TANGGAL -> {
                if (text.isEmpty()) return null;
                Periods.Period p = Periods.parse(text, null);
                if (p.asOf() == null) throw new Bad("etl.error.bad_date", text);
                return p.asOf();
            }
            case BULAN -> {
                if (text.isEmpty()) return null;
                Integer m = Periods.monthNumber(text);
                if (m == null) throw new Bad("etl.error.bad_month", text);
                return m;
            }
        }
        throw new IllegalStateException(name());
    }

    private static Pemda requirePemda(Context ctx) throws Bad {
        if (ctx.pemda() == null) throw new Bad("etl.error.no_pemda");
        return ctx.pemda();
    }

    /** Digits in groups separated by single dots, optionally ending in a dot: 1.2.01.1 or 5. */
    static boolean isKode(String text) {
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && digit) {
                digit = false;
            } else {
                return false;
            }
        }
        return digit || text.length() > 1;
    }

    /** A target or realisasi as written: a number with its unit, a range "7-8", or a predikat "A (82.04)". */
    public static Quantity quantity(String text) throws Bad {
        if (text.isEmpty() || text.equals("-")) return null;
        Quantity simple = simpleQuantity(text);
        if (simple != null) return simple;
        try {
            Matcher m = WITH_SCORE.matcher(text);
            if (m.matches()) {
                return new Quantity(
                        IdNumbers.parseHundredths(m.group(2), false, false) / 100.0,
                        null,
                        null,
                        m.group(1).toUpperCase(Locale.ROOT));
            }
            if (PREDIKAT_SET.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
                return new Quantity(null, null, null, text.toUpperCase(Locale.ROOT));
            }
            m = RANGE.matcher(text);
            if (m.matches()) {
                return new Quantity(
                        IdNumbers.parseHundredths(m.group(1), false, false) / 100.0,
                        IdNumbers.parseHundredths(m.group(2), false, false) / 100.0,
                        unit(m.group(3)),
                        null);
            }
            m = AMOUNT.matcher(text);
            if (m.matches()) {
                return new Quantity(
                        IdNumbers.parseHundredths(m.group(1), false, false) / 100.0, null, unit(m.group(2)), null);
            }
        } catch (IdNumbers.NotANumber e) {
            throw new Bad(e.code);
        }
        throw new Bad("etl.error.bad_quantity", text);
    }

    /**
     * The common case without regular expressions: a number, then optionally a space and a unit
     * made of letters ("20 Dokumen", "100%", "88,13"). Anything else returns null.
     */
    private static Quantity simpleQuantity(String text) {
        int n = text.length();
        char first = text.charAt(0);
        if (first < '0' || first > '9') return null;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != ',') break;
            i++;
        }
        int u = i;
        while (u < n && text.charAt(u) == ' ') u++;
        for (int k = u; k < n; k++) {
            char c = text.charAt(k);
            if (!Character.isLetter(c) && c != ' ' && c != '/' && c != '.' && !(c == '%' && k == u && k == n - 1)) {
                return null;
            }
        }
        try {
            double value = IdNumbers.parseHundredths(text, 0, i, false, false) / 100.0;
            return new Quantity(
                    value, null, u == n ? null : units(text.substring(u).strip()), null);
        } catch (IdNumbers.NotANumber e) {
            return null;
        }
    }

    /** Units repeat on every row ("Dokumen", "Laporan"): one instance each keeps them cheap downstream. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> UNITS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String units(String unit) {
        String known = UNITS.get(unit);
        if (known != null || UNITS.size() > 10_000) return known != null ? known : unit;
        known = UNITS.putIfAbsent(unit, unit);
        return known == null ? unit : known;
    }

    private static String unit(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
