package id.sorot.etl.draft;

import id.sorot.etl.read.Amounts;
import id.sorot.etl.read.IdNumbers;
import java.util.regex.Pattern;

/** What the values of a column look like, as a data officer would name it. */
public enum ColumnKind {
    /** A running number 1, 2, 3 ... */
    NOMOR,
    /** A kode such as 1.01.01 or 5.01.0.00.0.00.01.0000. */
    KODE,
    /** A year, 2019 ... 2030. */
    TAHUN,
    /** A percentage: the cell or the header says %. */
    PERSEN,
    /** Rupiah: "Rp" in the cell, a unit suffix (Rb, Jt, M, T), or a number of a million or more. */
    RUPIAH,
    /** A number written the Indonesian way (1.234,56; 12,5). */
    ANGKA,
    /** A predikat AA, A, BB, B, CC, C, D (or a mutu A-D). */
    PREDIKAT,
    TEKS,
    /** No value in any data row. */
    KOSONG;

    private static final Pattern PREDIKAT_LABEL = Pattern.compile("AA|A|BB|B|CC|C|D");
    /** Three parts or more (1.01.01): "82.64" is a decimal written with a dot, not a kode. */
    private static final Pattern KODE_LIKE = Pattern.compile("\\d+(\\.\\d+){2,}");

    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    /** The kind of one non-empty cell; {@code header} tells a percent column whose cells omit the %. */
    static ColumnKind of(String v, String header) {
        if (PREDIKAT_LABEL.matcher(v).matches()) return PREDIKAT;
        if (YEAR.matcher(v).matches()) return TAHUN;
        if (KODE_LIKE.matcher(v).matches() && !THOUSANDS.matcher(v).matches()) return KODE;
        String plain = v.endsWith("%") ? v.substring(0, v.length() - 1).strip() : v;
        boolean rp = plain.regionMatches(true, 0, "Rp", 0, 2);
        if (rp) plain = plain.substring(2).strip();
        if (plain.isEmpty()) return TEKS;
        char first = plain.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '(')) return TEKS;
        try {
            if (Amounts.hasSuffix(plain)) {
                Amounts.read(plain, null, false);
                return RUPIAH;
            }
            long h = IdNumbers.parseHundredths(plain, rp, false);
            if (v.endsWith("%")
                    || header.contains("%")
                    || header.toLowerCase(java.util.Locale.ROOT).contains("persen")) return PERSEN;
            if (rp || Math.abs(h) >= 100_000_000L) return RUPIAH;
            return ANGKA;
        } catch (IdNumbers.NotANumber e) {
            return TEKS;
        }
    }
}
