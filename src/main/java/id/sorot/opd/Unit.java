package id.sorot.opd;

/** A service unit measured by IKM; {@code isOpd} when the unit is an OPD itself rather than a puskesmas or UPTD. */
public record Unit(int id, int pemdaId, int opdId, String nama, String jenis, boolean isOpd) {}
