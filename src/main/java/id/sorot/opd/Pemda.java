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
        Double deviasiKuning) {}
