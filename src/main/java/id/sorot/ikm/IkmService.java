package id.sorot.ikm;

import id.sorot.base.Parallel;
import id.sorot.cube.CubeService;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import id.sorot.rules.BandSet;
import id.sorot.rules.RuleService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** IKM of a pemda's service units compared, with the mutu the rule gives beside the one reported. */
@Service
public class IkmService {

    /** The kinds of unit leadership compares among themselves. */
    public static final List<String> KELOMPOK = List.of("opd", "kecamatan", "rsud", "puskesmas");

    private static final List<String> OWN_KELOMPOK = List.of("kecamatan", "rsud", "puskesmas");

    private final CubeService cubes;
    private final BandSet mutu;

    public IkmService(CubeService cubes, RuleService rules) {
        this.cubes = cubes;
        this.mutu = rules.mutu();
    }

    /**
     * One service unit. {@code mutu} is what PermenPANRB 14/2017 gives for {@code nilai};
     * {@code mutuDilaporkan} and its label are what the source printed.
     */
    public record Unit(
            String unit,
            String opd,
            String opdKode,
            String jenisUnit,
            String kelompok,
            Double nilai,
            String mutu,
            String mutuDilaporkan,
            String mutuLabelDilaporkan,
            long rank,
            boolean disagrees) {}

    /** Units counted together: a kelompok or a parent OPD. */
    public record Group(String key, long count, Double mean, Double min, Double max) {}

    /**
     * The units of a year (best first), the mean Sorot computes and the average the source reports
     * (only for all units: a source reports one city average), and groups.
     */
    public record Comparison(
            String pemdaKode,
            int tahun,
            String kelompok,
            List<Unit> units,
            Double mean,
            Double reportedMean,
            long countA,
            List<Group> byKelompok,
            List<Group> byOpd) {
        public List<Unit> disagreeing() {
            return units.stream().filter(Unit::disagrees).toList();
        }
    }

    public BandSet bands() {
        return mutu;
    }

    /** Years with IKM for the pemda, latest first. */
    public List<Integer> years(String pemdaKode) {
        return cubes.years("ikm_unit", "jumlah_unit", pemdaKode);
    }

    /** The kelompok of a unit: puskesmas, kecamatan and RSUD apart, every other unit is an OPD. */
    public static String kelompok(String jenisUnit) {
        return OWN_KELOMPOK.contains(jenisUnit) ? jenisUnit : "opd";
    }

    /** @param kelompok one of {@link #KELOMPOK}, or null for all units */
    public Comparison compare(String pemdaKode, int tahun, String kelompok) {
        CubeQuery q = unitQuery(pemdaKode, tahun);
        CubeQuery mean = CubeQuery.of("ikm_unit")
                .measures("nilai", "jumlah_mutu_a")
                .by("tahun")
                .where("pemda_kode", "eq", pemdaKode)
                .where("tahun", "eq", tahun);
        if (kelompok != null) {
            Object[] jenis = kelompok.equals("opd") ? OWN_KELOMPOK.toArray() : new Object[] {kelompok};
            String op = kelompok.equals("opd") ? "not_in" : "in";
            q = q.where("jenis_unit", op, jenis);
            mean = mean.where("jenis_unit", op, jenis);
        }
        CubeQuery meanQuery = mean;
        var m = Parallel.async(() -> cubes.query(meanQuery).first());
        var reported = Parallel.async(() -> kelompok != null ? null : reportedMean(pemdaKode, tahun));
        List<Unit> units = units(q);
        return new Comparison(
                pemdaKode,
                tahun,
                kelompok,
                units,
                m.join().map(r -> r.decimal("nilai")).orElse(null),
                reported.join(),
                m.join().map(r -> r.count("jumlah_mutu_a")).orElse(0L),
                groups(units, true),
                groups(units, false));
    }

    /** The IKM units of one OPD in a year, best first. */
    public List<Unit> unitsOf(String pemdaKode, int tahun, String opdKode) {
        return units(unitQuery(pemdaKode, tahun).where("opd_kode", "eq", opdKode));
    }

    private static CubeQuery unitQuery(String pemdaKode, int tahun) {
        return CubeQuery.of("ikm_unit")
                .measures("nilai", "mutu_nilai", "peringkat", "jumlah_beda_mutu")
                .by("unit", "opd", "opd_kode", "jenis_unit", "mutu_dilaporkan", "mutu_label_dilaporkan")
                .where("pemda_kode", "eq", pemdaKode)
                .where("tahun", "eq", tahun)
                .orderBy("nilai", true)
                .orderBy("unit", false);
    }

    private List<Unit> units(CubeQuery q) {
        List<Unit> units = new ArrayList<>();
        for (CubeResult.Record v : cubes.query(q).records()) {
            units.add(new Unit(
                    v.string("unit"),
                    v.string("opd"),
                    v.string("opd_kode"),
                    v.string("jenis_unit"),
                    kelompok(v.string("jenis_unit")),
                    v.decimal("nilai"),
                    v.string("mutu_nilai"),
                    v.string("mutu_dilaporkan"),
                    v.string("mutu_label_dilaporkan"),
                    v.count("peringkat"),
                    v.count("jumlah_beda_mutu") > 0));
        }
        return units;
    }

    private Double reportedMean(String pemdaKode, int tahun) {
        return cubes.query(CubeQuery.of("reported_checks")
                        .measures("dilaporkan")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("tahun", "eq", tahun)
                        .where("sumber", "eq", "ikm")
                        .where("ukuran", "eq", "nilai"))
                .first()
                .map(r -> r.decimal("dilaporkan"))
                .orElse(null);
    }

    private static List<Group> groups(List<Unit> units, boolean byKelompok) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        if (byKelompok) KELOMPOK.forEach(k -> values.put(k, new ArrayList<>()));
        for (Unit u : units) {
            String key = byKelompok ? u.kelompok() : u.opd();
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(u.nilai());
        }
        List<Group> out = new ArrayList<>();
        values.forEach((k, list) -> {
            List<Double> v = list.stream().filter(java.util.Objects::nonNull).toList();
            if (list.isEmpty()) return;
            out.add(new Group(
                    k,
                    list.size(),
                    v.stream().mapToDouble(Double::doubleValue).average().stream()
                            .boxed()
                            .findFirst()
                            .orElse(null),
                    v.stream().mapToDouble(Double::doubleValue).min().stream()
                            .boxed()
                            .findFirst()
                            .orElse(null),
                    v.stream().mapToDouble(Double::doubleValue).max().stream()
                            .boxed()
                            .findFirst()
                            .orElse(null)));
        });
        if (!byKelompok) out.sort((a, b) -> Long.compare(b.count(), a.count()));
        return out;
    }
}
