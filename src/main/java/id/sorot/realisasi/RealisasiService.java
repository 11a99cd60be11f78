package id.sorot.realisasi;

import id.sorot.base.Parallel;
import id.sorot.base.SorotProperties;
import id.sorot.cube.CubeService;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import id.sorot.opd.OpdService;
import id.sorot.opd.Pemda;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Realisasi keuangan and fisik against plan per OPD, their deviasi with the early-warning status,
 * and the triwulan curves of plan against realisation, through the {@code realisasi_opd} and
 * {@code realisasi_triwulan} cubes.
 */
@Service
public class RealisasiService {

    /** Triwulan 0 is the whole year in {@code realisasi_opd}. */
    public static final int YEAR = 0;

    private static final String[] MEASURES = {
        "anggaran",
        "realisasi_keuangan_rp",
        "rencana_keuangan",
        "realisasi_keuangan",
        "rencana_fisik",
        "realisasi_fisik",
        "deviasi_keuangan",
        "deviasi_fisik",
        "selisih_keuangan_fisik",
        "realisasi_keuangan_dilaporkan",
        "deviasi_keuangan_dilaporkan",
        "deviasi_fisik_dilaporkan",
        "rencana_fisik_dilaporkan",
        "realisasi_fisik_dilaporkan",
        "jumlah_beda_persen",
        "jumlah_beda_deviasi",
        "jumlah_opd"
    };

    private final CubeService cubes;
    private final OpdService opds;
    private final Thresholds defaults;

    public RealisasiService(CubeService cubes, OpdService opds, SorotProperties properties) {
        this.cubes = cubes;
        this.opds = opds;
        this.defaults = new Thresholds(
                properties.deviasi().merah(), properties.deviasi().kuning());
    }

    /** The early-warning status of a deviasi. */
    public enum Status {
        MERAH,
        KUNING,
        HIJAU
    }

    /** Deviasi below {@code merah} is red, below {@code kuning} yellow, else green; in points. */
    public record Thresholds(double merah, double kuning) {
        public Thresholds {
            if (!(merah <= kuning)) throw new IllegalArgumentException("merah must not be above kuning");
        }

        public Status status(Double deviasi) {
            if (deviasi == null) return null;
            if (deviasi < merah) return Status.MERAH;
            if (deviasi < kuning) return Status.KUNING;
            return Status.HIJAU;
        }
    }

    /** One OPD's (or the city's) realisation; the {@code ...Dilaporkan} figures are the source's own. */
    public record Line(
            String opdKode,
            String opd,
            String opdNama,
            String jenis,
            Double anggaran,
            Double realisasiRp,
            Double rencanaKeuangan,
            Double realisasiKeuangan,
            Double rencanaFisik,
            Double realisasiFisik,
            Double deviasiKeuangan,
            Double deviasiFisik,
            Double selisihKeuanganFisik,
            Double realisasiKeuanganDilaporkan,
            Double deviasiKeuanganDilaporkan,
            Double deviasiFisikDilaporkan,
            boolean disagrees) {}

    /**
     * Every OPD of a pemda in a period as of one snapshot, worst deviasi keuangan first, and the
     * pemda's total; {@code snapshots} are all the year's as-of dates, latest first.
     */
    public record Deviasi(
            String pemdaKode,
            int tahun,
            int triwulan,
            LocalDate perTanggal,
            List<LocalDate> snapshots,
            List<Line> rows,
            Optional<Line> total) {}

    /**
     * Realisasi over a year's snapshots (a monthly S-curve): per as-of date, in date order, the
     * realisasi keuangan % (Sorot's, else the source's) and fisik % of the pemda or of one OPD.
     */
    public record Snapshots(List<LocalDate> perTanggal, List<Double> keuangan, List<Double> fisik) {}

    /** A sub kegiatan with a triwulan plan, and the kegiatan and program above it. */
    public record Item(String kode, String program, String kegiatan, String subKegiatan) {}

    /**
     * Cumulative plan and realisation per triwulan, in % of pagu (keuangan) and, for one sub
     * kegiatan, in % of its yearly physical target (fisik; null where outputs of different units
     * would have to be added).
     */
    public record Curve(
            List<Integer> triwulan,
            List<Double> targetKeuangan,
            List<Double> realisasiKeuangan,
            List<Double> targetFisik,
            List<Double> realisasiFisik,
            Double pagu,
            int subKegiatan) {}

    /** Sorot's early-warning thresholds (sorot.deviasi.*), for a pemda whose reference sets none. */
    public Thresholds defaultThresholds() {
        return defaults;
    }

    /** The pemda's own thresholds where etl/reference/pemda.yml sets them ({@code deviasi:}), else the defaults. */
    public Thresholds thresholds(String pemdaKode) {
        return opds.directory().pemda(pemdaKode).map(this::thresholds).orElse(defaults);
    }

    private Thresholds thresholds(Pemda p) {
        double merah = p.deviasiMerah() != null ? p.deviasiMerah() : defaults.merah();
        double kuning = p.deviasiKuning() != null ? p.deviasiKuning() : defaults.kuning();
        // one threshold set alone may pass the default of the other: the one the pemda set holds
        if (merah > kuning) {
            if (p.deviasiMerah() != null) kuning = merah;
            else merah = kuning;
        }
        return new Thresholds(merah, kuning);
    }

    /** Years with realisasi for the pemda, latest first. */
    public List<Integer> years(String pemdaKode) {
        return cubes.years("realisasi_opd", "jumlah_opd", pemdaKode);
    }

    /** The as-of dates of a pemda's realisasi in a period, latest first. */
    public List<LocalDate> snapshots(String pemdaKode, int tahun, int triwulan) {
        return cubes
                .query(CubeQuery.of("realisasi_opd")
                        .measures("jumlah_opd")
                        .by("per_tanggal")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("tahun", "eq", tahun)
                        .where("triwulan", "eq", triwulan)
                        .orderBy("per_tanggal", true))
                .column("per_tanggal")
                .stream()
                .map(RealisasiService::date)
                .toList();
    }

    private static LocalDate date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(v.toString());
    }

    /** The latest snapshot of the period. */
    public Deviasi deviasi(String pemdaKode, int tahun, int triwulan) {
        return deviasi(pemdaKode, tahun, triwulan, null);
    }

    /** The period as of {@code perTanggal}, or as of its latest snapshot when that is null or not one of them. */
    public Deviasi deviasi(String pemdaKode, int tahun, int triwulan, LocalDate perTanggal) {
        List<LocalDate> snapshots = snapshots(pemdaKode, tahun, triwulan);
        if (snapshots.isEmpty())
            return new Deviasi(pemdaKode, tahun, triwulan, null, snapshots, List.of(), Optional.empty());
        LocalDate asOf = perTanggal != null && snapshots.contains(perTanggal) ? perTanggal : snapshots.getFirst();
        var total = Parallel.async(() -> cubes.query(CubeQuery.of("realisasi_opd")
                        .measures(MEASURES)
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("tahun", "eq", tahun)
                        .where("triwulan", "eq", triwulan)
                        .where("per_tanggal", "eq", asOf.toString()))
                .first()
                .filter(x -> x.count("jumlah_opd") > 0)
                .map(RealisasiService::line));
        CubeResult r = cubes.query(CubeQuery.of("realisasi_opd")
                .measures(MEASURES)
                .by("opd_kode", "opd", "opd_nama", "jenis_opd")
                .where("pemda_kode", "eq", pemdaKode)
                .where("tahun", "eq", tahun)
                .where("triwulan", "eq", triwulan)
                .where("per_tanggal", "eq", asOf.toString())
                .orderBy("deviasi_keuangan", false)
                .orderBy("opd_kode", false));
        List<Line> rows = r.records().stream().map(RealisasiService::line).toList();
        return new Deviasi(pemdaKode, tahun, triwulan, asOf, snapshots, rows, total.join());
    }

    /** One OPD's realisation for the year, as of the year's latest snapshot. */
    public Optional<Line> opd(String pemdaKode, int tahun, String opdKode) {
        List<LocalDate> snapshots = snapshots(pemdaKode, tahun, YEAR);
        if (snapshots.isEmpty()) return Optional.empty();
        return cubes.query(CubeQuery.of("realisasi_opd")
                        .measures(MEASURES)
                        .by("opd_kode", "opd", "opd_nama", "jenis_opd")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("tahun", "eq", tahun)
                        .where("triwulan", "eq", YEAR)
                        .where("per_tanggal", "eq", snapshots.getFirst().toString())
                        .where("opd_kode", "eq", opdKode))
                .first()
                .map(RealisasiService::line);
    }

    /** Realisasi of the pemda ({@code opdKode} null) or one OPD over the year's snapshots, in date order. */
    public Snapshots overSnapshots(String pemdaKode, int tahun, String opdKode) {
        CubeQuery q = CubeQuery.of("realisasi_opd")
                .measures(
                        "realisasi_keuangan",
                        "realisasi_keuangan_dilaporkan",
                        "realisasi_fisik",
                        "realisasi_fisik_dilaporkan")
                .by("per_tanggal")
                .where("pemda_kode", "eq", pemdaKode)
                .where("tahun", "eq", tahun)
                .where("triwulan", "eq", YEAR)
                .orderBy("per_tanggal", false);
        if (opdKode != null) q = q.where("opd_kode", "eq", opdKode);
        List<LocalDate> dates = new ArrayList<>();
        List<Double> keuangan = new ArrayList<>();
        List<Double> fisik = new ArrayList<>();
        for (CubeResult.Record v : cubes.query(q).records()) {
            dates.add(date(v.get("per_tanggal")));
            Double own = v.decimal("realisasi_keuangan");
            // the source's % is the pemda's only for one OPD; for the pemda it is a mean, not a share
            keuangan.add(own != null || opdKode == null ? own : v.decimal("realisasi_keuangan_dilaporkan"));
            Double f = v.decimal("realisasi_fisik");
            fisik.add(f != null || opdKode == null ? f : v.decimal("realisasi_fisik_dilaporkan"));
        }
        return new Snapshots(dates, keuangan, fisik);
    }

    private static Line line(CubeResult.Record v) {
        String kode = v.has("opd_kode") ? v.string("opd_kode") : null;
        // fisik of several OPDs is weighted by anggaran; one OPD's is its own, anggaran or not
        Double rencanaFisik = v.decimal("rencana_fisik");
        Double realisasiFisik = v.decimal("realisasi_fisik");
        if (kode != null && rencanaFisik == null) rencanaFisik = v.decimal("rencana_fisik_dilaporkan");
        if (kode != null && realisasiFisik == null) realisasiFisik = v.decimal("realisasi_fisik_dilaporkan");
        return new Line(
                kode,
                kode == null ? null : v.string("opd"),
                kode == null ? null : v.string("opd_nama"),
                kode == null ? null : v.string("jenis_opd"),
                v.decimal("anggaran"),
                v.decimal("realisasi_keuangan_rp"),
                v.decimal("rencana_keuangan"),
                v.decimal("realisasi_keuangan"),
                rencanaFisik,
                realisasiFisik,
                v.decimal("deviasi_keuangan"),
                kode != null && v.decimal("deviasi_fisik") == null && realisasiFisik != null && rencanaFisik != null
                        ? Double.valueOf(realisasiFisik - rencanaFisik)
                        : v.decimal("deviasi_fisik"),
                v.decimal("selisih_keuangan_fisik"),
                v.decimal("realisasi_keuangan_dilaporkan"),
                v.decimal("deviasi_keuangan_dilaporkan"),
                v.decimal("deviasi_fisik_dilaporkan"),
                v.count("jumlah_beda_persen") + v.count("jumlah_beda_deviasi") > 0);
    }

    /** OPDs (kode, short name) with a triwulan plan in the year. */
    public List<List<String>> opdsWithTriwulan(String pemdaKode, int tahun) {
        List<List<String>> out = new ArrayList<>();
        for (CubeResult.Record v : cubes.query(CubeQuery.of("realisasi_triwulan")
                        .measures("jumlah_sub_kegiatan")
                        .by("opd_kode", "opd")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("tahun", "eq", tahun)
                        .orderBy("opd", false))
                .records()) {
            out.add(List.of(v.string("opd_kode"), v.string("opd")));
        }
        return out;
    }

    /** The sub kegiatan of an OPD with a triwulan plan, in budget order. */
    public List<Item> items(String pemdaKode, int tahun, String opdKode) {
        List<Item> out = new ArrayList<>();
        for (CubeResult.Record v : cubes.query(CubeQuery.of("realisasi_triwulan")
                        .measures("jumlah_sub_kegiatan")
                        .by("program", "kegiatan", "sub_kegiatan_kode", "sub_kegiatan")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("tahun", "eq", tahun)
                        .where("opd_kode", "eq", opdKode))
                .records()) {
            out.add(new Item(
                    v.string("sub_kegiatan_kode"),
                    v.string("program"),
                    v.string("kegiatan"),
                    v.string("sub_kegiatan")));
        }
        out.sort(Comparator.comparing(Item::kode, RealisasiService::compareKode));
        return out;
    }

    /** The curves of an OPD, or of one of its sub kegiatan ({@code subKegiatanKode} not null). */
    public Optional<Curve> curve(String pemdaKode, int tahun, String opdKode, String subKegiatanKode) {
        CubeQuery q = CubeQuery.of("realisasi_triwulan")
                .measures(
                        "target_keuangan",
                        "realisasi_keuangan",
                        "target_fisik",
                        "realisasi_fisik",
                        "pagu",
                        "jumlah_sub_kegiatan")
                .by("triwulan")
                .where("pemda_kode", "eq", pemdaKode)
                .where("tahun", "eq", tahun)
                .where("opd_kode", "eq", opdKode)
                .orderBy("triwulan", false);
        if (subKegiatanKode != null) q = q.where("sub_kegiatan_kode", "eq", subKegiatanKode);
        List<CubeResult.Record> rows = cubes.query(q).records();
        if (rows.isEmpty()) return Optional.empty();
        List<Integer> tw = new ArrayList<>();
        List<Double> tk = new ArrayList<>();
        List<Double> rk = new ArrayList<>();
        List<Double> tf = new ArrayList<>();
        List<Double> rf = new ArrayList<>();
        double yearTargetFisik = rows.stream()
                .map(r -> r.decimal("target_fisik"))
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sum();
        double ctk = 0, crk = 0, ctf = 0, crf = 0;
        int subs = 0;
        Double pagu = null;
        for (CubeResult.Record r : rows) {
            tw.add(r.integer("triwulan"));
            ctk += nz(r.decimal("target_keuangan"));
            crk += nz(r.decimal("realisasi_keuangan"));
            tk.add(ctk);
            rk.add(crk);
            subs = Math.max(subs, (int) r.count("jumlah_sub_kegiatan"));
            if (subKegiatanKode != null && yearTargetFisik > 0) {
                ctf += nz(r.decimal("target_fisik"));
                crf += nz(r.decimal("realisasi_fisik"));
                tf.add(100 * ctf / yearTargetFisik);
                rf.add(100 * crf / yearTargetFisik);
            }
            if (subKegiatanKode != null) pagu = r.decimal("pagu");
        }
        return Optional.of(new Curve(tw, tk, rk, tf.isEmpty() ? null : tf, rf.isEmpty() ? null : rf, pagu, subs));
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    /** Budget codes compare part by part as numbers: 1.2.10 after 1.2.9. */
    static int compareKode(String a, String b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            try {
                c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            } catch (NumberFormatException e) {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }
}
