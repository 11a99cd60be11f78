package id.sorot.etl.read;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How a source table is laid out: which row is its header (and how many rows the header spans,
 * repeated after every page break), which rows are data, totals, continuations or noise, and which
 * column feeds which field. Written in a job's YAML; read by {@link LayoutReader}.
 */
public record Layout(
        List<Pattern> header,
        int headerRows,
        Pattern titlePeriod,
        Pattern filePeriod,
        Matcher data,
        List<Total> totals,
        List<Matcher> ignore,
        Matcher continuation,
        boolean dashIsZero,
        Map<Integer, String> columns,
        Map<Integer, String> continuationColumns,
        List<Integer> fillFromContinuation,
        List<Integer> joinFromContinuation,
        List<Integer> fillDown,
        Repeat repeat,
        Map<String, Amounts.Unit> units,
        Combine combine) {

    /** The unit a money field is read in when its cells carry none; null for rupiah. */
    public Amounts.Unit unitOf(String field) {
        Amounts.Unit u = units.get(field);
        return u != null ? u : units.get(ALL_MONEY);
    }

    /** The key of {@link #units} for {@code numbers: {unit: ...}}, every money field. */
    public static final String ALL_MONEY = "*";

    /**
     * Rows that map to one fact are made one (an OPD split by funding source into "RSUD X (BLUD)" and
     * "RSUD X (APBD)"). {@code partField}'s cell tells the parts apart: {@code partPattern}'s first
     * group is the part's label and the whole match is cut from the cell before it is read; without a
     * pattern the whole cell is the label. Amounts in {@code sum} are added; a field in {@code
     * weighted} becomes the mean of its parts weighted by another field; a percentage in {@code
     * shareOf} is the share an amount is of a total the source does not give, so the parts combine
     * as sum(amount) / sum(amount / share). Every other field must agree across the parts. Two rows
     * with the same key and the same label stay two rows, for the duplicate check to refuse.
     */
    public record Combine(
            String partField,
            Pattern partPattern,
            List<String> sum,
            Map<String, String> weighted,
            Map<String, String> shareOf) {

        /** A weight that is not a field but the total a share_of field is of ({@code {total_of: f}}). */
        public static final String TOTAL_OF = "total_of:";

        /** The label of a part, cutting it from {@code cell} into {@code rest[0]}; null when the cell has none. */
        public String label(String cell, String[] rest) {
            rest[0] = cell;
            if (cell == null) return null;
            if (partPattern == null) return clean(cell);
            java.util.regex.Matcher m = partPattern.matcher(cell);
            if (!m.find()) return null;
            rest[0] = (cell.substring(0, m.start()) + cell.substring(m.end())).strip();
            return clean(m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group());
        }
    }

    /** Columns [start, start + width) repeat once per value of {@code field} (a year, a triwulan). */
    public record Repeat(
            String field,
            int start,
            int width,
            List<String> values,
            Map<Integer, String> columns,
            Map<Integer, String> continuationColumns) {

        boolean valuesFromHeader() {
            return values.isEmpty();
        }
    }

    /**
     * A row the source adds up itself (TOTAL, a reported average). Each check compares a field of
     * the total row with the same figure computed from the data rows.
     */
    public record Total(String name, Matcher matcher, Map<String, Check> checks, boolean reject, double tolerance) {}

    /**
     * How a figure is computed from the data rows: sum, mean, ratio (of / by x 100 of two sums),
     * weighted (mean of {@code of} weighted by {@code by}), difference (of two figures this total
     * checked before it), or band (the label a band set gives the sum or mean of a field).
     */
    public record Check(String kind, String of, String by, String band, Boolean reject) {
        public boolean rejects(Total total) {
            return reject == null ? total.reject() : reject;
        }
    }

    /** Recognises a row by one of its cells. */
    public sealed interface Matcher {
        boolean matches(Row row, Predicate<String> namesOpd);
    }

    public record CellPattern(int column, Pattern pattern, Shape shape, String literal) implements Matcher {

        /** Patterns common enough on every row of a large file to be checked without the regex engine. */
        enum Shape {
            REGEX,
            LITERAL,
            DIGITS,
            DIGITS_DOT
        }

        public CellPattern(int column, Pattern pattern) {
            this(column, pattern, shape(pattern.pattern()), literal(pattern.pattern()));
        }

        private static Shape shape(String p) {
            if (p.equals("\\d+")) return Shape.DIGITS;
            if (p.equals("\\d+\\.?")) return Shape.DIGITS_DOT;
            return literal(p) != null ? Shape.LITERAL : Shape.REGEX;
        }

        /** The text a pattern of plain letters, digits and spaces stands for, or null. */
        private static String literal(String p) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (!Character.isLetterOrDigit(c) && c != ' ') return null;
            }
            return p;
        }

        @Override
        public boolean matches(Row row, Predicate<String> namesOpd) {
            String text = clean(row.cell(column));
            return switch (shape) {
                case LITERAL -> text.equalsIgnoreCase(literal);
                case DIGITS, DIGITS_DOT -> digits(text, shape == Shape.DIGITS_DOT);
                case REGEX -> pattern.matcher(text).matches();
            };
        }

        private static boolean digits(String text, boolean dotAllowed) {
            int n = text.length();
            if (dotAllowed && n > 1 && text.charAt(n - 1) == '.') n--;
            if (n == 0) return false;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') return false;
            }
            return true;
        }
    }

    public record NamesOpd(int column) implements Matcher {
        @Override
        public boolean matches(Row row, Predicate<String> namesOpd) {
            return namesOpd.test(row.cell(column));
        }
    }

    public record All(List<Matcher> all) implements Matcher {
        @Override
        public boolean matches(Row row, Predicate<String> namesOpd) {
            return all.stream().allMatch(m -> m.matches(row, namesOpd));
        }
    }

    public record Any(List<Matcher> any) implements Matcher {
        @Override
        public boolean matches(Row row, Predicate<String> namesOpd) {
            return any.stream().anyMatch(m -> m.matches(row, namesOpd));
        }
    }

    /** Cell text as matchers see it: trimmed, inner runs of white space made one space. */
    public static String clean(String cell) {
        if (cell == null) {
            return "";
        }
        String s = cell.strip();
        return s.indexOf("  ") >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\u00A0') >= 0
                ? s.replaceAll("[\\s\\u00A0]+", " ")
                : s;
    }

    /** Every field the layout feeds, in a fixed order. */
    public List<String> fields() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(columns.values());
        out.addAll(continuationColumns.values());
        if (repeat != null) {
            out.add(repeat.field());
            out.addAll(repeat.columns().values());
            out.addAll(repeat.continuationColumns().values());
        }
        return List.copyOf(out);
    }

    /** The widest column a data row must have. */
    int width() {
        int w = columns.keySet().stream().mapToInt(i -> i + 1).max().orElse(0);
        if (repeat != null) {
            int groups = repeat.values().isEmpty() ? 1 : repeat.values().size();
            int lastOffset =
                    repeat.columns().keySet().stream().mapToInt(i -> i).max().orElse(0);
            w = Math.max(w, repeat.start() + (groups - 1) * repeat.width() + lastOffset + 1);
        }
        return w;
    }
}
