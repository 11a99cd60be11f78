package id.sorot.etl.job;

import id.sorot.base.yaml.DefinitionException;
import id.sorot.base.yaml.YamlNode;
import id.sorot.etl.read.Amounts;
import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Layout;
import id.sorot.etl.target.Target;
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
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads and checks every job spec in {@code etl/jobs/}: unknown keys, unknown targets or fields,
 * fields a target needs that nothing feeds, bad patterns and missing samples make a spec broken,
 * listed with the file and the path inside it. A broken spec stops neither start-up nor the other
 * jobs: a data officer's typo must not take the server down.
 */
public final class JobCatalog {

    static final Set<String> PARAMETERS = Set.of("pemda", "period", "opd");

    /** A job spec that could not be read: its file, the path inside it and what is wrong. */
    public record Broken(String file, String path, String message) {}

    private final Map<String, JobSpec> jobs;
    private final List<Broken> broken;
    private final String fingerprint;

    private JobCatalog(Map<String, JobSpec> jobs, List<Broken> broken, String fingerprint) {
        this.jobs = jobs;
        this.broken = broken;
        this.fingerprint = fingerprint;
    }

    public static JobCatalog load(Path etlDir, Map<String, Target> targets, RuleService rules) {
        Path dir = etlDir.resolve("jobs");
        if (!Files.isDirectory(dir)) {
            throw new DefinitionException("etl/jobs", "", "folder not found at " + dir);
        }
        Map<String, JobSpec> jobs = new TreeMap<>();
        List<Broken> broken = new ArrayList<>();
        List<Path> files = specFiles(dir);
        for (Path file : files) {
            try {
                JobSpec spec = read(file, etlDir, targets, rules);
                jobs.put(spec.name(), spec);
            } catch (DefinitionException e) {
                broken.add(new Broken(e.file(), e.path(), e.problem()));
            } catch (RuntimeException e) {
                broken.add(new Broken("etl/jobs/" + file.getFileName(), "", "cannot be read: " + e));
            }
        }
        if (files.isEmpty()) {
            throw new DefinitionException("etl/jobs", "", "holds no job (*.yml) in " + dir);
        }
        return new JobCatalog(jobs, List.copyOf(broken), fingerprint(files));
    }

    /** Reads one spec, wherever it lies (a draft being checked); samples are looked up in {@code etlDir}. */
    public static JobSpec readSpec(Path file, Path etlDir, Map<String, Target> targets, RuleService rules) {
        return read(file, etlDir, targets, rules);
    }

    public Map<String, JobSpec> jobs() {
        return jobs;
    }

    /** The specs that could not be read, in file order. */
    public List<Broken> broken() {
        return broken;
    }

    /** Whether the spec files changed (added, removed, edited) since this catalog was read. */
    public boolean isStale(Path etlDir) {
        Path dir = etlDir.resolve("jobs");
        return !Files.isDirectory(dir) || !fingerprint(specFiles(dir)).equals(fingerprint);
    }

    private static List<Path> specFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new DefinitionException("etl/jobs", "", "cannot be listed: " + e.getMessage());
        }
    }

    /** Names, sizes and modification times: cheap to take on every request, and any edit changes it. */
    private static String fingerprint(List<Path> files) {
        StringBuilder b = new StringBuilder();
        for (Path f : files) {
            b.append(f.getFileName()).append('|');
            try {
                b.append(Files.size(f))
                        .append('|')
                        .append(Files.getLastModifiedTime(f).toMillis());
            } catch (IOException e) {
                b.append("gone");
            }
            b.append('\n');
        }
        return b.toString();
    }

    static JobSpec read(Path file, Path etlDir, Map<String, Target> targets, RuleService rules) {
        String display = "etl/jobs/" + file.getFileName();
        YamlNode root = YamlNode.load(file, display)
                .allowKeys(true, "name", "description", "target", "parameters", "samples", "options", "layout");
        String name = root.string("name");
        String stem = file.getFileName().toString().replaceFirst("\\.yml$", "");
        if (!name.equals(stem)) {
            throw root.get("name").error("is '" + name + "' but the file is " + stem + ".yml; they must match");
        }
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw root.get("name").error("must be snake_case");
        }
        String targetName = root.string("target");
        Target target = targets.get(targetName);
        if (target == null) {
            throw root.get("target")
                    .error("unknown target '" + targetName + "' (known: " + new TreeMap<>(targets).keySet() + ")");
        }
        List<String> parameters = root.strings("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            if (!PARAMETERS.contains(parameters.get(i))) {
                throw root.list("parameters")
                        .get(i)
                        .error("unknown parameter '" + parameters.get(i) + "' (known: opd, pemda, period)");
            }
        }
        List<String> samples = root.strings("samples");
        for (int i = 0; i < samples.size(); i++) {
            if (!Files.isRegularFile(etlDir.resolve("samples").resolve(samples.get(i)))) {
                throw root.list("samples").get(i).error("sample etl/samples/" + samples.get(i) + " does not exist");
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        root.opt("options").ifPresent(o -> o.entries().forEach((k, v) -> options.put(k, v.asString())));
        for (Map.Entry<String, String> e : options.entrySet()) {
            String problem = target.checkOption(e.getKey(), e.getValue());
            if (problem != null) throw root.get("options").error(e.getKey() + ": " + problem);
        }
        Layout layout = layout(root.get("layout"), rules);
        checkFields(root, layout, target, parameters);
        return new JobSpec(
                name, root.string("description").strip(), targetName, parameters, samples, Map.copyOf(options), layout);
    }

    private static void checkFields(YamlNode root, Layout layout, Target target, List<String> parameters) {
        Map<String, FieldType.Def> accepted = target.fields();
        for (String field : layout.fields()) {
            if (!accepted.containsKey(field)) {
                throw root.get("layout")
                        .error("field '" + field + "' is not one target " + target.name() + " accepts ("
                                + new TreeMap<>(accepted).keySet() + ")");
            }
        }
        Set<String> fed = new HashSet<>(layout.fields());
        if (parameters.contains("pemda")) fed.add("pemda");
        if (parameters.contains("opd")) fed.add("opd");
        if (parameters.contains("period") || layout.titlePeriod() != null || layout.filePeriod() != null) {
            fed.add("tahun");
        }
        for (Map.Entry<String, FieldType.Def> e : new TreeMap<>(accepted).entrySet()) {
            if (e.getValue().required() && !fed.contains(e.getKey())) {
                throw root.get("layout")
                        .error("nothing feeds the required field '" + e.getKey()
                                + "': map a column to it or list it as a parameter");
            }
        }
        for (List<String> group : target.oneOf()) {
            if (group.stream().noneMatch(fed::contains)) {
                throw root.get("layout")
                        .error("nothing feeds any of " + group + ": map a column to at least one of them");
            }
        }
        for (String field : layout.units().keySet()) {
            if (field.equals(Layout.ALL_MONEY)) continue;
            FieldType.Def def = accepted.get(field);
            if (def == null || def.type() != FieldType.MONEY || !fed.contains(field)) {
                throw root.get("layout")
                        .get("numbers")
                        .get("units")
                        .error("'" + field + "' is not an amount (money field) a column feeds, so it has no unit");
            }
        }
        if (layout.combine() != null)
            CombineSpec.check(root.get("layout").get("combine"), layout.combine(), accepted, fed);
        if (!fed.contains("pemda")) {
            throw root.error("a load must know its pemda: add 'pemda' to parameters or map a column to it");
        }
        for (Layout.Total t : layout.totals()) {
            for (Map.Entry<String, Layout.Check> c : t.checks().entrySet()) {
                for (String f : new String[] {
                    c.getKey(), c.getValue().of(), c.getValue().by()
                }) {
                    if (f != null
                            && !fed.contains(f)
                            && !(c.getValue().kind().equals("band")
                                    && f.equals(c.getValue().by()))) {
                        throw root.get("layout")
                                .error("total '" + t.name() + "' checks field '" + f + "', which no column feeds");
                    }
                }
            }
        }
    }

    private static Layout layout(YamlNode node, RuleService rules) {
        node.allowKeys(
                true,
                "header",
                "title_period",
                "file_period",
                "rows",
                "numbers",
                "columns",
                "continuation_columns",
                "fill_from_continuation",
                "join_from_continuation",
                "fill_down",
                "repeat",
                "combine");
        YamlNode header = node.get("header").allowKeys("match", "rows");
        List<Pattern> headerPatterns = new ArrayList<>();
        for (YamlNode p : header.list("match")) {
            headerPatterns.add(pattern(p));
        }
        if (headerPatterns.isEmpty()) {
            throw header.error("'match' needs at least one cell pattern");
        }
        int headerRows = header.optInteger("rows").orElse(1);
        Pattern titlePeriod =
                node.opt("title_period").map(JobCatalog::findPattern).orElse(null);
        if (titlePeriod != null && titlePeriod.matcher("").groupCount() < 1) {
            throw node.get("title_period").error("needs a group ( ) around the year");
        }
        Pattern filePeriod =
                node.opt("file_period").map(JobCatalog::findPattern).orElse(null);
        if (filePeriod != null && filePeriod.matcher("").groupCount() < 1) {
            throw node.get("file_period").error("needs a group ( ) around the period in the file name");
        }
        YamlNode rows = node.get("rows").allowKeys("data", "total", "ignore", "continuation");
        Layout.Matcher data = matcher(rows.get("data"));
        List<Layout.Total> totals = new ArrayList<>();
        for (YamlNode t : rows.list("total")) {
            totals.add(total(t, rules));
        }
        List<Layout.Matcher> ignore = new ArrayList<>();
        for (YamlNode m : rows.list("ignore")) {
            ignore.add(matcher(m));
        }
        Layout.Matcher continuation =
                rows.opt("continuation").map(JobCatalog::matcher).orElse(null);
        YamlNode numbers = node.opt("numbers").orElse(null);
        boolean dashIsZero = false;
        Map<String, Amounts.Unit> units = new LinkedHashMap<>();
        if (numbers != null) {
            numbers.allowKeys("dash", "unit", "units");
            if (numbers.opt("dash").isPresent()) {
                String dash = numbers.string("dash");
                if (!dash.equals("zero") && !dash.equals("missing")) {
                    throw numbers.get("dash").error("must be 'zero' or 'missing'");
                }
                dashIsZero = dash.equals("zero");
            }
            if (numbers.opt("unit").isPresent()) units.put(Layout.ALL_MONEY, unit(numbers.get("unit")));
            numbers.opt("units").ifPresent(u -> u.entries().forEach((field, v) -> units.put(field, unit(v))));
        }
        Map<Integer, String> columns = columns(node.opt("columns").orElse(null));
        Map<Integer, String> continuationColumns =
                columns(node.opt("continuation_columns").orElse(null));
        if (!continuationColumns.isEmpty() && continuation == null) {
            throw node.get("continuation_columns").error("needs rows.continuation to say which rows continue a record");
        }
        List<Integer> fillFrom = node.list("fill_from_continuation").stream()
                .map(YamlNode::asInt)
                .toList();
        List<Integer> joinFrom = node.list("join_from_continuation").stream()
                .map(YamlNode::asInt)
                .toList();
        if (!(fillFrom.isEmpty() && joinFrom.isEmpty()) && continuation == null) {
            throw node.error("fill_from_continuation and join_from_continuation need rows.continuation");
        }
        List<Integer> fillDown =
                node.list("fill_down").stream().map(YamlNode::asInt).toList();
        Layout.Repeat repeat = node.opt("repeat").map(JobCatalog::repeat).orElse(null);
        if (columns.isEmpty() && repeat == null) {
            throw node.error("maps no column: give 'columns' or 'repeat'");
        }
        return new Layout(
                headerPatterns,
                headerRows,
                titlePeriod,
                filePeriod,
                data,
                totals,
                ignore,
                continuation,
                dashIsZero,
                columns,
                continuationColumns,
                fillFrom,
                joinFrom,
                fillDown,
                repeat,
                Map.copyOf(units),
                node.opt("combine").map(CombineSpec::read).orElse(null));
    }

    private static Amounts.Unit unit(YamlNode v) {
        Amounts.Unit u = Amounts.Unit.named(v.asString());
        if (u == null)
            throw v.error("unknown unit '" + v.asString() + "' (known: rupiah, ribu, juta, miliar, triliun)");
        return u;
    }

    private static Layout.Repeat repeat(YamlNode r) {
        r.allowKeys(true, "field", "start", "width", "values", "columns", "continuation_columns");
        int width = r.integer("width");
        if (width < 1) throw r.get("width").error("must be at least 1");
        Map<Integer, String> cols = columns(r.get("columns"));
        for (int offset : cols.keySet()) {
            if (offset >= width)
                throw r.get("columns").error("offset " + offset + " is outside the group width " + width);
        }
        return new Layout.Repeat(
                r.string("field"),
                r.integer("start"),
                width,
                r.strings("values"),
                cols,
                columns(r.opt("continuation_columns").orElse(null)));
    }

    private static Map<Integer, String> columns(YamlNode node) {
        Map<Integer, String> out = new LinkedHashMap<>();
        if (node == null) return out;
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            int index;
            try {
                index = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw e.getValue().error("column keys are 0-based column numbers, not '" + e.getKey() + "'");
            }
            String field = e.getValue().asString();
            if (!seen.add(field)) throw e.getValue().error("field '" + field + "' is mapped twice");
            out.put(index, field);
        }
        return out;
    }

    private static Layout.Total total(YamlNode t, RuleService rules) {
        t.allowKeys(
                true,
                "name",
                "column",
                "pattern",
                "blank",
                "names_opd",
                "all",
                "any",
                "check",
                "on_mismatch",
                "tolerance");
        Map<String, Layout.Check> checks = new LinkedHashMap<>();
        t.opt("check")
                .ifPresent(c -> c.entries().forEach((field, rule) -> checks.put(field, check(field, rule, rules))));
        String onMismatch = t.string("on_mismatch", "reject");
        if (!onMismatch.equals("reject") && !onMismatch.equals("flag")) {
            throw t.get("on_mismatch").error("must be 'reject' or 'flag'");
        }
        double tolerance = t.opt("tolerance").map(YamlNode::asDouble).orElse(0.01);
        return new Layout.Total(t.string("name"), matcherOf(t), checks, onMismatch.equals("reject"), tolerance);
    }

    private static Layout.Check check(String field, YamlNode rule, RuleService rules) {
        if (rule.isScalar()) {
            String kind = rule.asString();
            if (!kind.equals("sum") && !kind.equals("mean")) {
                throw rule.error(
                        "must be sum, mean, {ratio: [a, b]}, {difference: [a, b]}, {weighted: {of, by}} or {band: set, of: field, agg: sum|mean}");
            }
            return new Layout.Check(kind, field, null, null, null);
        }
        rule.allowKeys("ratio", "weighted", "difference", "band", "of", "by", "agg", "on_mismatch");
        Boolean reject = rule.optString("on_mismatch")
                .map(v -> {
                    if (!v.equals("reject") && !v.equals("flag"))
                        throw rule.get("on_mismatch").error("must be 'reject' or 'flag'");
                    return v.equals("reject");
                })
                .orElse(null);
        for (String kind : List.of("ratio", "difference")) {
            if (rule.has(kind)) {
                List<String> ab = rule.strings(kind);
                if (ab.size() != 2) throw rule.get(kind).error("needs two fields: [a, b]");
                return new Layout.Check(kind, ab.get(0), ab.get(1), null, reject);
            }
        }
        if (rule.has("weighted")) {
            YamlNode w = rule.get("weighted").allowKeys("of", "by");
            return new Layout.Check("weighted", w.string("of"), w.string("by"), null, reject);
        }
        String band = rule.string("band");
        if (!rules.hasBandSet(band)) throw rule.get("band").error("unknown band set '" + band + "'");
        String agg = rule.string("agg", "mean");
        if (!agg.equals("sum") && !agg.equals("mean")) throw rule.get("agg").error("must be sum or mean");
        return new Layout.Check("band", rule.string("of"), agg, band, reject);
    }

    static Layout.Matcher matcher(YamlNode m) {
        if (m.isMap()) {
            m.allowKeys("column", "pattern", "blank", "names_opd", "all", "any");
        }
        return matcherOf(m);
    }

    private static Layout.Matcher matcherOf(YamlNode m) {
        if (m.isList()) {
            return new Layout.All(m.asList().stream().map(JobCatalog::matcher).toList());
        }
        if (m.has("all")) {
            return new Layout.All(
                    m.list("all").stream().map(JobCatalog::matcher).toList());
        }
        if (m.has("any")) {
            return new Layout.Any(
                    m.list("any").stream().map(JobCatalog::matcher).toList());
        }
        int column = m.integer("column");
        if (column < 0) throw m.get("column").error("must be 0 or more");
        if (m.bool("blank", false)) {
            return new Layout.CellPattern(column, Pattern.compile(""));
        }
        if (m.bool("names_opd", false)) {
            return new Layout.NamesOpd(column);
        }
        return new Layout.CellPattern(column, pattern(m.get("pattern")));
    }

    private static Pattern pattern(YamlNode p) {
        try {
            return Pattern.compile(p.asString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw p.error("is not a valid pattern: " + e.getDescription());
        }
    }

    static Pattern findPattern(YamlNode p) {
        return pattern(p);
    }
}
