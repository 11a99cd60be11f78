package id.sorot.opd;

import id.sorot.base.yaml.DefinitionException;
import id.sorot.base.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the OPD master from {@code etl/reference/pemda.yml} and the per-pemda OPD files it names,
 * checking that no spelling is claimed by two OPDs.
 */
final class OpdReference {

    record PemdaEntry(
            String kode,
            String nama,
            String jenis,
            String provinsi,
            Map<String, String> bandSets,
            Deviasi deviasi,
            List<OpdEntry> opd,
            List<UnitEntry> units,
            List<IndikatorRule> indikator) {}

    /** The pemda's early-warning thresholds for deviasi, in points; null where it keeps the defaults. */
    record Deviasi(Double merah, Double kuning) {}

    record OpdEntry(String kode, String nama, String singkatan, String jenis, String parent, List<String> aliases) {}

    record UnitEntry(String nama, String jenis, String opd, List<String> aliases) {}

    private OpdReference() {}

    static List<PemdaEntry> read(Path etlDir) {
        Path file = etlDir.resolve("reference/pemda.yml");
        String name = "etl/reference/pemda.yml";
        if (!Files.isRegularFile(file)) {
            throw new DefinitionException(name, "", "not found at " + file);
        }
        YamlNode root = YamlNode.load(file, name).allowKeys("pemda");
        List<PemdaEntry> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (YamlNode p : root.list("pemda")) {
            p.allowKeys("kode", "nama", "jenis", "provinsi", "opd", "band_sets", "deviasi", "iku");
            String kode = p.string("kode");
            if (seen.put(kode, p.path()) != null) {
                throw p.error("pemda kode " + kode + " is listed twice");
            }
            Map<String, String> bands = new LinkedHashMap<>();
            bands.put("predikat", "predikat_akip");
            bands.put("mutu", "mutu_ikm");
            bands.put("capaian", "capaian_lkip");
            p.opt("band_sets").ifPresent(b -> {
                b.allowKeys(Pemda.BAND_ROLES.toArray(String[]::new));
                b.entries().forEach((k, v) -> bands.put(k, v.asString()));
            });
            Deviasi deviasi = new Deviasi(null, null);
            if (p.has("deviasi")) {
                YamlNode d = p.get("deviasi").allowKeys("merah", "kuning");
                deviasi = new Deviasi(
                        d.opt("merah").map(YamlNode::asDouble).orElse(null),
                        d.opt("kuning").map(YamlNode::asDouble).orElse(null));
                if (deviasi.merah() != null && deviasi.kuning() != null && deviasi.merah() > deviasi.kuning()) {
                    throw d.error(
                            "merah (" + deviasi.merah() + ") must not be above kuning (" + deviasi.kuning() + ")");
                }
            }
            List<IndikatorRule> indikator = new ArrayList<>();
            if (p.has("iku")) readIkuFile(referenced(p, "iku", file), kode, indikator);
            List<OpdEntry> opd = new ArrayList<>();
            List<UnitEntry> units = new ArrayList<>();
            if (p.has("opd")) readOpdFile(referenced(p, "opd", file), kode, opd, units);
            out.add(new PemdaEntry(
                    kode,
                    p.string("nama"),
                    p.string("jenis"),
                    p.optString("provinsi").orElse(null),
                    bands,
                    deviasi,
                    opd,
                    units,
                    indikator));
        }
        return out;
    }

    /** The file a pemda entry names under {@code key}, beside pemda.yml; refused if it is not there. */
    private static YamlNode referenced(YamlNode p, String key, Path pemdaFile) {
        String rel = p.string(key);
        Path f = pemdaFile.getParent().resolve(rel);
        if (!Files.isRegularFile(f)) {
            throw p.get(key).error("names " + rel + ", which does not exist");
        }
        return YamlNode.load(f, "etl/reference/" + rel);
    }

    /** A file pemda.yml names for a pemda must say it is that pemda's. */
    private static void checkPemda(YamlNode root, String pemdaKode) {
        if (!root.string("pemda").equals(pemdaKode)) {
            throw root.get("pemda")
                    .error("is " + root.string("pemda") + " but pemda.yml lists this file for " + pemdaKode);
        }
    }

    private static void readIkuFile(YamlNode root, String pemdaKode, List<IndikatorRule> out) {
        root.allowKeys("pemda", "indikator");
        checkPemda(root, pemdaKode);
        Map<String, String> seen = new HashMap<>();
        for (YamlNode i : root.list("indikator")) {
            i.allowKeys("opd", "nama", "arah", "target");
            String arah = i.optString("arah").orElse(null);
            if (arah != null && !IndikatorRule.ARAH.contains(arah)) {
                throw i.get("arah").error("is '" + arah + "' (known: " + String.join(", ", IndikatorRule.ARAH) + ")");
            }
            Map<Integer, String> target = new LinkedHashMap<>();
            i.opt("target").ifPresent(t -> t.entries().forEach((year, value) -> {
                if (!year.matches("(19|20)\\d\\d")) throw t.error("'" + year + "' is not a year");
                target.put(Integer.parseInt(year), value.asString());
            }));
            if (arah == null && target.isEmpty()) throw i.error("gives neither 'arah' nor 'target'");
            String key = OpdDirectory.key(i.string("opd")) + "|" + IndikatorRule.key(i.string("nama"));
            String before = seen.putIfAbsent(key, i.path());
            if (before != null) throw i.error("names the same indicator as " + before);
            out.add(new IndikatorRule(i.string("opd"), i.string("nama"), arah, target, root.file(), i.path()));
        }
    }

    private static void readOpdFile(YamlNode root, String pemdaKode, List<OpdEntry> opd, List<UnitEntry> units) {
        root.allowKeys("pemda", "opd", "units");
        checkPemda(root, pemdaKode);
        Map<String, String> spellingOwner = new HashMap<>();
        Map<String, OpdEntry> byKode = new LinkedHashMap<>();
        for (YamlNode o : root.list("opd")) {
            o.allowKeys("kode", "nama", "singkatan", "jenis", "parent", "alias");
            OpdEntry e = new OpdEntry(
                    o.string("kode"),
                    o.string("nama"),
                    o.string("singkatan"),
                    o.string("jenis"),
                    o.optString("parent").orElse(null),
                    o.strings("alias"));
            if (byKode.put(e.kode(), e) != null) {
                throw o.error("OPD kode " + e.kode() + " is listed twice");
            }
            List<String> spellings = new ArrayList<>(List.of(e.kode(), e.nama(), e.singkatan()));
            spellings.addAll(e.aliases());
            for (String s : spellings) {
                String owner = spellingOwner.putIfAbsent(OpdDirectory.key(s), e.kode());
                if (owner != null && !owner.equals(e.kode())) {
                    throw o.error("the spelling '" + s + "' already names OPD " + owner);
                }
            }
            opd.add(e);
        }
        for (OpdEntry e : opd) {
            if (e.parent() != null && !byKode.containsKey(e.parent())) {
                throw root.error("OPD " + e.kode() + " has parent " + e.parent() + ", which is not listed");
            }
        }
        for (YamlNode u : root.list("units")) {
            u.allowKeys("nama", "jenis", "opd", "alias");
            UnitEntry e = new UnitEntry(u.string("nama"), u.string("jenis"), u.string("opd"), u.strings("alias"));
            if (!byKode.containsKey(e.opd())) {
                throw u.get("opd").error("names OPD " + e.opd() + ", which is not listed");
            }
            List<String> spellings = new ArrayList<>(List.of(e.nama()));
            spellings.addAll(e.aliases());
            for (String s : spellings) {
                String owner = spellingOwner.putIfAbsent(OpdDirectory.key(s), "unit " + e.nama());
                if (owner != null && !owner.equals("unit " + e.nama())) {
                    throw u.error("the spelling '" + s + "' already names " + owner);
                }
            }
            units.add(e);
        }
    }
}
