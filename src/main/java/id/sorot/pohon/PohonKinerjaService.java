package id.sorot.pohon;

import id.sorot.cube.CubeService;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import id.sorot.opd.IndikatorRule;
import id.sorot.opd.OpdService;
import id.sorot.opd.Pemda;
import id.sorot.rules.BandSet;
import id.sorot.rules.PlanLevel;
import id.sorot.rules.RuleService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * An OPD's pohon kinerja for one year, built from the {@code pohon_kinerja} cube: nodes in outline
 * order with their indicators, each indicator's capaian from the IKU of the same OPD and year that
 * bears its name, and the health checks the tree itself can answer. Row limits (pemda, OPD) come
 * from the cube layer, so a reader sees only the trees they may.
 */
@Service
public class PohonKinerjaService {

    private final CubeService cubes;
    private final OpdService opds;
    private final RuleService rules;

    public PohonKinerjaService(CubeService cubes, OpdService opds, RuleService rules) {
        this.cubes = cubes;
        this.opds = opds;
        this.rules = rules;
    }

    /** An OPD with a tree, and the years it has one for (latest first). */
    public record TreeOpd(String kode, String singkatan, String nama, List<Integer> years) {}

    /**
     * An indicator of a node: the target as written and read, and the capaian of the IKU it was
     * matched to ({@code iku}, null when none), by the same name or, failing that, by a name that
     * holds every word of the other ({@code similar}: "Nilai IKM" and "Nilai IKM SETDA").
     */
    public record Indikator(
            int no,
            String nama,
            String satuan,
            String targetTeks,
            String jenisTarget,
            Double target,
            Double capaian,
            String iku,
            boolean similar) {}

    /** An IKU of the OPD and year, as the capaian table names it. */
    record Iku(String nama, Double capaian) {}

    /** The IKU an indicator reads as, by name; null when none, or when more than one is as close. */
    static Match match(String indikator, Map<String, Iku> ikus) {
        String key = IndikatorRule.key(indikator);
        Iku same = ikus.get(key);
        if (same != null) return new Match(same, false);
        Set<String> words = new java.util.HashSet<>(List.of(key.split(" ")));
        List<Iku> close = new ArrayList<>();
        ikus.forEach((k, iku) -> {
            Set<String> other = new java.util.HashSet<>(List.of(k.split(" ")));
            if (other.containsAll(words) || words.containsAll(other)) close.add(iku);
        });
        return close.size() == 1 ? new Match(close.getFirst(), true) : null;
    }

    record Match(Iku iku, boolean similar) {}

    /** One node, in outline order; {@code capaian} is the mean over its indicators that have one. */
    public static final class Node {
        private final String kode;
        private final String parent;
        private final int depth;
        private final PlanLevel level;
        private final String jabatan;
        private final String sasaran;
        private final List<Indikator> indikator = new ArrayList<>();
        private final List<Node> children = new ArrayList<>();

        Node(String kode, String parent, int depth, PlanLevel level, String jabatan, String sasaran) {
            this.kode = kode;
            this.parent = parent;
            this.depth = depth;
            this.level = level;
            this.jabatan = jabatan;
            this.sasaran = sasaran;
        }

        public String kode() {
            return kode;
        }

        public String parent() {
            return parent;
        }

        public int depth() {
            return depth;
        }

        public PlanLevel level() {
            return level;
        }

        public String jabatan() {
            return jabatan;
        }

        public String sasaran() {
            return sasaran;
        }

        public List<Indikator> indikator() {
            return indikator;
        }

        public List<Node> children() {
            return children;
        }

        public long targets() {
            return indikator.stream().filter(i -> i.targetTeks() != null).count();
        }

        public Double capaian() {
            return indikator.stream()
                    .map(Indikator::capaian)
                    .filter(c -> c != null)
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .stream()
                    .boxed()
                    .findFirst()
                    .orElse(null);
        }
    }

    /** What the tree itself says is missing: a node without an indicator, an indicator without a target. */
    public enum Check {
        NODE_WITHOUT_INDICATOR,
        INDICATOR_WITHOUT_TARGET
    }

    /** One health problem, on a node (and one of its indicators where it is about one). */
    public record Problem(Check check, String kode, String jabatan, String indikator) {}

    /**
     * The cascade's health: each problem, the count per check, and a score, the share of checks
     * passed (every node should carry an indicator, every indicator a target for the year).
     */
    public record Health(List<Problem> problems, Map<Check, Long> counts, int checks, Double score) {}

    /** A tree: its nodes in outline order (roots first), by kode, and the band set its capaian is rated by. */
    public record Tree(
            String pemda,
            String opd,
            String opdNama,
            int tahun,
            List<Node> roots,
            Map<String, Node> nodes,
            BandSet bands) {

        public int maxDepth() {
            return nodes.values().stream().mapToInt(Node::depth).max().orElse(0);
        }

        public long indicatorCount() {
            return nodes.values().stream().mapToLong(n -> n.indikator().size()).sum();
        }

        /** The kode of a node and of every node above it, top first. */
        public List<String> path(String kode) {
            List<String> out = new ArrayList<>();
            for (Node n = nodes.get(kode); n != null; n = n.parent() == null ? null : nodes.get(n.parent())) {
                out.addFirst(n.kode());
            }
            return out;
        }
    }

    /** The OPDs of the pemda that have a pohon kinerja, in kode order, each with its years. */
    public List<TreeOpd> opds(String pemdaKode) {
        Map<String, String> singkatan = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> years = new HashMap<>();
        for (CubeResult.Record r : cubes.query(CubeQuery.of("pohon_kinerja")
                        .measures("jumlah_simpul")
                        .by("opd_kode", "opd", "tahun")
                        .where("pemda_kode", "eq", pemdaKode)
                        .orderBy("opd_kode", false))
                .records()) {
            String kode = r.string("opd_kode");
            singkatan.put(kode, r.string("opd"));
            years.computeIfAbsent(kode, k -> new TreeSet<>(Comparator.reverseOrder()))
                    .add(((Number) r.get("tahun")).intValue());
        }
        List<TreeOpd> out = new ArrayList<>();
        singkatan.forEach(
                (kode, s) -> out.add(new TreeOpd(kode, s, nama(pemdaKode, kode, s), List.copyOf(years.get(kode)))));
        return out;
    }

    private String nama(String pemdaKode, String opdKode, String fallback) {
        return opds.directory()
                .pemda(pemdaKode)
                .flatMap(p -> opds.directory().opdsOf(p.id()).stream()
                        .filter(o -> o.kode().equals(opdKode))
                        .findFirst())
                .map(o -> o.nama())
                .orElse(fallback);
    }

    /** The OPD's tree for the year, or null when there is none. */
    public Tree tree(String pemdaKode, String opdKode, int tahun) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Node> roots = new ArrayList<>();
        Map<String, Iku> ikus = ikus(opdKode, tahun);
        for (CubeResult.Record r : cubes.query(CubeQuery.of("pohon_kinerja")
                        .measures("urutan", "target")
                        .by(
                                "kode",
                                "induk",
                                "depth",
                                "level",
                                "jabatan",
                                "sasaran",
                                "indikator_no",
                                "indikator",
                                "satuan",
                                "target_teks",
                                "jenis_target")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("opd_kode", "eq", opdKode)
                        .where("tahun", "eq", tahun)
                        .orderBy("urutan", false)
                        .orderBy("indikator_no", false))
                .records()) {
            String kode = r.string("kode");
            Node node = nodes.get(kode);
            if (node == null) {
                node = new Node(
                        kode,
                        r.string("induk"),
                        ((Number) r.get("depth")).intValue(),
                        PlanLevel.valueOf(r.string("level").toUpperCase(java.util.Locale.ROOT)),
                        r.string("jabatan"),
                        r.string("sasaran"));
                nodes.put(kode, node);
                Node parent = node.parent() == null ? null : nodes.get(node.parent());
                if (parent == null) roots.add(node);
                else parent.children.add(node);
            }
            String indikator = r.string("indikator");
            if (indikator != null) {
                Match m = match(indikator, ikus);
                node.indikator.add(new Indikator(
                        ((Number) r.get("indikator_no")).intValue(),
                        indikator,
                        r.string("satuan"),
                        r.string("target_teks"),
                        r.string("jenis_target"),
                        r.decimal("target"),
                        m == null ? null : m.iku().capaian(),
                        m == null ? null : m.iku().nama(),
                        m != null && m.similar()));
            }
        }
        if (nodes.isEmpty()) return null;
        Pemda pemda = opds.directory().pemda(pemdaKode).orElse(null);
        BandSet bands = rules.bandSet(
                pemda == null || pemda.bandCapaian() == null ? RuleService.CAPAIAN_LKIP : pemda.bandCapaian());
        String opdNama = nama(pemdaKode, opdKode, opdKode);
        return new Tree(pemdaKode, opdKode, opdNama, tahun, roots, nodes, bands);
    }

    /** The OPD's IKU for the year with their capaian (computed by direction), by the indicator's name. */
    private Map<String, Iku> ikus(String opdKode, int tahun) {
        Map<String, Iku> out = new HashMap<>();
        for (CubeResult.Record r : cubes.query(CubeQuery.of("iku")
                        .measures("capaian")
                        .by("indikator")
                        .where("opd_kode", "eq", opdKode)
                        .where("tahun", "eq", tahun))
                .records()) {
            String nama = r.string("indikator");
            out.put(IndikatorRule.key(nama), new Iku(nama, r.decimal("capaian")));
        }
        return out;
    }

    /** One OPD's cascade health for a year, as the across-OPD page lists it. */
    public record OpdHealth(
            String kode,
            String singkatan,
            String nama,
            int tahun,
            long nodes,
            long indicators,
            long nodesWithoutIndicator,
            long indicatorsWithoutTarget,
            Double score) {

        public long problems() {
            return nodesWithoutIndicator + indicatorsWithoutTarget;
        }
    }

    /**
     * The years with trees, the one with most OPDs first (ties: the later), so the across-OPD page
     * opens on the year most OPDs can be compared in.
     */
    public List<Integer> healthYears(String pemdaKode) {
        Map<Integer, Long> opdsPerYear = new HashMap<>();
        for (TreeOpd o : opds(pemdaKode)) for (int y : o.years()) opdsPerYear.merge(y, 1L, Long::sum);
        List<Integer> years = new ArrayList<>(opdsPerYear.keySet());
        years.sort(Comparator.<Integer, Long>comparing(opdsPerYear::get)
                .reversed()
                .thenComparing(Comparator.reverseOrder()));
        return years;
    }

    /**
     * Every OPD's cascade health in one query (nodes with their indicator and target counts), the
     * weakest first: the same checks and score as {@link #health(Tree)} gives one tree.
     */
    public List<OpdHealth> healthAcross(String pemdaKode, int tahun) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> singkatan = new HashMap<>();
        for (CubeResult.Record r : cubes.query(CubeQuery.of("pohon_kinerja")
                        .measures("jumlah_indikator", "jumlah_target")
                        .by("opd_kode", "opd", "kode")
                        .where("pemda_kode", "eq", pemdaKode)
                        .where("tahun", "eq", tahun)
                        .orderBy("opd_kode", false))
                .records()) {
            String opd = r.string("opd_kode");
            singkatan.put(opd, r.string("opd"));
            long[] c = counts.computeIfAbsent(opd, k -> new long[4]);
            long indicators = r.count("jumlah_indikator");
            c[0]++;
            c[1] += indicators;
            if (indicators == 0) c[2]++;
            c[3] += indicators - r.count("jumlah_target");
        }
        List<OpdHealth> out = new ArrayList<>();
        counts.forEach((kode, c) -> {
            long checks = c[0] + c[1];
            Double score = checks == 0 ? null : 100.0 * (checks - c[2] - c[3]) / checks;
            String s = singkatan.get(kode);
            out.add(new OpdHealth(kode, s, nama(pemdaKode, kode, s), tahun, c[0], c[1], c[2], c[3], score));
        });
        out.sort(Comparator.comparing(OpdHealth::score, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OpdHealth::singkatan));
        return out;
    }

    /** The health checks the tree itself can answer, for every node in outline order. */
    public static Health health(Tree tree) {
        List<Problem> problems = new ArrayList<>();
        int checks = 0;
        for (Node n : tree.nodes().values()) {
            checks++;
            if (n.indikator().isEmpty()) {
                problems.add(new Problem(Check.NODE_WITHOUT_INDICATOR, n.kode(), n.jabatan(), null));
            }
            for (Indikator i : n.indikator()) {
                checks++;
                if (i.targetTeks() == null) {
                    problems.add(new Problem(Check.INDICATOR_WITHOUT_TARGET, n.kode(), n.jabatan(), i.nama()));
                }
            }
        }
        Map<Check, Long> counts = new LinkedHashMap<>();
        for (Check c : Check.values()) {
            counts.put(c, problems.stream().filter(p -> p.check() == c).count());
        }
        Double score = checks == 0 ? null : 100.0 * (checks - problems.size()) / checks;
        return new Health(List.copyOf(problems), counts, checks, score);
    }
}
