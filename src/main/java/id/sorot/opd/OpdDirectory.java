package id.sorot.opd;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An immutable snapshot of the OPD master: resolves the many spellings of an OPD or service unit
 * (kode, official name, singkatan, aliases) to its id, and suggests the closest names when a
 * spelling is unknown. It never invents an OPD.
 */
public final class OpdDirectory {

    private static final Pattern KECAMATAN = Pattern.compile("^KEC(AMATAN\\b\\s*|\\.\\s*|\\s+)");
    private static final Pattern PEMDA_PREFIX = Pattern.compile(
            "^(KAB\\.?|PEMKAB|PEMERINTAH KABUPATEN|PEMKOT|PEMERINTAH KOTA|PROV\\.?|PEMPROV|PEMERINTAH PROVINSI)\\s+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Z0-9]");

    private final Map<String, Pemda> pemdaByKode;
    private final Map<Integer, Pemda> pemdaById;
    private final Map<Integer, Opd> opds;
    private final Map<Integer, Unit> units;
    private final Map<Integer, Map<String, Integer>> opdKeys;
    private final Map<Integer, Map<String, Integer>> unitKeys;
    private final Map<Integer, Integer> unitOfOpd;
    private final Map<Integer, Map<String, IndikatorRule>> indikatorRules = new HashMap<>();

    OpdDirectory(
            Collection<Pemda> pemda,
            Collection<Opd> opds,
            Collection<Unit> units,
            Map<Integer, Map<String, Integer>> opdKeys,
            Map<Integer, Map<String, Integer>> unitKeys) {
        this.pemdaByKode = new HashMap<>();
        this.pemdaById = new HashMap<>();
        for (Pemda p : pemda) {
            pemdaByKode.put(p.kode(), p);
            pemdaById.put(p.id(), p);
        }
        this.opds = new HashMap<>();
        opds.forEach(o -> this.opds.put(o.id(), o));
        this.units = new HashMap<>();
        this.unitOfOpd = new HashMap<>();
        for (Unit u : units) {
            this.units.put(u.id(), u);
            if (u.isOpd()) {
                unitOfOpd.put(u.opdId(), u.id());
            }
        }
        this.opdKeys = opdKeys;
        this.unitKeys = unitKeys;
    }

    /** Attaches a pemda's indicator rules while the directory is built; the OPD each names must exist. */
    void addIndikatorRule(int opdId, IndikatorRule rule) {
        indikatorRules.computeIfAbsent(opdId, k -> new HashMap<>()).put(IndikatorRule.key(rule.nama()), rule);
    }

    /** What the reference says of an OPD's indicator (its direction, targets), if anything. */
    public Optional<IndikatorRule> indikatorRule(int opdId, String nama) {
        return Optional.ofNullable(indikatorRules.getOrDefault(opdId, Map.of()).get(IndikatorRule.key(nama)));
    }

    /**
     * The normal form two spellings must share to name the same OPD: upper case, "KEC." and
     * "Kecamatan" made one, everything but letters and digits dropped.
     */
    public static String key(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .strip();
        s = KECAMATAN.matcher(s).replaceFirst("KECAMATAN ");
        return NOT_ALNUM.matcher(s).replaceAll("");
    }

    /** The pemda's name for headings, or the text itself when no pemda answers to it. */
    public String pemdaName(String kodeOrName) {
        return pemda(kodeOrName).map(Pemda::nama).orElse(kodeOrName);
    }

    public Optional<Pemda> pemda(String kodeOrName) {
        Pemda byKode = pemdaByKode.get(kodeOrName.strip());
        if (byKode != null) {
            return Optional.of(byKode);
        }
        String k = pemdaKey(kodeOrName);
        return pemdaByKode.values().stream()
                .filter(p -> pemdaKey(p.nama()).equals(k))
                .findFirst();
    }

    /**
     * A pemda's name as a key, with the short forms province-wide tables use spelled out: "Kab.
     * Bogor" and "Pemkab Bogor" are Kabupaten Bogor, "Pemkot Bekasi" is Kota Bekasi.
     */
    static String pemdaKey(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .strip();
        s = PEMDA_PREFIX.matcher(s).replaceFirst(m -> switch (m.group(1).replace(".", "")) {
            case "KAB", "PEMKAB", "PEMERINTAH KABUPATEN" -> "KABUPATEN ";
            case "PEMKOT", "PEMERINTAH KOTA" -> "KOTA ";
            case "PROV", "PEMPROV", "PEMERINTAH PROVINSI" -> "PROVINSI ";
            default -> m.group();
        });
        return key(s);
    }

    public Pemda pemda(int id) {
        return pemdaById.get(id);
    }

    public Collection<Pemda> allPemda() {
        return pemdaById.values();
    }

    public Opd opd(int id) {
        return opds.get(id);
    }

    public Unit unit(int id) {
        return units.get(id);
    }

    public List<Opd> opdsOf(int pemdaId) {
        return opds.values().stream()
                .filter(o -> o.pemdaId() == pemdaId)
                .sorted(Comparator.comparing(Opd::kode))
                .toList();
    }

    public List<Unit> unitsOf(int pemdaId) {
        return units.values().stream()
                .filter(u -> u.pemdaId() == pemdaId)
                .sorted(Comparator.comparing(Unit::id))
                .toList();
    }

    /** The OPD a spelling names in the pemda, if any. */
    public Optional<Opd> findOpd(int pemdaId, String spelling) {
        Integer id = opdKeys.getOrDefault(pemdaId, Map.of()).get(key(spelling));
        return Optional.ofNullable(id).map(opds::get);
    }

    /** The service unit a spelling names: a listed unit, or else an OPD as its own unit. */
    public Optional<Unit> findUnit(int pemdaId, String spelling) {
        String k = key(spelling);
        Integer id = unitKeys.getOrDefault(pemdaId, Map.of()).get(k);
        if (id == null) {
            Integer opd = opdKeys.getOrDefault(pemdaId, Map.of()).get(k);
            id = opd == null ? null : unitOfOpd.get(opd);
        }
        return Optional.ofNullable(id).map(units::get);
    }

    /** Up to {@code limit} known names closest to an unknown spelling, best first. */
    public List<String> closestOpds(int pemdaId, String spelling, int limit) {
        return closest(spelling, opdKeys.getOrDefault(pemdaId, Map.of()), id -> describe(opds.get(id)), limit);
    }

    public List<String> closestUnits(int pemdaId, String spelling, int limit) {
        Map<String, Integer> unitNames = new HashMap<>(unitKeys.getOrDefault(pemdaId, Map.of()));
        List<String> fromUnits =
                closest(spelling, unitNames, id -> units.get(id).nama(), limit);
        List<String> fromOpds = closestOpds(pemdaId, spelling, limit);
        Set<String> merged = new LinkedHashSet<>();
        for (int i = 0; i < limit; i++) {
            if (i < fromUnits.size()) merged.add(fromUnits.get(i));
            if (i < fromOpds.size()) merged.add(fromOpds.get(i));
        }
        return merged.stream().limit(limit).toList();
    }

    private static String describe(Opd o) {
        return o.singkatan() + " (" + o.kode() + " " + o.nama() + ")";
    }

    private static List<String> closest(
            String spelling, Map<String, Integer> keys, java.util.function.IntFunction<String> name, int limit) {
        String k = key(spelling);
        record Scored(int id, double score) {}
        Map<Integer, Double> best = new HashMap<>();
        keys.forEach((alias, id) -> best.merge(id, similarity(k, alias), Math::max));
        List<Scored> scored = new ArrayList<>();
        best.forEach((id, s) -> scored.add(new Scored(id, s)));
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
        return scored.stream().limit(limit).map(s -> name.apply(s.id())).toList();
    }

    /** 1 - normalised Levenshtein distance; containment counts as close. */
    static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int d = levenshtein(a, b);
        double s = 1.0 - (double) d / Math.max(a.length(), b.length());
        if (a.contains(b) || b.contains(a)) {
            s = Math.max(s, 0.8);
        }
        return s;
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
