package id.sorot.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four components of the AKIP evaluation and their weights (PermenPANRB 88/2021); each splits
 * into keberadaan 20 %, kualitas 30 % and pemanfaatan 50 % of its weight.
 */
public record AkipKomponen(String kode, String nama, double bobot, int urutan) {

    public static final String RULE_VERSION = "permenpanrb-88-2021";

    public static final List<AkipKomponen> ALL = List.of(
            new AkipKomponen("perencanaan", "Perencanaan Kinerja", 30, 1),
            new AkipKomponen("pengukuran", "Pengukuran Kinerja", 30, 2),
            new AkipKomponen("pelaporan", "Pelaporan Kinerja", 15, 3),
            new AkipKomponen("evaluasi", "Evaluasi Akuntabilitas Kinerja Internal", 25, 4));

    public double keberadaan() {
        return bobot * 0.2;
    }

    public double kualitas() {
        return bobot * 0.3;
    }

    public double pemanfaatan() {
        return bobot * 0.5;
    }

    /**
     * The component a source's label names, by its first word, forgiving a typo or two
     * ("Pengkuran Kinerja" is Pengukuran).
     */
    public static Optional<AkipKomponen> of(String label) {
        if (label == null || label.isBlank()) return Optional.empty();
        String first = label.strip().split("[\\s,]+")[0].toLowerCase(Locale.ROOT);
        AkipKomponen best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (AkipKomponen k : ALL) {
            int d = distance(first, k.kode());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= 2 ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = Math.min(
                        Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
