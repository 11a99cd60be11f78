package id.sorot.rules;

import id.sorot.base.SorotProperties;
import id.sorot.base.yaml.DefinitionException;
import id.sorot.base.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The rule-based figures of {@code GUIDE.md}: predikat and mutu from band sets (configurable in
 * {@code etl/reference/band_sets.yml}), capaian, deviasi and efisiensi. The ETL stores what these
 * compute beside what a source reported; the cubes use the same band sets as SQL.
 */
@Service
public class RuleService {

    public static final String PREDIKAT_AKIP = "predikat_akip";
    public static final String MUTU_IKM = "mutu_ikm";
    public static final String CAPAIAN_LKIP = "capaian_lkip";

    private final Map<String, BandSet> bandSets;

    @org.springframework.beans.factory.annotation.Autowired
    public RuleService(SorotProperties properties) {
        this(properties.etlDir().resolve("reference/band_sets.yml"));
    }

    RuleService(Path file) {
        this.bandSets = read(file);
        for (String required : List.of(PREDIKAT_AKIP, MUTU_IKM, CAPAIAN_LKIP)) {
            if (!bandSets.containsKey(required)) {
                throw new DefinitionException(
                        "etl/reference/band_sets.yml", "band_sets", "the band set '" + required + "' is missing");
            }
        }
    }

    private static Map<String, BandSet> read(Path file) {
        String name = "etl/reference/band_sets.yml";
        if (!Files.isRegularFile(file)) {
            throw new DefinitionException(name, "", "not found at " + file);
        }
        YamlNode root = YamlNode.load(file, name).allowKeys("band_sets");
        Map<String, BandSet> sets = new LinkedHashMap<>();
        for (YamlNode node : root.list("band_sets")) {
            node.allowKeys(true, "name", "source", "version", "bands");
            List<BandSet.Band> bands = new ArrayList<>();
            List<YamlNode> bandNodes = node.list("bands");
            for (int i = 0; i < bandNodes.size(); i++) {
                YamlNode b = bandNodes.get(i).allowKeys("label", "above", "from", "meaning");
                if (b.has("above") && b.has("from")) {
                    throw b.error("give either 'above' or 'from', not both");
                }
                Double threshold = b.opt("above")
                        .or(() -> b.opt("from"))
                        .map(YamlNode::asDouble)
                        .orElse(null);
                if (threshold == null && i != bandNodes.size() - 1) {
                    throw b.error("only the last band may leave out 'above' or 'from'");
                }
                if (threshold != null && i == bandNodes.size() - 1) {
                    throw b.error("the last band catches the rest and takes no 'above' or 'from'");
                }
                bands.add(new BandSet.Band(
                        b.string("label"),
                        threshold,
                        b.has("from"),
                        b.optString("meaning").orElse(null)));
            }
            if (bands.isEmpty()) {
                throw node.error("has no bands");
            }
            BandSet set =
                    new BandSet(node.string("name"), node.string("source"), node.string("version"), List.copyOf(bands));
            if (sets.put(set.name(), set) != null) {
                throw node.error("duplicate band set name '" + set.name() + "'");
            }
        }
        return Map.copyOf(sets);
    }

    public BandSet bandSet(String name) {
        BandSet set = bandSets.get(name);
        if (set == null) {
            throw new IllegalArgumentException("unknown band set '" + name + "' (known: " + bandSets.keySet() + ")");
        }
        return set;
    }

    /** Every band set's name, in a stable order. */
    public List<String> bandSetNames() {
        return bandSets.keySet().stream().sorted().toList();
    }

    public boolean hasBandSet(String name) {
        return bandSets.containsKey(name);
    }

    public BandSet predikat() {
        return bandSet(PREDIKAT_AKIP);
    }

    public BandSet mutu() {
        return bandSet(MUTU_IKM);
    }

    /** Rupiah realisation as a percentage of pagu; null when pagu is zero or missing. */
    public static Double serapan(Double realisasi, Double pagu) {
        if (realisasi == null || pagu == null || pagu == 0) {
            return null;
        }
        return realisasi / pagu * 100;
    }

    /** deviasi = realisasi % - rencana %, in percentage points. */
    public static Double deviasi(Double realisasiPct, Double rencanaPct) {
        if (realisasiPct == null || rencanaPct == null) {
            return null;
        }
        return realisasiPct - rencanaPct;
    }

    /** efisiensi as the LKIP seed computes it: capaian kinerja % - serapan anggaran %. */
    public static Double efisiensi(Double capaianPct, Double serapanPct) {
        if (capaianPct == null || serapanPct == null) {
            return null;
        }
        return capaianPct - serapanPct;
    }

    /** Rounds half up to two decimals, the way the source documents print figures. */
    public static double round2(double value) {
        return java.math.BigDecimal.valueOf(value)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }
}
