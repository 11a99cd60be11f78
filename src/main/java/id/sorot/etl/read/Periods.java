package id.sorot.etl.read;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a table is about, as Indonesian titles, file names and parameters write it: a year
 * ("Tahun 2024"), a semester ("Semester I 2024"), a triwulan ("Triwulan III 2024", "TW 3 2024"), a
 * month ("November 2024", "2024-11") or an as-of date ("per 30 November 2023", "s/d 31 Desember
 * 2024", "Periode 01 Januari 2024 s/d 31 Desember 2024": the last date counts, "30/11/2023",
 * "2023-11-30"). Everything but a bare year is a snapshot with an as-of date: the last day of the
 * month, semester or triwulan, or the date itself.
 */
public final class Periods {

    private Periods() {}

    /**
     * A period: its year, the triwulan when the table is about one quarter, and the as-of date of a
     * snapshot (null: the year or triwulan as a whole).
     */
    public record Period(int tahun, Integer triwulan, LocalDate asOf) {
        /** The as-of date, or the last day of the year or triwulan for a period without one. */
        public LocalDate asOfOrEnd() {
            if (asOf != null) return asOf;
            return triwulan == null || triwulan == 0 ? LocalDate.of(tahun, 12, 31) : endOfTriwulan(tahun, triwulan);
        }
    }

    public static LocalDate endOfTriwulan(int tahun, int triwulan) {
        return YearMonth.of(tahun, triwulan * 3).atEndOfMonth();
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1),
            Map.entry("jan", 1),
            Map.entry("january", 1),
            Map.entry("februari", 2),
            Map.entry("feb", 2),
            Map.entry("pebruari", 2),
            Map.entry("february", 2),
            Map.entry("maret", 3),
            Map.entry("mar", 3),
            Map.entry("march", 3),
            Map.entry("april", 4),
            Map.entry("apr", 4),
            Map.entry("mei", 5),
            Map.entry("may", 5),
            Map.entry("juni", 6),
            Map.entry("jun", 6),
            Map.entry("june", 6),
            Map.entry("juli", 7),
            Map.entry("jul", 7),
            Map.entry("july", 7),
            Map.entry("agustus", 8),
            Map.entry("agu", 8),
            Map.entry("agt", 8),
            Map.entry("ags", 8),
            Map.entry("aug", 8),
            Map.entry("august", 8),
            Map.entry("september", 9),
            Map.entry("sep", 9),
            Map.entry("sept", 9),
            Map.entry("oktober", 10),
            Map.entry("okt", 10),
            Map.entry("oct", 10),
            Map.entry("october", 10),
            Map.entry("november", 11),
            Map.entry("nov", 11),
            Map.entry("nop", 11),
            Map.entry("nopember", 11),
            Map.entry("desember", 12),
            Map.entry("des", 12),
            Map.entry("dec", 12),
            Map.entry("december", 12));

    private static final String MONTH = "([A-Za-z]{3,9})\\.?";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[- ]?\\s*" + MONTH + "\\s*[- ]?\\s*" + YEAR + "(?!\\d)");
    private static final Pattern NUMERIC_DATE =
            Pattern.compile("(?<!\\d)(\\d{1,2})[/.-](\\d{1,2})[/.-]" + YEAR + "(?!\\d)");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)" + YEAR + "-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern ISO_MONTH = Pattern.compile("^" + YEAR + "-(\\d{2})$");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?<![A-Za-z])" + MONTH + "\\s+(?:tahun\\s+)?" + YEAR);
    private static final Pattern SEMESTER = Pattern.compile(
            "(?i)semester\\s*(I{1,2}|[12]|satu|dua)\\b(?:\\s*(?:tahun\\s*(?:anggaran\\s*)?)?" + YEAR + ")?");
    private static final Pattern TRIWULAN = Pattern.compile(
            "(?i)(?:triwulan|tw)\\.?\\s*(IV|I{1,3}|[1-4])\\b(?:\\s*(?:tahun\\s*(?:anggaran\\s*)?)?" + YEAR + ")?");
    private static final Pattern ONLY_YEAR = Pattern.compile("(?<!\\d)" + YEAR + "(?!\\d)");

    /**
     * The period {@code text} names, the year taken from {@code year} when the text has none (a
     * "Bulan" column holding "November"); throws when it names none.
     */
    public static Period parse(String text, Integer year) throws FieldType.Bad {
        String t = Layout.clean(text);
        if (t.isEmpty()) throw new FieldType.Bad("etl.error.bad_period", text);
        // the last date a text names is its as-of date ("01 Januari 2024 s/d 31 Desember 2024")
        Dated last = null;
        last = latest(last, text, t, DAY_MONTH_YEAR, 3, 2, 1);
        last = latest(last, text, t, NUMERIC_DATE, 3, 2, 1);
        last = latest(last, text, t, ISO_DATE, 1, 2, 3);
        if (last != null) return checked(text, new Period(last.date.getYear(), null, last.date));
        Matcher iso = ISO_MONTH.matcher(t);
        if (iso.matches()) {
            return checked(text, month(text, Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2))));
        }
        Period monthly = null;
        for (Matcher m = MONTH_YEAR.matcher(t); m.find(); ) {
            Integer month = monthNumber(m.group(1));
            if (month != null) monthly = month(text, Integer.parseInt(m.group(2)), month);
        }
        if (monthly != null) return checked(text, monthly);
        Matcher sem = SEMESTER.matcher(t);
        if (sem.find()) {
            int s =
                    switch (sem.group(1).toUpperCase(Locale.ROOT)) {
                        case "I", "1", "SATU" -> 1;
                        default -> 2;
                    };
            int y = yearOf(text, sem.group(2), t, year);
            return checked(text, new Period(y, null, s == 1 ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31)));
        }
        Matcher tw = TRIWULAN.matcher(t);
        if (tw.find()) {
            int q = (Integer) FieldType.TRIWULAN.convert(tw.group(1), null);
            return checked(text, new Period(yearOf(text, tw.group(2), t, year), q, null));
        }
        Integer bare = monthNumber(t);
        if (bare != null && year != null) return checked(text, month(text, year, bare));
        Matcher y = ONLY_YEAR.matcher(t);
        if (y.find()) return checked(text, new Period(Integer.parseInt(y.group(1)), null, null));
        throw new FieldType.Bad("etl.error.bad_period", text);
    }

    /** A date found in a text, and where it starts. */
    private record Dated(LocalDate date, int at) {}

    /**
     * The later-placed of {@code found} and the last date {@code pattern} finds in {@code t}, its
     * year, month and day in the given groups (the month in digits or by name).
     */
    private static Dated latest(Dated found, String text, String t, Pattern pattern, int y, int m, int d)
            throws FieldType.Bad {
        for (Matcher x = pattern.matcher(t); x.find(); ) {
            // a month in digits is checked with the date (13 is refused); a word that names none is no date
            String g = x.group(m);
            Integer month = Character.isDigit(g.charAt(0)) ? Integer.valueOf(g) : monthNumber(g);
            if (month == null) continue;
            if (found == null || x.start() >= found.at) {
                found = new Dated(
                        date(text, Integer.parseInt(x.group(y)), month, Integer.parseInt(x.group(d))), x.start());
            }
        }
        return found;
    }

    /** A month by its Indonesian or English name or abbreviation, or by its number 1 to 12; else null. */
    public static Integer monthNumber(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(".", "");
        if (t.matches("\\d{1,2}")) {
            int m = Integer.parseInt(t);
            return m >= 1 && m <= 12 ? m : null;
        }
        return MONTHS.get(t);
    }

    private static int yearOf(String text, String group, String cleaned, Integer fallback) throws FieldType.Bad {
        if (group != null) return Integer.parseInt(group);
        Matcher y = ONLY_YEAR.matcher(cleaned);
        if (y.find()) return Integer.parseInt(y.group(1));
        if (fallback != null) return fallback;
        throw new FieldType.Bad("etl.error.bad_period", text);
    }

    private static Period month(String text, int year, int month) throws FieldType.Bad {
        if (month < 1 || month > 12) throw new FieldType.Bad("etl.error.bad_period", text);
        return new Period(year, null, YearMonth.of(year, month).atEndOfMonth());
    }

    private static LocalDate date(String text, int y, int m, int d) throws FieldType.Bad {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            throw new FieldType.Bad("etl.error.bad_period", text);
        }
    }

    private static Period checked(String text, Period p) throws FieldType.Bad {
        if (p.tahun() < 2000 || p.tahun() > 2050) throw new FieldType.Bad("etl.error.bad_year", text);
        return p;
    }
}
