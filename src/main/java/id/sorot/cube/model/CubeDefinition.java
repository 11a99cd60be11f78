package id.sorot.cube.model;

import java.util.List;
import java.util.Optional;

/**
 * A cube read from {@code cubes/<subject>/<name>.yml}: a fact table, the dimension tables it joins,
 * its measures and its dimensions. Calcite serves it as the view {@code cubes.<name>}.
 */
public record CubeDefinition(
        String name,
        String table,
        String description,
        List<Join> joins,
        List<Measure> measures,
        List<Dimension> dimensions,
        String file) {

    /**
     * {@code LEFT JOIN <table> AS <name> ON <from> = <name>.<to>}; {@code from} is a fact column or
     * join.column. In YAML, {@code key: c} is short for from c to c.
     */
    public record Join(String name, String table, String from, String to) {}

    /**
     * A measure. Base aggregations (sum, avg, min, max, count, count_distinct, count_if,
     * weighted_avg) read {@code column}; derived ones (ratio, difference, band, rank, change,
     * previous) combine other measures named in {@code of} and {@code by}.
     *
     * @param within for rank: the dimensions that form a group (rank within each group)
     * @param condition for count_if: which rows count
     */
    public record Measure(
            String name,
            String aggregation,
            String column,
            String of,
            String by,
            String bandSet,
            String order,
            List<String> within,
            Condition condition,
            String format,
            String description) {

        public boolean derived() {
            return switch (aggregation) {
                case "ratio", "difference", "band", "rank", "change", "previous" -> true;
                default -> false;
            };
        }
    }

    /**
     * Which rows a count_if counts: {@code column} in {@code values}; or differing from
     * {@code otherColumn} (by more than {@code tolerance} when given, for computed decimals); or at
     * least / below a threshold.
     */
    public record Condition(
            String column, List<String> values, String otherColumn, Double tolerance, Double atLeast, Double below) {}

    /**
     * A dimension: a column of the fact or of a join; {@code parent} makes hierarchies (pemda &gt; opd).
     *
     * @param type text, integer or decimal: how filter values are bound
     * @param aliasOf another dimension this one names at the same level ({@code opd_kode} of {@code opd}):
     *     grouping by either groups the same rows, so a rank "within opd" accepts either
     */
    public record Dimension(
            String name, String column, String type, String parent, String aliasOf, String description) {}

    /**
     * The role a band measure's {@code band_set} names ({@code capaian} of {@code pemda.capaian}:
     * the band set each row's pemda has for it), or null when it names one band set for all.
     */
    public static String pemdaRole(String bandSet) {
        return bandSet != null && bandSet.startsWith("pemda.") ? bandSet.substring("pemda.".length()) : null;
    }

    /** The pemda column holding a role's band set name, as a column reference. */
    public static String pemdaBandColumn(String role) {
        return "pemda.band_" + role;
    }

    /** A column reference ({@code nilai}, {@code opd.jenis}) as SQL over the fact aliased {@code f}. */
    public static String columnSql(String ref) {
        int dot = ref.indexOf('.');
        return dot < 0
                ? "\"f\".\"" + ref + "\""
                : "\"" + ref.substring(0, dot) + "\".\"" + ref.substring(dot + 1) + "\"";
    }

    /**
     * The name a column a measure reads has in the cube's view: its own name ({@code opd.jenis}
     * becomes {@code opd__jenis}), unless a dimension already uses that name for another column, as
     * {@code predikat} (the computed one) does for the reported {@code predikat}: then {@code f__predikat}.
     */
    public String viewColumn(String ref) {
        String plain = ref.replace(".", "__");
        boolean clash = dimension(plain).filter(d -> !d.column().equals(ref)).isPresent();
        return clash ? "f__" + plain : plain;
    }

    public Optional<Measure> measure(String name) {
        return measures.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Dimension> dimension(String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
