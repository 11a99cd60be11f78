package id.sorot.etl.job;

import id.sorot.base.yaml.YamlNode;
import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Layout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A layout's {@code combine} block (see {@link Layout.Combine}): read from YAML and checked against its target. */
final class CombineSpec {

    private CombineSpec() {}

    /** The {@code combine} block of a layout. */
    static Layout.Combine read(YamlNode c) {
        c.allowKeys("part", "sum", "weighted", "share_of");
        YamlNode part = c.get("part").allowKeys("field", "pattern");
        Pattern pattern = part.opt("pattern").map(JobCatalog::findPattern).orElse(null);
        List<String> sum = c.list("sum").stream().map(YamlNode::asString).toList();
        Map<String, String> weighted = new LinkedHashMap<>();
        // a weight is a field, or {total_of: <a share_of field>}: the total that share is of, per part
        c.opt("weighted").ifPresent(w -> w.entries()
                .forEach((f, by) -> weighted.put(
                        f,
                        by.isMap()
                                ? Layout.Combine.TOTAL_OF
                                        + by.allowKeys("total_of").string("total_of")
                                : by.asString())));
        Map<String, String> shareOf = new LinkedHashMap<>();
        c.opt("share_of").ifPresent(w -> w.entries().forEach((f, of) -> shareOf.put(f, of.asString())));
        if (sum.isEmpty() && weighted.isEmpty() && shareOf.isEmpty()) {
            throw c.error("says nothing to combine: list fields under sum, weighted or share_of");
        }
        return new Layout.Combine(part.string("field"), pattern, sum, Map.copyOf(weighted), Map.copyOf(shareOf));
    }

    /** Refuses a combine block that names fields no column feeds, or combines a field that is no number. */
    static void check(YamlNode node, Layout.Combine c, Map<String, FieldType.Def> accepted, Set<String> fed) {
        if (!fed.contains(c.partField())) {
            throw node.get("part").error("field '" + c.partField() + "' tells the parts apart, but no column feeds it");
        }
        Set<String> seen = new HashSet<>();
        List<String> named = new ArrayList<>(c.sum());
        named.addAll(c.weighted().keySet());
        named.addAll(c.shareOf().keySet());
        for (String f : named) {
            FieldType.Def def = accepted.get(f);
            if (def == null || !fed.contains(f)) {
                throw node.error("combines field '" + f + "', which no column feeds");
            }
            if (def.type() != FieldType.MONEY && def.type() != FieldType.DECIMAL && def.type() != FieldType.QUANTITY) {
                throw node.error("combines field '" + f + "', which is not a number");
            }
            if (!seen.add(f)) throw node.error("names field '" + f + "' twice; a field combines one way");
        }
        for (String by : c.weighted().values()) {
            if (by.startsWith(Layout.Combine.TOTAL_OF)) {
                String share = by.substring(Layout.Combine.TOTAL_OF.length());
                if (!c.shareOf().containsKey(share)) {
                    throw node.get("weighted").error("total_of names '" + share + "', which share_of does not list");
                }
            } else if (!fed.contains(by)) {
                throw node.get("weighted").error("weighs by field '" + by + "', which no column feeds");
            }
        }
        for (String of : c.shareOf().values()) {
            if (!fed.contains(of))
                throw node.get("share_of").error("is a share of field '" + of + "', which no column feeds");
        }
    }
}
