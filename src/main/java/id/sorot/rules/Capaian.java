package id.sorot.rules;

/**
 * Capaian kinerja: realisation against target, by the indicator's direction (GUIDE.md,
 * PermenPANRB 6/2022 for lower-is-better). Values are percentages (100 = target met).
 */
public final class Capaian {

    public static final String RULE_VERSION = "capaian-permenpanrb-6-2022";

    /** Which way an indicator improves. */
    public enum Arah {
        HIGHER,
        LOWER,
        RANGE,
        QUALITATIVE
    }

    private Capaian() {}

    /** Higher is better: realisasi / target x 100. */
    public static Double higher(Double realisasi, Double target) {
        if (realisasi == null || target == null || target == 0) {
            return null;
        }
        return realisasi / target * 100;
    }

    /** Lower is better: (1 + (1 - realisasi / target)) x 100, the same as (2 x target - realisasi) / target. */
    public static Double lower(Double realisasi, Double target) {
        if (realisasi == null || target == null || target == 0) {
            return null;
        }
        return (1 + (1 - realisasi / target)) * 100;
    }

    /** Range target [low, high]: 100 inside; above, against the upper bound; below, against the lower. */
    public static Double range(Double realisasi, Double low, Double high) {
        if (realisasi == null || low == null || high == null) {
            return null;
        }
        if (realisasi > high) {
            return higher(realisasi, high);
        }
        if (realisasi < low) {
            return higher(realisasi, low);
        }
        return 100.0;
    }

    /** Qualitative target (a grade such as predikat "A"): 100 when met, else by grade order. */
    public static Double qualitative(String realisasi, String target, BandSet grades) {
        if (realisasi == null || target == null) {
            return null;
        }
        int r = grades.rank(realisasi.trim());
        int t = grades.rank(target.trim());
        if (r < 0 || t < 0) {
            return realisasi.trim().equalsIgnoreCase(target.trim()) ? 100.0 : null;
        }
        if (r <= t) {
            return 100.0;
        }
        // each grade short of the target costs an equal share of the scale
        return Math.max(0, 100.0 - 100.0 * (r - t) / grades.labels().size());
    }

    /**
     * A text target ("Tidak Ada Temuan"): GUIDE.md has no rule. Met (100) when the realisasi says the
     * same words (case and spacing aside); otherwise null, "tidak dapat dihitung", shown beside both
     * texts, because words that differ may still mean the target was met and Sorot does not guess.
     */
    public static Double text(String realisasi, String target) {
        if (realisasi == null || target == null) return null;
        return normal(realisasi).equals(normal(target)) ? 100.0 : null;
    }

    private static String normal(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
