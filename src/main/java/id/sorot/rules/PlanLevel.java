package id.sorot.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The levels of a pohon kinerja, top down (PermenPANRB 89/2021, perjenjangan kinerja): the pemda's
 * tujuan and sasaran, the perangkat daerah's tujuan and sasaran (its head, eselon II), program
 * (administrator, eselon III), kegiatan and sub kegiatan (pengawas, eselon IV) and the individual
 * indicators of the other jabatan. An outline table names the jabatan but not the level, so the
 * level is read from the jabatan as GUIDE.md says; jabatan fungsional count by their penyetaraan
 * (PermenPANRB 17/2021: Ahli Madya for administrator, Ahli Muda for pengawas).
 */
public enum PlanLevel {
    TUJUAN_PEMDA("Tujuan pemda"),
    SASARAN_PEMDA("Sasaran pemda"),
    TUJUAN_PD("Tujuan perangkat daerah"),
    SASARAN_PD("Sasaran perangkat daerah"),
    PROGRAM("Program"),
    KEGIATAN("Kegiatan"),
    SUB_KEGIATAN("Sub kegiatan"),
    INDIVIDU("Individu");

    private static final Pattern ADMINISTRATOR = Pattern.compile(
            "^(KEPALA\\s+(BAGIAN|BIDANG)|KABAG|KABID|SEKRETARIS(\\s+(DINAS|BADAN))?$|CAMAT\\b)|\\bAHLI\\s+MADYA\\b");
    private static final Pattern PENGAWAS = Pattern.compile(
            "^(KEPALA\\s+(SUB\\s*BAGIAN|SUB\\s*BIDANG|SEKSI|UPTD|UPT)|KASUBAG|KASUBBAG|KASUBBID|KASUBID|KASI|LURAH\\b)"
                    + "|\\bAHLI\\s+MUDA\\b");

    private final String label;

    PlanLevel(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /**
     * The level of an outline node: the top node is the head's tujuan, a node the head owns one of its
     * sasaran, then program, kegiatan or individu by the jabatan, never above the parent's level.
     */
    public static PlanLevel ofOutline(String jabatan, PlanLevel parent, String headJabatan) {
        if (parent == null) return TUJUAN_PD;
        String j = normal(jabatan);
        PlanLevel own;
        if (j.equals(normal(headJabatan))) own = SASARAN_PD;
        else if (ADMINISTRATOR.matcher(j).find()) own = PROGRAM;
        else if (PENGAWAS.matcher(j).find()) own = KEGIATAN;
        else own = INDIVIDU;
        return own.ordinal() < parent.ordinal() ? parent : own;
    }

    private static String normal(String jabatan) {
        String j = jabatan == null ? "" : jabatan.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return j.startsWith("JABATAN FUNGSIONAL ") ? j.substring("JABATAN FUNGSIONAL ".length()) : j;
    }
}
