package id.sorot.cube.model;

import id.sorot.rules.RuleService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one SQL generator of the cube layer. {@link #build} writes the SQL that answers a
 * {@link CubeQuery}, straight over the store tables with only the joins the question needs:
 * aggregate by the dimensions, then derived measures (ratios, bands, ranks within groups, change
 * against the previous year) in nested selects with window functions, then result filters, order
 * and limit. {@link #view} writes the view {@code cubes.<name>} that JDBC clients query, from the
 * same joins and column expressions. Every identifier comes from the cube definition; every value
 * is a {@code ?} parameter. Calcite plans the SQL and pushes all of it down to DuckDB.
 */
public final class CubeSql {

    /** The statement and its parameters, plus what each output column is. */
    public record Statement(String sql, List<Object> parameters, List<CubeResult.Column> columns) {}

    static final String YEAR = "tahun";
    private static final Set<String> OPS = Set.of("eq", "ne", "in", "not_in", "lt", "lte", "gt", "gte", "between");

    private CubeSql() {}

    /** The hidden column that carries a group's band set name for a role. */
    private static String bandsOf(String role) {
        return "__band_" + role;
    }

    static String q(String identifier) {
        return "\"" + identifier + "\"";
    }

    public static Statement build(CubeDefinition cube, CubeQuery query, RuleService rules) {
        if (query.measures().isEmpty() && query.dimensions().isEmpty()) {
            throw new CubeQueryException("measures", "ask for at least one measure or dimension");
        }
        Map<String, CubeDefinition.Measure> needed = new LinkedHashMap<>();
        for (String m : query.measures()) {
            CubeDefinition.Measure measure = cube.measure(m)
                    .orElseThrow(() ->
                            new CubeQueryException("measures", "cube " + cube.name() + " has no measure '" + m + "'"));
            addWithDependencies(cube, measure, needed);
        }
        Set<String> dims = new LinkedHashSet<>();
        for (String d : query.dimensions()) {
            cube.dimension(d)
                    .orElseThrow(() -> new CubeQueryException(
                            "dimensions", "cube " + cube.name() + " has no dimension '" + d + "'"));
            if (!dims.add(d)) throw new CubeQueryException("dimensions", "dimension '" + d + "' is asked twice");
        }
        boolean timeWindows = needed.values().stream()
                .anyMatch(
                        m -> m.aggregation().equals("change") || m.aggregation().equals("previous"));
        // change against the previous year needs rows per year; a query pinned to one year gets
        // them without having to show the year
        boolean hiddenYear = false;
        if (timeWindows && !dims.contains(YEAR)) {
            boolean oneYear = query.filters().stream()
                    .anyMatch(f -> f.field().equals(YEAR)
                            && "eq".equals(f.op())
                            && f.values() != null
                            && f.values().size() == 1);
            if (!oneYear) {
                throw new CubeQueryException(
                        "dimensions",
                        "change and previous need the dimension '" + YEAR + "' in the query, or a filter on one "
                                + YEAR);
            }
            dims.add(YEAR);
            hiddenYear = true;
        }

        // only the tables a question needs are joined: Calcite cannot drop an unused LEFT JOIN itself
        Set<String> joins = new LinkedHashSet<>();
        List<Object> params = new ArrayList<>();
        List<String> rowConditions = new ArrayList<>();
        List<String> resultConditions = new ArrayList<>();
        List<Object> resultParams = new ArrayList<>();
        for (CubeQuery.Filter f : query.filters()) {
            if (f.op() == null || !OPS.contains(f.op())) {
                throw new CubeQueryException(
                        "filters", "unknown operator '" + f.op() + "' on '" + f.field() + "' (known: " + OPS + ")");
            }
            if (cube.dimension(f.field()).isPresent()) {
                CubeDefinition.Dimension d = cube.dimension(f.field()).get();
                List<Object> values = typed(f, d.type());
                String column = CubeDefinition.columnSql(d.column());
                joins.add(d.column());
                if (timeWindows && d.name().equals(YEAR)) {
                    // the previous year must be read for change to be computed, then filtered away
                    rowConditions.add(condition(column, f.op(), widen(f.op(), values), params));
                    resultConditions.add(condition(q(d.name()), f.op(), values, resultParams));
                } else {
                    rowConditions.add(condition(column, f.op(), values, params));
                }
            } else if (needed.containsKey(f.field()) || cube.measure(f.field()).isPresent()) {
                CubeDefinition.Measure m = cube.measure(f.field()).get();
                if (!needed.containsKey(m.name())) addWithDependencies(cube, m, needed);
                List<Object> values = typed(f, m.format().equals("label") ? "text" : "decimal");
                resultConditions.add(condition(q(m.name()), f.op(), values, resultParams));
            } else {
                throw new CubeQueryException(
                        "filters", "cube " + cube.name() + " has no dimension or measure '" + f.field() + "'");
            }
        }

        List<String> groupBy = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (String d : dims) {
            String column = cube.dimension(d).orElseThrow().column();
            joins.add(column);
            groupBy.add(CubeDefinition.columnSql(column));
            selects.add(CubeDefinition.columnSql(column) + " AS " + q(d));
        }
        for (CubeDefinition.Measure m : needed.values()) {
            if (m.derived()) continue;
            selects.add(aggregate(m) + " AS " + q(m.name()));
            joins.addAll(columnsRead(m));
        }
        // a band by each pemda's own band set: the group's band set name, when all its rows share one
        Set<String> roles = new LinkedHashSet<>();
        for (CubeDefinition.Measure m : needed.values()) {
            String role = m.aggregation().equals("band") ? CubeDefinition.pemdaRole(m.bandSet()) : null;
            if (role == null || !roles.add(role)) continue;
            String column = CubeDefinition.pemdaBandColumn(role);
            joins.add(column);
            String sqlColumn = CubeDefinition.columnSql(column);
            selects.add("CASE WHEN MIN(" + sqlColumn + ") = MAX(" + sqlColumn + ") THEN MIN(" + sqlColumn + ") END AS "
                    + q(bandsOf(role)));
        }
        StringBuilder inner =
                new StringBuilder("SELECT ").append(String.join(", ", selects)).append(from(cube, joins));
        if (!rowConditions.isEmpty()) inner.append(" WHERE ").append(String.join(" AND ", rowConditions));
        if (!groupBy.isEmpty()) inner.append(" GROUP BY ").append(String.join(", ", groupBy));

        String sql = inner.toString();
        Set<String> done = new LinkedHashSet<>();
        needed.values().stream().filter(m -> !m.derived()).forEach(m -> done.add(m.name()));
        roles.forEach(r -> done.add(bandsOf(r)));
        List<CubeDefinition.Measure> pending = new ArrayList<>(
                needed.values().stream().filter(CubeDefinition.Measure::derived).toList());
        int level = 0;
        while (!pending.isEmpty()) {
            List<CubeDefinition.Measure> ready = pending.stream()
                    .filter(m -> done.contains(m.of()) && (m.by() == null || done.contains(m.by())))
                    .toList();
            List<String> cols = new ArrayList<>(dims.stream().map(CubeSql::q).toList());
            done.forEach(n -> cols.add(q(n)));
            for (CubeDefinition.Measure m : ready) {
                cols.add(derived(cube, m, dims, rules) + " AS " + q(m.name()));
            }
            sql = "SELECT " + String.join(", ", cols) + " FROM (" + sql + ") AS " + q("l" + level++);
            ready.forEach(m -> done.add(m.name()));
            pending.removeAll(ready);
        }

        List<String> shown = new ArrayList<>(dims);
        if (hiddenYear) shown.remove(YEAR);
        List<String> out = new ArrayList<>(shown.stream().map(CubeSql::q).toList());
        List<CubeResult.Column> columns = new ArrayList<>();
        shown.forEach(d -> columns.add(new CubeResult.Column(d, "dimension", "label")));
        for (String m : query.measures()) {
            out.add(q(m));
            columns.add(
                    new CubeResult.Column(m, "measure", cube.measure(m).get().format()));
        }
        StringBuilder outer = new StringBuilder("SELECT ")
                .append(String.join(", ", out))
                .append(" FROM (")
                .append(sql)
                .append(") AS ")
                .append(q("r"));
        if (!resultConditions.isEmpty()) {
            outer.append(" WHERE ").append(String.join(" AND ", resultConditions));
            params.addAll(resultParams);
        }
        if (!query.order().isEmpty()) {
            List<String> order = new ArrayList<>();
            for (CubeQuery.Order o : query.order()) {
                if (!dims.contains(o.field()) && !query.measures().contains(o.field())) {
                    throw new CubeQueryException(
                            "order", "can only order by an asked dimension or measure, not '" + o.field() + "'");
                }
                order.add(q(o.field()) + (o.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST"));
            }
            outer.append(" ORDER BY ").append(String.join(", ", order));
        }
        if (query.limit() != null) {
            if (query.limit() < 1 || query.limit() > 1_000_000) {
                throw new CubeQueryException("limit", "limit must be between 1 and 1000000");
            }
            outer.append(" LIMIT ").append(query.limit());
        }
        return new Statement(outer.toString(), params, columns);
    }

    /**
     * The view behind a cube, for JDBC clients: every dimension under its own name and every column a
     * measure reads under {@link CubeDefinition#viewColumn}, over the joins those columns need.
     */
    public static String view(CubeDefinition cube) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (CubeDefinition.Dimension d : cube.dimensions()) columns.put(d.name(), d.column());
        for (CubeDefinition.Measure m : cube.measures()) {
            for (String c : columnsRead(m)) columns.putIfAbsent(cube.viewColumn(c), c);
        }
        List<String> selects = new ArrayList<>();
        columns.forEach((name, column) -> selects.add(CubeDefinition.columnSql(column) + " AS " + q(name)));
        return "SELECT " + String.join(", ", selects) + from(cube, new LinkedHashSet<>(columns.values()));
    }

    /** The store columns a base measure reads: its own, a weighted mean's weight, a condition's columns. */
    static List<String> columnsRead(CubeDefinition.Measure m) {
        List<String> out = new ArrayList<>();
        if (m.derived()) return out;
        if (m.column() != null) out.add(m.column());
        if (m.aggregation().equals("weighted_avg")) out.add(m.by());
        if (m.condition() != null) {
            out.add(m.condition().column());
            if (m.condition().otherColumn() != null) out.add(m.condition().otherColumn());
        }
        return out;
    }

    /** FROM the fact, LEFT JOIN each dimension table the columns in {@code used} come from, and what those joins need. */
    private static String from(CubeDefinition cube, Set<String> used) {
        Set<String> needed = new LinkedHashSet<>();
        for (String ref : used) {
            int dot = ref.indexOf('.');
            if (dot > 0) needed.add(ref.substring(0, dot));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (CubeDefinition.Join j : cube.joins()) {
                int dot = j.from().indexOf('.');
                if (needed.contains(j.name()) && dot > 0 && needed.add(j.from().substring(0, dot))) grew = true;
            }
        }
        StringBuilder sql =
                new StringBuilder(" FROM \"store\".").append(q(cube.table())).append(" AS \"f\"");
        for (CubeDefinition.Join j : cube.joins()) {
            if (!needed.contains(j.name())) continue;
            sql.append(" LEFT JOIN \"store\".")
                    .append(q(j.table()))
                    .append(" AS ")
                    .append(q(j.name()))
                    .append(" ON ")
                    .append(CubeDefinition.columnSql(j.from()))
                    .append(" = ")
                    .append(q(j.name()))
                    .append('.')
                    .append(q(j.to()));
        }
        return sql.toString();
    }

    private static void addWithDependencies(
            CubeDefinition cube, CubeDefinition.Measure m, Map<String, CubeDefinition.Measure> needed) {
        if (m.derived()) {
            addWithDependencies(cube, cube.measure(m.of()).orElseThrow(), needed);
            if (m.by() != null) addWithDependencies(cube, cube.measure(m.by()).orElseThrow(), needed);
        }
        needed.putIfAbsent(m.name(), m);
    }

    private static String aggregate(CubeDefinition.Measure m) {
        String col = m.column() == null ? null : CubeDefinition.columnSql(m.column());
        return switch (m.aggregation()) {
            case "sum" -> "SUM(" + col + ")";
            case "avg" -> "AVG(CAST(" + col + " AS DOUBLE))";
            case "min" -> "MIN(" + col + ")";
            case "max" -> "MAX(" + col + ")";
            case "count" -> col == null ? "COUNT(*)" : "COUNT(" + col + ")";
            case "count_distinct" -> "COUNT(DISTINCT " + col + ")";
            case "weighted_avg" -> {
                String w = CubeDefinition.columnSql(m.by());
                yield "SUM(CAST(" + col + " AS DOUBLE) * " + w + ") / NULLIF(SUM(CASE WHEN " + col
                        + " IS NOT NULL THEN " + w + " END), 0)";
            }
            case "count_if" -> "SUM(CASE WHEN " + condition(m.condition()) + " THEN 1 ELSE 0 END)";
            default -> throw new IllegalStateException(m.aggregation());
        };
    }

    private static String condition(CubeDefinition.Condition c) {
        String col = CubeDefinition.columnSql(c.column());
        if (c.otherColumn() != null) {
            String other = CubeDefinition.columnSql(c.otherColumn());
            // where the rule computed nothing (the source lacks what it needs: a predikat without nilai,
            // a persen without anggaran) there is nothing to disagree with: skipped, not counted
            if (c.tolerance() == null) return other + " IS NOT NULL AND " + col + " IS DISTINCT FROM " + other;
            // a reported figure (2 decimals) against a computed one: only a real gap counts
            return other + " IS NOT NULL AND (" + col + " IS NULL OR ABS(CAST(" + col + " AS DOUBLE) - CAST(" + other
                    + " AS DOUBLE)) > " + c.tolerance() + ")";
        }
        if (c.atLeast() != null) return "CAST(" + col + " AS DOUBLE) >= " + c.atLeast();
        if (c.below() != null) return "CAST(" + col + " AS DOUBLE) < " + c.below();
        // values come from the cube definition, never from a request
        List<String> literals =
                c.values().stream().map(v -> "'" + v.replace("'", "''") + "'").toList();
        return col + " IN (" + String.join(", ", literals) + ")";
    }

    /**
     * The dimension of the query that stands for {@code within}: itself, or one declared as another
     * name of it ({@code pemda_kode} for {@code pemda}); null when the query does not group by it.
     */
    private static String groupedBy(CubeDefinition cube, String within, Set<String> dims) {
        if (dims.contains(within)) return within;
        for (String d : dims) {
            if (within.equals(cube.dimension(d).orElseThrow().aliasOf())) return d;
        }
        return null;
    }

    private static String derived(CubeDefinition cube, CubeDefinition.Measure m, Set<String> dims, RuleService rules) {
        String of = q(m.of());
        return switch (m.aggregation()) {
            case "ratio" -> "100.0 * CAST(" + of + " AS DOUBLE) / NULLIF(CAST(" + q(m.by()) + " AS DOUBLE), 0)";
            case "difference" -> "CAST(" + of + " AS DOUBLE) - CAST(" + q(m.by()) + " AS DOUBLE)";
            case "band" -> {
                String value = "CAST(" + of + " AS DOUBLE)";
                String role = CubeDefinition.pemdaRole(m.bandSet());
                if (role == null) yield rules.bandSet(m.bandSet()).sqlCase(value);
                // each group by its pemda's band set; a group of pemda with different sets has no label
                StringBuilder c = new StringBuilder("CASE ").append(q(bandsOf(role)));
                for (String name : rules.bandSetNames()) {
                    c.append(" WHEN '")
                            .append(name)
                            .append("' THEN ")
                            .append(rules.bandSet(name).sqlCase(value));
                }
                yield c.append(" END").toString();
            }
            case "rank" -> {
                String direction = m.order().equals("asc") ? " ASC" : " DESC";
                List<String> partition = m.within().stream()
                        .map(w -> groupedBy(cube, w, dims))
                        .filter(java.util.Objects::nonNull)
                        .map(CubeSql::q)
                        .toList();
                yield "RANK() OVER ("
                        + (partition.isEmpty() ? "" : "PARTITION BY " + String.join(", ", partition) + " ")
                        + "ORDER BY " + of + direction + " NULLS LAST"
                        + (m.by() == null ? "" : ", " + q(m.by()) + direction + " NULLS LAST")
                        + ")";
            }
            case "change", "previous" -> {
                List<String> partition = dims.stream()
                        .filter(d -> !d.equals(YEAR))
                        .map(CubeSql::q)
                        .toList();
                String window =
                        "OVER (" + (partition.isEmpty() ? "" : "PARTITION BY " + String.join(", ", partition) + " ")
                                + "ORDER BY " + q(YEAR) + ")";
                String prev = "LAG(" + of + ") " + window;
                String value = m.aggregation().equals("change")
                        ? "CAST(" + of + " AS DOUBLE) - CAST(" + prev + " AS DOUBLE)"
                        : prev;
                yield "CASE WHEN LAG(" + q(YEAR) + ") " + window + " = " + q(YEAR) + " - 1 THEN " + value + " END";
            }
            default -> throw new IllegalStateException(m.aggregation());
        };
    }

    private static List<Object> typed(CubeQuery.Filter f, String type) {
        List<Object> values = f.values() == null ? List.of() : f.values();
        int need =
                switch (f.op()) {
                    case "in", "not_in" -> -1;
                    case "between" -> 2;
                    default -> 1;
                };
        if (need > 0 && values.size() != need) {
            throw new CubeQueryException(
                    "filters",
                    "'" + f.op() + "' on '" + f.field() + "' needs " + need + " value(s), got " + values.size());
        }
        if (values.isEmpty() || values.size() > 1000) {
            throw new CubeQueryException("filters", "'" + f.op() + "' on '" + f.field() + "' needs 1 to 1000 values");
        }
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            if (v == null) throw new CubeQueryException("filters", "null value for '" + f.field() + "'");
            try {
                out.add(
                        switch (type) {
                            case "integer" ->
                                v instanceof Number n
                                        ? n.intValue()
                                        : Integer.parseInt(v.toString().trim());
                            case "decimal" ->
                                v instanceof Number n
                                        ? new BigDecimal(n.toString())
                                        : new BigDecimal(v.toString().trim().replace(',', '.'));
                            case "date" ->
                                java.sql.Date.valueOf(
                                        java.time.LocalDate.parse(v.toString().trim()));
                            default -> v.toString();
                        });
            } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
                throw new CubeQueryException(
                        "filters", "'" + v + "' is not a " + type + " value for '" + f.field() + "'");
            }
        }
        return out;
    }

    private static List<Object> widen(String op, List<Object> years) {
        List<Object> out = new ArrayList<>(years);
        switch (op) {
            case "eq", "in" ->
                years.forEach(y -> {
                    if (!out.contains((Integer) y - 1)) out.add((Integer) y - 1);
                });
            case "between", "gte", "gt" -> out.set(0, (Integer) years.getFirst() - 1);
            default -> {}
        }
        return out;
    }

    private static String condition(String col, String op, List<Object> values, List<Object> params) {
        String placeholders = String.join(", ", values.stream().map(v -> "?").toList());
        params.addAll(values);
        return switch (op) {
            case "eq" -> values.size() == 1 ? col + " = ?" : col + " IN (" + placeholders + ")";
            case "ne" -> col + " <> ?";
            case "in" -> col + " IN (" + placeholders + ")";
            case "not_in" -> col + " NOT IN (" + placeholders + ")";
            case "lt" -> col + " < ?";
            case "lte" -> col + " <= ?";
            case "gt" -> col + " > ?";
            case "gte" -> col + " >= ?";
            case "between" -> col + " BETWEEN ? AND ?";
            default -> throw new IllegalStateException(op);
        };
    }
}
