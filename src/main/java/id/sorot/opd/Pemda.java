package id.sorot.opd;

/**
 * A local government, with the band sets that compute its predikat, mutu and capaian rating, and
 * its early-warning thresholds for deviasi (null where it keeps Sorot's defaults).
 */
public record Pemda(
        int id,
        String kode,
        String nama,
        String jenis,
        String provinsi,
        String bandPredikat,
        String bandMutu,
        String bandCapaian,
        Double deviasiMerah,
        Double deviasiKuning) {

    /**
     * What a pemda names a band set for (band_sets: in pemda.yml, the columns band_* of the pemda
     * table), which a cube band measure may follow as {@code pemda.<role>}.
     */
    public static final java.util.List<String> BAND_ROLES = java.util.List.of("predikat", "mutu", "capaian");
}
