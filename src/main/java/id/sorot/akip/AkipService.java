package id.sorot.akip;

import id.sorot.base.Parallel;
import id.sorot.cube.CubeService;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import id.sorot.etl.read.Row;
import id.sorot.rules.BandSet;
import id.sorot.rules.RuleService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/** AKIP of a pemda's OPDs: rankings, trends, the predikat distribution and the weak list, all through the cubes. */
@Service
public class AkipService {

    private final CubeService cubes;
    private final BandSet predikat;

    public AkipService(CubeService cubes, RuleService rules) {
        this.cubes = cubes;
        this.predikat = rules.predikat();
    }

    /**
     * One OPD in a year's ranking. {@code rank} is its place among all the pemda's OPDs, whatever
     * the filters; {@code change} and {@code previous} are against the year before (null if it was
     * not evaluated then).
     */
    public record Row(
            long rank,
            String opd,
            String opdKode,
            String opdNama,
            String jenis,
            Double nilai,
            String predikat,
            Double change,
            Double previous,
            String previousPredikat,
            boolean fellPredikat,
            boolean predikatDisagrees) {}

    /** Which OPDs a view shows: empty lists mean all. */
    public record Filter(List<String> jenis, List<String> predikat) {
        public static final Filter ALL = new Filter(List.of(), List.of());

        public Filter {
            jenis = List.copyOf(jenis);
            predikat = List.copyOf(predikat);
        }

        boolean admits(Row r) {
            return (jenis.isEmpty() || jenis.contains(r.jenis()))
                    && (predikat.isEmpty() || predikat.contains(r.predikat()));
        }

        public boolean isAll() {
            return jenis.isEmpty() && predikat.isEmpty();
        }
    }

    /**
     * The pemda's own AKIP (evaluated by KemenPANRB), for the same year; {@code nilai} is null where
     * the source gave only the predikat.
     */
    public record PemdaAkip(Double nilai, String predikat, Double change) {}

    /**
     * A year's ranking with the figures leadership looks at first; {@code rows} are the OPDs the
     * filter admits, {@code evaluated} all the pemda's OPDs evaluated that year.
     */
    public record Ranking(
            String pemdaKode,
            int tahun,
            Filter filter,
            List<Row> rows,
            int evaluated,
            long withoutNilai,
            long countA,
            Double percentA,
            Double mean,
            Double median,
            Optional<PemdaAkip> pemda) {
        public int size() {
            return rows.size();
        }

        /** OPDs whose predikat is worse than the year before. */
        public List<Row> fell() {
            return rows.stream().filter(Row::fellPredikat).toList();
        }
    }

    /** Nilai per OPD kode per year, oldest year first. */
    public record Trend(List<Integer> years, Map<String, List<Double>> nilai) {}

    /** How many OPDs had each predikat, per year. */
    public record Distribution(List<Integer> years, Map<String, List<Long>> counts) {}

    /** An OPD on the weak list, with why it is there. */
    public record Weak(Row row, boolean low, boolean fellPredikat, boolean fellNilai) {}

    /** Years with AKIP results for the pemda, latest first. */
    public List<Integer> years(String pemdaKode) {
        return cubes.years("akip_opd", "jumlah_opd", pemdaKode);
    }

    /** Predikat labels from best to worst, as the pemda's band set has them. */
    public List<String> predikatLabels() {
        return predikat.labels();
    }

    public Ranking ranking(String pemdaKode, int tahun) {
        return ranking(pemdaKode, tahun, Filter.ALL);
    }

    public Ranking ranking(String pemdaKode, int tahun, Filter filter) {
        // the headline figures come from the cube with the same filters, so they are the cube's own rules
        CubeQuery q = CubeQuery.of("akip_opd")
                .measures("jumlah_opd", "jumlah_a", "persen_a", "nilai", "jumlah_tanpa_nilai")
                .by("tahun")
                .where("pemda_kode", "eq", pemdaKode)
                .where("tahun", "eq", tahun);
        if (!filter.jenis().isEmpty())
            q = q.where("jenis_opd", "in", filter.jenis().toArray());
        if (!filter.predikat().isEmpty())
            q = q.where("predikat", "in", filter.predikat().toArray());
        CubeQuery summaryQuery = q;
        var summary = Parallel.async(() -> cubes.query(summaryQuery).first());
        var pemda = Parallel.async(() -> pemdaAkip(pemdaKode, tahun));
        List<Row> all = rows(pemdaKode, tahun);
        List<Row> rows = all.stream().filter(filter::admits).toList();
        Optional<CubeResult.Record> s = summary.join();
        return new Ranking(
                pemdaKode,
                tahun,
                filter,
                rows,
                all.size(),
                s.map(r -> r.count("jumlah_tanpa_nilai")).orElse(0L),
                s.map(r -> r.count("jumlah_a")).orElse(0L),
                s.map(r -> r.decimal("persen_a")).orElse(null),
                s.map(r -> r.decimal("nilai")).orElse(null),
                median(rows.stream().map(Row::nilai).toList()),
                pemda.join());
    }

    private List<Row> rows(String pemdaKode, int tahun) {
        CubeResult r = cubes.query(CubeQuery.of("akip_opd")
                .measures(
                        "peringkat",
                        "nilai",
                        "predikat_nilai",
                        "perubahan",
                        "nilai_sebelumnya",
                        "predikat_sebelumnya",
                        "urutan_predikat",
                        "urutan_sebelumnya",
                        "jumlah_beda_predikat")
                .by("tahun", "opd", "opd_kode", "opd_nama", "jenis_opd")
                .where("pemda_kode", "eq", pemdaKode)
                .where("tahun", "eq", tahun)
                .orderBy("peringkat", false)
                .orderBy("opd", false));
        List<Row> rows = new ArrayList<>();
        for (CubeResult.Record v : r.records()) {
            Double place = v.decimal("urutan_predikat");
            Double placeBefore = v.decimal("urutan_sebelumnya");
            String now = labelled(v.string("predikat_nilai"), place);
            String before = labelled(v.string("predikat_sebelumnya"), placeBefore);
            rows.add(new Row(
                    v.count("peringkat"),
                    v.string("opd"),
                    v.string("opd_kode"),
                    v.string("opd_nama"),
                    v.string("jenis_opd"),
                    v.decimal("nilai"),
                    now,
                    v.decimal("perubahan"),
                    v.decimal("nilai_sebelumnya"),
                    before,
                    place != null && placeBefore != null && place < placeBefore,
                    v.count("jumlah_beda_predikat") > 0));
        }
        return rows;
    }

    /** The pemda's own AKIP for the year, if the store has it. */
    public Optional<PemdaAkip> pemdaAkip(String pemdaKode, int tahun) {
        return cubes.query(CubeQuery.of("akip_pemda")
                        .measures("nilai", "predikat_nilai", "urutan_predikat", "perubahan")
                        .by("tahun")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("tahun", "eq", tahun))
                .first()
                .map(r -> new PemdaAkip(
                        r.decimal("nilai"),
                        labelled(r.string("predikat_nilai"), r.decimal("urutan_predikat")),
                        r.decimal("perubahan")));
    }

    /**
     * The predikat of one OPD or pemda in one year: the band of its nilai, else (a source that gave
     * only the predikat) the label at its place in the band set.
     */
    private String labelled(String fromNilai, Double place) {
        if (fromNilai != null || place == null) return fromNilai;
        return predikat.atPlace((int) Math.round(place));
    }

    /** Every year's nilai of every OPD, for sparklines. */
    public Trend trend(String pemdaKode) {
        CubeResult r = cubes.query(CubeQuery.of("akip_opd")
                .measures("nilai")
                .by("tahun", "opd_kode")
                .where("pemda_kode", "eq", pemdaKode));
        TreeSet<Integer> years = new TreeSet<>();
        for (CubeResult.Record v : r.records()) years.add(v.integer("tahun"));
        List<Integer> ys = List.copyOf(years);
        Map<String, List<Double>> nilai = new LinkedHashMap<>();
        for (CubeResult.Record v : r.records()) {
            List<Double> line = nilai.computeIfAbsent(v.string("opd_kode"), k -> {
                List<Double> l = new ArrayList<>();
                ys.forEach(y -> l.add(null));
                return l;
            });
            line.set(ys.indexOf(v.integer("tahun")), v.decimal("nilai"));
        }
        return new Trend(ys, nilai);
    }

    /** OPDs per predikat per year, for the OPDs of the given jenis (all if empty). */
    public Distribution distribution(String pemdaKode, List<String> jenis) {
        CubeQuery q = CubeQuery.of("akip_opd")
                .measures("jumlah_opd")
                .by("tahun", "predikat")
                .where("pemda_kode", "eq", pemdaKode);
        if (!jenis.isEmpty()) q = q.where("jenis_opd", "in", jenis.toArray());
        CubeResult r = cubes.query(q);
        TreeSet<Integer> years = new TreeSet<>();
        for (CubeResult.Record v : r.records()) years.add(v.integer("tahun"));
        List<Integer> ys = List.copyOf(years);
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        for (String p : predikat.labels()) {
            List<Long> l = new ArrayList<>();
            ys.forEach(y -> l.add(0L));
            counts.put(p, l);
        }
        for (CubeResult.Record v : r.records()) {
            List<Long> l = counts.get(v.string("predikat"));
            if (l != null) l.set(ys.indexOf(v.integer("tahun")), v.count("jumlah_opd"));
        }
        counts.values().removeIf(l -> l.stream().allMatch(c -> c == 0));
        return new Distribution(ys, counts);
    }

    /**
     * The OPDs the Bagian Organisasi looks at: predikat B or below, or fallen against last year (in
     * predikat or in nilai), the furthest fall first.
     */
    public List<Weak> weak(String pemdaKode, int tahun) {
        int b = predikat.rank("B");
        List<Weak> out = new ArrayList<>();
        for (Row r : rows(pemdaKode, tahun)) {
            boolean low = r.predikat() != null && b >= 0 && predikat.rank(r.predikat()) >= b;
            boolean fellNilai = r.change() != null && r.change() < -0.005;
            if (low || r.fellPredikat() || fellNilai) out.add(new Weak(r, low, r.fellPredikat(), fellNilai));
        }
        out.sort(Comparator.comparing(
                        (Weak w) -> w.row().change() == null ? 0.0 : w.row().change())
                .thenComparing(w -> w.row().nilai() == null ? 0.0 : w.row().nilai()));
        return out;
    }

    static Double median(List<Double> values) {
        List<Double> v =
                values.stream().filter(java.util.Objects::nonNull).sorted().toList();
        if (v.isEmpty()) return null;
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
