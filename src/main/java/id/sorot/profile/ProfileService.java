package id.sorot.profile;

import id.sorot.base.Parallel;
import id.sorot.cube.CubeService;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import id.sorot.ikm.IkmService;
import id.sorot.opd.Opd;
import id.sorot.opd.OpdService;
import id.sorot.opd.Pemda;
import id.sorot.realisasi.RealisasiService;
import id.sorot.rules.AkipKomponen;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Everything Sorot knows about one OPD on one page: AKIP history and components, IKU, realisasi
 * with deviasi, the IKM of its service units, and every reported figure that disagrees with the
 * rule-computed one. Read through the cubes.
 */
@Service
public class ProfileService {

    private final CubeService cubes;
    private final OpdService opds;
    private final RealisasiService realisasi;
    private final IkmService ikm;

    public ProfileService(CubeService cubes, OpdService opds, RealisasiService realisasi, IkmService ikm) {
        this.cubes = cubes;
        this.opds = opds;
        this.realisasi = realisasi;
        this.ikm = ikm;
    }

    /** One year of the OPD's AKIP; {@code rank} of {@code evaluated} OPDs of the pemda. */
    public record AkipYear(
            int tahun,
            Double nilai,
            String predikat,
            String predikatDilaporkan,
            long rank,
            long evaluated,
            Double change) {}

    /** One AKIP component: nilai out of bobot. */
    public record Komponen(String label, Double nilai, Double bobot, Double persen) {}

    /**
     * One IKU of the Perjanjian Kinerja: target and realisasi as printed and as numbers, capaian
     * computed by the indicator's direction and as reported.
     */
    public record Iku(
            String indikator,
            String arah,
            String satuan,
            String targetTeks,
            String realisasiTeks,
            Double target,
            Double realisasi,
            Double capaian,
            Double capaianDilaporkan,
            String rating,
            boolean disagrees) {}

    /** Pagu and realisasi of one program of the OPD (from the budget realisation table). */
    public record Program(String kode, String nama, Double pagu, Double realisasi, Double persen) {}

    /**
     * A figure the source reports that the rule computes differently.
     *
     * @param source akip, ikm, iku, realisasi or a reported check's table
     * @param subject what the figure is about (a year, a unit, an indicator, a TOTAL row)
     * @param line the line of the source file, where known
     */
    public record Disagreement(
            String source, String subject, String measure, Object reported, Object computed, Integer line) {
        Disagreement(String source, String subject, String measure, Object reported, Object computed) {
            this(source, subject, measure, reported, computed, null);
        }
    }

    public record Profile(
            Pemda pemda,
            Opd opd,
            int tahun,
            List<AkipYear> akip,
            List<Komponen> komponen,
            List<Iku> iku,
            Optional<RealisasiService.Line> realisasi,
            List<Program> programs,
            Optional<RealisasiService.Curve> triwulan,
            List<IkmService.Unit> ikm,
            List<Disagreement> disagreements) {
        public Optional<AkipYear> akipOf(int year) {
            return akip.stream().filter(a -> a.tahun() == year).findFirst();
        }
    }

    /** The OPD of a pemda with this kode, if there is one. */
    public Optional<Opd> opd(String pemdaKode, String opdKode) {
        var dir = opds.directory();
        return dir.pemda(pemdaKode).flatMap(p -> dir.opdsOf(p.id()).stream()
                .filter(o -> o.kode().equals(opdKode))
                .findFirst());
    }

    /**
     * The profile for {@code tahun}, or for the OPD's latest AKIP year when {@code tahun} is null.
     * The sections are independent questions, asked side by side on the cube connections.
     */
    public Optional<Profile> profile(String pemdaKode, String opdKode, Integer tahun) {
        Optional<Pemda> pemda = opds.directory().pemda(pemdaKode);
        Optional<Opd> opd = opd(pemdaKode, opdKode);
        if (pemda.isEmpty() || opd.isEmpty()) return Optional.empty();
        List<Disagreement> akipDisagreements = java.util.Collections.synchronizedList(new ArrayList<>());
        var akipHistory = Parallel.async(() -> akip(pemdaKode, opdKode, akipDisagreements));
        // without a year, the OPD's latest AKIP year decides, so the history comes first
        int year = tahun != null
                ? tahun
                : akipHistory.join().isEmpty()
                        ? java.time.Year.now().getValue()
                        : akipHistory.join().getLast().tahun();
        var komponen = Parallel.async(() -> komponen(pemdaKode, opdKode, year));
        var iku = Parallel.async(() -> iku(pemdaKode, opdKode, year));
        var line = Parallel.async(() -> realisasi.opd(pemdaKode, year, opdKode));
        var units = Parallel.async(() -> ikm.unitsOf(pemdaKode, year, opdKode));
        var checks = Parallel.async(() -> checks(pemdaKode, opdKode, year));
        var programs = Parallel.async(() -> programs(pemdaKode, opdKode, year));
        var triwulan = Parallel.async(() -> realisasi.curve(pemdaKode, year, opdKode, null));

        List<AkipYear> akip = akipHistory.join();
        List<Disagreement> disagreements = new ArrayList<>(akipDisagreements);
        iku.join().stream()
                .filter(Iku::disagrees)
                .forEach(i -> disagreements.add(
                        new Disagreement("iku", i.indikator(), "capaian", i.capaianDilaporkan(), i.capaian())));
        line.join().filter(RealisasiService.Line::disagrees).ifPresent(l -> {
            addIfApart(disagreements, "realisasi_keuangan", l.realisasiKeuanganDilaporkan(), l.realisasiKeuangan());
            addIfApart(disagreements, "deviasi_keuangan", l.deviasiKeuanganDilaporkan(), l.deviasiKeuangan());
            addIfApart(disagreements, "deviasi_fisik", l.deviasiFisikDilaporkan(), l.deviasiFisik());
        });
        units.join().stream()
                .filter(IkmService.Unit::disagrees)
                .forEach(u -> disagreements.add(new Disagreement(
                        "ikm",
                        u.unit(),
                        "mutu",
                        u.mutuLabelDilaporkan() == null ? u.mutuDilaporkan() : u.mutuLabelDilaporkan(),
                        u.mutu())));
        disagreements.addAll(checks.join());
        return Optional.of(new Profile(
                pemda.get(),
                opd.get(),
                year,
                akip,
                komponen.join(),
                iku.join(),
                line.join(),
                programs.join(),
                triwulan.join(),
                units.join(),
                disagreements));
    }

    private List<AkipYear> akip(String pemdaKode, String opdKode, List<Disagreement> disagreements) {
        // ranks among all the pemda's OPDs: ask for all of them, keep this one
        CubeResult all = cubes.query(CubeQuery.of("akip_opd")
                .measures("nilai", "predikat_nilai", "peringkat", "perubahan")
                .by("tahun", "opd_kode")
                .where("pemda_kode", "eq", pemdaKode));
        Map<Integer, Long> evaluated = new HashMap<>();
        for (CubeResult.Record v : all.records()) evaluated.merge(v.integer("tahun"), 1L, Long::sum);
        Map<Integer, String> reported = new HashMap<>();
        for (CubeResult.Record v : cubes.query(CubeQuery.of("akip_opd")
                        .measures("jumlah_opd")
                        .by("tahun", "predikat_dilaporkan")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("opd_kode", "eq", opdKode))
                .records()) {
            reported.put(v.integer("tahun"), v.string("predikat_dilaporkan"));
        }
        List<AkipYear> out = new ArrayList<>();
        for (CubeResult.Record v : all.records()) {
            if (!opdKode.equals(v.string("opd_kode"))) continue;
            int year = v.integer("tahun");
            AkipYear a = new AkipYear(
                    year,
                    v.decimal("nilai"),
                    v.string("predikat_nilai"),
                    reported.get(year),
                    v.count("peringkat"),
                    evaluated.getOrDefault(year, 0L),
                    v.decimal("perubahan"));
            out.add(a);
            if (a.predikatDilaporkan() != null && !a.predikatDilaporkan().equals(a.predikat())) {
                disagreements.add(new Disagreement(
                        "akip", String.valueOf(year), "predikat", a.predikatDilaporkan(), a.predikat()));
            }
        }
        out.sort(Comparator.comparingInt(AkipYear::tahun));
        return out;
    }

    private List<Komponen> komponen(String pemdaKode, String opdKode, int tahun) {
        List<Komponen> out = new ArrayList<>();
        for (CubeResult.Record v : cubes.query(CubeQuery.of("akip_komponen")
                        .measures("nilai", "bobot", "persen_bobot")
                        .by("urutan", "komponen", "komponen_label")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("opd_kode", "eq", opdKode)
                        .where("tahun", "eq", tahun)
                        .orderBy("urutan", false))
                .records()) {
            // the rule's own name, not the source's spelling ("Pengkuran Kinerja")
            String name = AkipKomponen.ALL.stream()
                    .filter(k -> k.kode().equals(v.string("komponen")))
                    .map(AkipKomponen::nama)
                    .findFirst()
                    .orElse(v.string("komponen_label"));
            out.add(new Komponen(name, v.decimal("nilai"), v.decimal("bobot"), v.decimal("persen_bobot")));
        }
        return out;
    }

    private List<Iku> iku(String pemdaKode, String opdKode, int tahun) {
        List<Iku> out = new ArrayList<>();
        for (CubeResult.Record v : cubes.query(CubeQuery.of("iku")
                        .measures(
                                "target", "realisasi", "capaian", "capaian_dilaporkan", "rating", "jumlah_beda_capaian")
                        .by("indikator", "arah", "satuan", "target_teks", "realisasi_teks")
                        .where("opd_kode", "eq", opdKode)
                        .where("tahun", "eq", tahun)
                        .orderBy("indikator", false))
                .records()) {
            out.add(new Iku(
                    v.string("indikator"),
                    v.string("arah"),
                    v.string("satuan"),
                    v.string("target_teks"),
                    v.string("realisasi_teks"),
                    v.decimal("target"),
                    v.decimal("realisasi"),
                    v.decimal("capaian"),
                    v.decimal("capaian_dilaporkan"),
                    v.string("rating"),
                    v.count("jumlah_beda_capaian") > 0));
        }
        return out;
    }

    private List<Program> programs(String pemdaKode, String opdKode, int tahun) {
        List<Program> out = new ArrayList<>();
        for (CubeResult.Record v : cubes.query(CubeQuery.of("realisasi_anggaran")
                        .measures("pagu", "realisasi", "persen")
                        .by("kode", "nama")
                        .where("opd_kode", "eq", opdKode)
                        .where("tahun", "eq", tahun)
                        .where("level", "eq", "program")
                        .orderBy("kode", false))
                .records()) {
            out.add(new Program(
                    v.string("kode"),
                    v.string("nama"),
                    v.decimal("pagu"),
                    v.decimal("realisasi"),
                    v.decimal("persen")));
        }
        return out;
    }

    /** TOTALs and averages the OPD's own tables report that do not add up. */
    private List<Disagreement> checks(String pemdaKode, String opdKode, int tahun) {
        List<Disagreement> out = new ArrayList<>();
        for (CubeResult.Record v : cubes.query(CubeQuery.of("reported_checks")
                        .measures("dilaporkan", "dihitung", "jumlah_beda")
                        .by("sumber", "baris", "ukuran", "nomor_baris")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("opd_kode", "eq", opdKode)
                        .where("tahun", "eq", tahun)
                        .where("jumlah_beda", "gt", 0))
                .records()) {
            out.add(new Disagreement(
                    v.string("sumber"),
                    v.string("baris"),
                    v.string("ukuran"),
                    v.decimal("dilaporkan"),
                    v.decimal("dihitung"),
                    v.integer("nomor_baris")));
        }
        return out;
    }

    private static void addIfApart(List<Disagreement> out, String measure, Double reported, Double computed) {
        if (reported == null || computed == null || Math.abs(reported - computed) > 0.005) {
            if (reported != null || computed != null)
                out.add(new Disagreement("realisasi", "", measure, reported, computed));
        }
    }
}
