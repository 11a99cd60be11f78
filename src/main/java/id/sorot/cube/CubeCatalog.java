package id.sorot.cube;

import id.sorot.base.yaml.DefinitionException;
import id.sorot.base.yaml.YamlNode;
import id.sorot.cube.model.CubeDefinition;
import id.sorot.cube.model.CubeQueryException;
import id.sorot.opd.Pemda;
import id.sorot.rules.RuleService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Loads every {@code cubes/<subject>/<name>.yml} and refuses the whole catalog on the first unknown
 * key, unresolved reference or duplicate name, naming the file and the path inside it.
 */
public final class CubeCatalog {

    static final Set<String> BASE =
            Set.of("sum", "avg", "min", "max", "count", "count_distinct", "count_if", "weighted_avg");
    static final Set<String> DERIVED = Set.of("ratio", "difference", "band", "rank", "change", "previous");

    static final Set<String> FORMATS = Set.of("decimal", "percent", "rupiah", "integer", "label");
    static final Set<String> TYPES = Set.of("text", "integer", "decimal", "date");
    // no double underscore: the cube views use it for columns of joins (opd__jenis)
    private static final String NAME = "[a-z](_?[a-z0-9])*";

    private final Map<String, CubeDefinition> cubes;

    private CubeCatalog(Map<String, CubeDefinition> cubes) {
        this.cubes = cubes;
    }

    public Map<String, CubeDefinition> cubes() {
        return cubes;
    }

    public CubeDefinition cube(String name) {
        CubeDefinition c = cubes.get(name);
        if (c == null) {
            throw new CubeQueryException(
                    "cube", "unknown cube '" + name + "' (known: " + String.join(", ", cubes.keySet()) + ")");
        }
        return c;
    }

    /**
     * Reads the catalog. {@code tableColumns} answers the columns of a store table (empty when the
     * table does not exist), so references are checked against the real schema.
     */
    public static CubeCatalog load(Path dir, Function<String, Set<String>> tableColumns, RuleService rules) {
        if (!Files.isDirectory(dir)) {
            throw new DefinitionException("cubes", "", "folder not found at " + dir);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new DefinitionException("cubes", "", "cannot be listed: " + e.getMessage());
        }
        Map<String, CubeDefinition> cubes = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        for (Path file : files) {
            String display = "cubes/" + dir.relativize(file).toString().replace('\\', '/');
            CubeDefinition cube = read(YamlNode.load(file, display), display, file, tableColumns, rules);
            String previous = where.put(cube.name(), display);
            if (previous != null) {
                throw new DefinitionException(
                        display, "name", "duplicate cube name '" + cube.name() + "' (also in " + previous + ")");
            }
            cubes.put(cube.name(), cube);
        }
        if (cubes.isEmpty()) {
            throw new DefinitionException("cubes", "", "holds no cube definition (*.yml)");
        }
        return new CubeCatalog(Map.copyOf(cubes));
    }

    static CubeDefinition read(
            YamlNode root, String display, Path file, Function<String, Set<String>> tableColumns, RuleService rules) {
        root.allowKeys(true, "name", "table", "description", "joins", "measures", "dimensions");
        String name = root.string("name");
        if (!name.matches(NAME)) throw root.get("name").error("must be snake_case");
        String stem = file.getFileName().toString().replaceFirst("\\.yml$", "");
        if (!stem.equals(name)) {
            throw root.get("name").error("is '" + name + "' but the file is " + stem + ".yml; they must match");
        }
        String table = root.string("table");
        Set<String> factColumns = tableColumns.apply(table);
        if (factColumns.isEmpty()) throw root.get("table").error("no table '" + table + "' in the store");

        Map<String, Set<String>> columnsOf = new LinkedHashMap<>();
        columnsOf.put("", factColumns);
        List<CubeDefinition.Join> joins = new ArrayList<>();
        for (YamlNode j : root.list("joins")) {
            j.allowKeys(true, "name", "table", "key", "from", "to");
            String jn = j.string("name");
            if (!jn.matches(NAME)) throw j.get("name").error("must be snake_case");
            if (columnsOf.containsKey(jn)) throw j.get("name").error("duplicate join name '" + jn + "'");
            String jt = j.string("table");
            Set<String> cols = tableColumns.apply(jt);
            if (cols.isEmpty()) throw j.get("table").error("no table '" + jt + "' in the store");
            String from;
            String to;
            if (j.has("key")) {
                if (j.has("from") || j.has("to")) throw j.error("give either 'key' or 'from' and 'to'");
                from = j.string("key");
                to = from;
            } else {
                from = j.string("from");
                to = j.string("to");
            }
            resolve(j.get(j.has("key") ? "key" : "from"), from, columnsOf);
            if (!cols.contains(to))
                throw j.get(j.has("key") ? "key" : "to").error("table '" + jt + "' has no column '" + to + "'");
            columnsOf.put(jn, cols);
            joins.add(new CubeDefinition.Join(jn, jt, from, to));
        }

        List<CubeDefinition.Dimension> dimensions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode d : root.list("dimensions")) {
            d.allowKeys(true, "name", "column", "type", "parent", "alias_of", "description");
            String dn = d.string("name");
            if (!dn.matches(NAME)) throw d.get("name").error("must be snake_case");
            if (!names.add(dn)) throw d.get("name").error("duplicate name '" + dn + "'");
            String col = d.string("column");
            resolve(d.get("column"), col, columnsOf);
            String type = d.string("type", "text");
            if (!TYPES.contains(type)) throw d.get("type").error("unknown type '" + type + "' (known: " + TYPES + ")");
            dimensions.add(new CubeDefinition.Dimension(
                    dn,
                    col,
                    type,
                    d.optString("parent").orElse(null),
                    d.optString("alias_of").orElse(null),
                    d.optString("description").orElse(null)));
        }
        for (int i = 0; i < dimensions.size(); i++) {
            String alias = dimensions.get(i).aliasOf();
            if (alias != null && dimensions.stream().noneMatch(x -> x.name().equals(alias))) {
                throw root.list("dimensions").get(i).get("alias_of").error("unknown dimension '" + alias + "'");
            }
            String parent = dimensions.get(i).parent();
            if (parent != null && dimensions.stream().noneMatch(x -> x.name().equals(parent))) {
                throw root.list("dimensions").get(i).get("parent").error("unknown dimension '" + parent + "'");
            }
        }

        boolean joinsPemda = joins.stream()
                .anyMatch(j -> j.name().equals("pemda") && j.table().equals("pemda"));
        List<CubeDefinition.Measure> measures = new ArrayList<>();
        List<YamlNode> measureNodes = root.list("measures");
        Set<String> measureNames = new HashSet<>();
        for (YamlNode m : measureNodes) {
            String mn = m.string("name");
            if (!mn.matches(NAME)) throw m.get("name").error("must be snake_case");
            if (!names.add(mn) || !measureNames.add(mn)) throw m.get("name").error("duplicate name '" + mn + "'");
        }
        for (YamlNode m : measureNodes) {
            measures.add(measure(m, columnsOf, measureNames, dimensions, rules, joinsPemda));
        }
        if (measures.isEmpty()) throw root.error("has no measures");
        if (dimensions.isEmpty()) throw root.error("has no dimensions");
        cycles(root, measures);
        return new CubeDefinition(
                name,
                table,
                root.string("description").strip(),
                List.copyOf(joins),
                List.copyOf(measures),
                List.copyOf(dimensions),
                display);
    }

    private static CubeDefinition.Measure measure(
            YamlNode m,
            Map<String, Set<String>> columnsOf,
            Set<String> measureNames,
            List<CubeDefinition.Dimension> dimensions,
            RuleService rules,
            boolean joinsPemda) {
        m.allowKeys(
                true,
                "name",
                "aggregation",
                "column",
                "of",
                "by",
                "band_set",
                "order",
                "within",
                "where",
                "format",
                "description");
        String agg = m.string("aggregation");
        if (!BASE.contains(agg) && !DERIVED.contains(agg)) {
            throw m.get("aggregation")
                    .error("unknown aggregation '" + agg + "' (known: "
                            + String.join(", ", new java.util.TreeSet<>(union(BASE, DERIVED))) + ")");
        }
        String column = m.optString("column").orElse(null);
        String of = m.optString("of").orElse(null);
        String by = m.optString("by").orElse(null);
        CubeDefinition.Condition condition = null;
        if (BASE.contains(agg)) {
            if (column == null && !agg.equals("count") && !agg.equals("count_if")) throw m.error("needs 'column'");
            if (column != null) resolve(m.get("column"), column, columnsOf);
            if (agg.equals("weighted_avg")) {
                if (by == null) throw m.error("weighted_avg needs 'by' (the weight column)");
                resolve(m.get("by"), by, columnsOf);
            } else if (by != null) {
                throw m.get("by").error("is only for weighted_avg and derived measures");
            }
            if (of != null) throw m.get("of").error("is only for derived measures");
            if (agg.equals("count_if")) {
                YamlNode w = m.get("where").allowKeys("column", "in", "differs_from", "tolerance", "at_least", "below");
                resolve(w.get("column"), w.string("column"), columnsOf);
                String other = w.optString("differs_from").orElse(null);
                if (other != null) resolve(w.get("differs_from"), other, columnsOf);
                List<String> values = w.strings("in");
                Double tolerance = w.opt("tolerance").map(YamlNode::asDouble).orElse(null);
                Double atLeast = w.opt("at_least").map(YamlNode::asDouble).orElse(null);
                Double below = w.opt("below").map(YamlNode::asDouble).orElse(null);
                int kinds = (values.isEmpty() ? 0 : 1)
                        + (other == null ? 0 : 1)
                        + (atLeast == null ? 0 : 1)
                        + (below == null ? 0 : 1);
                if (kinds != 1) throw w.error("give exactly one of 'in', 'differs_from', 'at_least', 'below'");
                if (tolerance != null && other == null) throw w.get("tolerance").error("is only for differs_from");
                condition = new CubeDefinition.Condition(w.string("column"), values, other, tolerance, atLeast, below);
            } else if (m.has("where")) {
                throw m.get("where").error("is only for count_if");
            }
        } else {
            if (column != null) throw m.get("column").error("a derived measure reads other measures through 'of'");
            if (of == null) throw m.error("needs 'of' (the measure it derives from)");
            if (!measureNames.contains(of)) throw m.get("of").error("unknown measure '" + of + "'");
            boolean needsBy = agg.equals("ratio") || agg.equals("difference");
            if (needsBy && by == null) throw m.error(agg + " needs 'by'");
            if (by != null) {
                // a rank's 'by' orders what 'of' leaves tied or empty (the predikat where no nilai is given)
                if (!needsBy && !agg.equals("rank")) throw m.get("by").error("is not used by " + agg);
                if (!measureNames.contains(by)) throw m.get("by").error("unknown measure '" + by + "'");
            }
        }
        String bandSet = m.optString("band_set").orElse(null);
        if (agg.equals("band")) {
            if (bandSet == null) throw m.error("band needs 'band_set'");
            String role = CubeDefinition.pemdaRole(bandSet);
            if (role != null) {
                // the band set of each row's pemda, from etl/reference/pemda.yml
                if (!Pemda.BAND_ROLES.contains(role)) {
                    throw m.get("band_set")
                            .error("unknown role '" + bandSet + "' (known: "
                                    + String.join(
                                            ", ",
                                            Pemda.BAND_ROLES.stream()
                                                    .map(r -> "pemda." + r)
                                                    .toList())
                                    + ")");
                }
                if (!joinsPemda) throw m.get("band_set").error("needs a join named pemda on the table pemda");
            } else if (!rules.hasBandSet(bandSet)) {
                throw m.get("band_set").error("unknown band set '" + bandSet + "'");
            }
        } else if (bandSet != null) {
            throw m.get("band_set").error("is only for band");
        }
        String order = m.string("order", "desc");
        if (!order.equals("desc") && !order.equals("asc")) throw m.get("order").error("must be asc or desc");
        List<String> within = m.strings("within");
        for (int i = 0; i < within.size(); i++) {
            String w = within.get(i);
            if (dimensions.stream().noneMatch(d -> d.name().equals(w))) {
                throw m.list("within").get(i).error("unknown dimension '" + w + "'");
            }
        }
        if (!within.isEmpty() && !agg.equals("rank")) throw m.get("within").error("is only for rank");
        String format = m.string("format", agg.equals("band") ? "label" : "decimal");
        if (!FORMATS.contains(format))
            throw m.get("format").error("unknown format '" + format + "' (known: " + FORMATS + ")");
        return new CubeDefinition.Measure(
                m.string("name"),
                agg,
                column,
                of,
                by,
                bandSet,
                order,
                within,
                condition,
                format,
                m.optString("description").orElse(null));
    }

    private static void cycles(YamlNode root, List<CubeDefinition.Measure> measures) {
        Map<String, CubeDefinition.Measure> byName = new LinkedHashMap<>();
        measures.forEach(m -> byName.put(m.name(), m));
        for (CubeDefinition.Measure m : measures) {
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(m.name()));
            while (!todo.isEmpty()) {
                CubeDefinition.Measure x = byName.get(todo.removeLast());
                if (!x.derived()) continue;
                for (String dep : new String[] {x.of(), x.by()}) {
                    if (dep == null) continue;
                    if (dep.equals(m.name())) throw root.error("measure '" + m.name() + "' depends on itself");
                    if (seen.add(dep)) todo.add(dep);
                }
            }
        }
    }

    private static void resolve(YamlNode at, String ref, Map<String, Set<String>> columnsOf) {
        int dot = ref.indexOf('.');
        String join = dot < 0 ? "" : ref.substring(0, dot);
        String col = dot < 0 ? ref : ref.substring(dot + 1);
        Set<String> cols = columnsOf.get(join);
        if (cols == null) throw at.error("unknown join '" + join + "' in '" + ref + "'");
        if (!cols.contains(col)) {
            throw at.error(
                    (join.isEmpty() ? "the fact table" : "join '" + join + "'") + " has no column '" + col + "'");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
