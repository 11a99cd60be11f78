package id.sorot.opd;

import java.util.Map;

/**
 * What a pemda's reference says of one IKU indicator that its LKIP tables do not: the direction
 * (naik, turun, rentang, kualitatif) and, per year, a target as text ("7-8", "A", "12,5 %") for
 * where the table's cell is blank. Read from the file {@code iku:} names in etl/reference/pemda.yml.
 *
 * @param opd the OPD's kode or any of its spellings, as in the OPD master
 * @param file the reference file, and {@code path} the entry in it, for messages
 */
public record IndikatorRule(
        String opd, String nama, String arah, Map<Integer, String> target, String file, String path) {

    /** The directions a rule may give, as written in the reference. */
    public static final java.util.List<String> ARAH = java.util.List.of("naik", "turun", "rentang", "kualitatif");

    public IndikatorRule {
        target = Map.copyOf(target);
    }

    /** An indicator's name as a key: case, spaces and punctuation do not tell two apart. */
    public static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
