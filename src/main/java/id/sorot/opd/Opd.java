package id.sorot.opd;

/** A perangkat daerah. {@code singkatan} is the short name leadership knows it by (DISDIK, KEC. JATIASIH). */
public record Opd(int id, int pemdaId, String kode, String nama, String singkatan, String jenis, Integer parentId) {}
