package id.sorot.etl.read;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as a plan writes it (pohon kinerja, IKU, Renstra, Perjanjian Kinerja), read into one of
 * the kinds GUIDE.md's capaian rules know: a number with its satuan ({@code 20 Unit}, {@code 75.4%},
 * {@code 17 dokumen/ Laporan}), a range ({@code 7-8}), a predikat with or without its score
 * ({@code A (82,04)}, {@code BB}), an index with its grade in words ({@code 85 (Sangat Baik)}), or
 * a text ({@code Tidak Ada Temuan}). A text has no digits: a cell with digits that fits no kind is
 * unreadable, never stored as text, so a typo in a number is not taken for a qualitative target.
 */
public record PlanTarget(Kind kind, Double value, Double upper, String unit, String grade) {

    public enum Kind {
        ANGKA,
        RENTANG,
        PREDIKAT,
        INDEKS,
        TEKS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern WITH_WORDS =
            Pattern.compile("^(-?[0-9][0-9.,]*)\\s*(%|[A-Za-z][A-Za-z/ ]*?)?\\s*\\(\\s*(\\p{L}[\\p{L} ]*?)\\s*\\)$");

    /** The target a cell holds, or null when it is empty or a dash. */
    static PlanTarget parse(String text) throws FieldType.Bad {
        if (text.isEmpty() || text.equals("-")) return null;
        Matcher m = WITH_WORDS.matcher(text);
        if (m.matches() && !isGrade(m.group(3))) {
            try {
                double value = IdNumbers.parseHundredths(m.group(1), false, false) / 100.0;
                String unit = m.group(2) == null ? null : m.group(2).trim();
                return new PlanTarget(Kind.INDEKS, value, null, unit, m.group(3));
            } catch (IdNumbers.NotANumber e) {
                throw new FieldType.Bad("etl.error.bad_target", text);
            }
        }
        if (text.chars().noneMatch(Character::isDigit)) {
            String upper = text.toUpperCase(Locale.ROOT);
            if (isGrade(upper)) return new PlanTarget(Kind.PREDIKAT, null, null, null, upper);
            if (text.chars().anyMatch(Character::isLetter)) return new PlanTarget(Kind.TEKS, null, null, null, null);
            throw new FieldType.Bad("etl.error.bad_target", text);
        }
        FieldType.Quantity q;
        try {
            q = FieldType.quantity(text);
        } catch (FieldType.Bad e) {
            throw new FieldType.Bad("etl.error.bad_target", text);
        }
        if (q.unit() != null && q.unit().chars().anyMatch(Character::isDigit)) {
            throw new FieldType.Bad("etl.error.bad_target", text);
        }
        if (q.grade() != null) return new PlanTarget(Kind.PREDIKAT, q.value(), null, null, q.grade());
        if (q.upper() != null) return new PlanTarget(Kind.RENTANG, q.value(), q.upper(), q.unit(), null);
        return new PlanTarget(Kind.ANGKA, q.value(), null, q.unit(), null);
    }

    private static boolean isGrade(String s) {
        return s.matches("AA|A|BB|B|CC|C|D");
    }
}
