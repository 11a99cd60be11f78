package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.Problems;
import id.sorot.etl.read.Typed;
import id.sorot.opd.Opd;
import id.sorot.opd.OpdDirectory;
import id.sorot.opd.Pemda;
import id.sorot.rules.RuleService;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;

/**
 * A fact table the ETL can fill, whatever layout the source has. A target names the fields it
 * accepts and the fact columns it writes (both once, in its {@link Shape}), says which columns
 * identify a row (duplicates are refused) and which bound what a reload replaces, and for each load
 * opens a {@link Run} that turns typed records into fact rows, computing rule-based figures beside
 * reported ones. A target holds no state of its own, so one instance serves every load.
 */
public abstract class Target {

    /** What a target needs while it emits: the rules, the file, the buffer and where problems go. */
    public static final class Emit {
        final RuleService rules;
        final String file;
        final FactBuffer out;
        private final Problems problems;
        private final Shape shape;

        public Emit(Target target, RuleService rules, String file, FactBuffer out, Problems problems) {
            this.shape = target.shape;
            this.rules = rules;
            this.file = file;
            this.out = out;
            this.problems = problems;
        }

        /** A problem with the value of one field, named by its slot. */
        void problem(Typed t, int slot, String code, Object... args) {
            problems.add(
                    Problem.cell(file, t.rowOf(slot), t.column(slot), shape.fieldName(slot), t.raw(slot), code, args));
        }
    }

    /**
     * What a target declares once, in its class: name, fact table, the fields a layout may feed and
     * the fact columns it writes, the key and the scope. The loader gives the target's i-th field
     * slot i, so a field's declaration returns the slot its target reads it from; a column's
     * declaration returns the handle the target writes it through, so values go to columns by name.
     */
    public static final class Shape {
        final String name;
        final String table;
        private final Map<String, FieldType.Def> fields = new LinkedHashMap<>();
        private final List<String> fieldNames = new ArrayList<>();
        private final List<FactBuffer.Column> columns = new ArrayList<>();
        private List<String> key = List.of();
        private List<String> scope = List.of();
        private boolean splittable;
        private final List<List<String>> oneOf = new ArrayList<>();
        private final Map<String, List<String>> derived = new LinkedHashMap<>();

        private Shape(String name, String table) {
            this.name = name;
            this.table = table;
        }

        static Shape of(String name, String table) {
            return new Shape(name, table);
        }

        /** Rows never depend on the rows before, so a large file may be read in stretches on several cores. */
        Shape splittable() {
            splittable = true;
            return this;
        }

        int required(String field, FieldType type) {
            return field(field, FieldType.Def.required(type));
        }

        int optional(String field, FieldType type) {
            return field(field, FieldType.Def.optional(type));
        }

        private int field(String field, FieldType.Def def) {
            if (fields.putIfAbsent(field, def) != null)
                throw new IllegalStateException(name + ": field " + field + " twice");
            fieldNames.add(field);
            return fields.size() - 1;
        }

        FactBuffer.IntCol intColumn(String column) {
            return new FactBuffer.IntCol(add(FactBuffer.Column.of(column, FactBuffer.Kind.INT)));
        }

        FactBuffer.IntCol smallintColumn(String column) {
            return new FactBuffer.IntCol(add(FactBuffer.Column.of(column, FactBuffer.Kind.SMALLINT)));
        }

        FactBuffer.LongCol bigintColumn(String column) {
            return new FactBuffer.LongCol(add(FactBuffer.Column.of(column, FactBuffer.Kind.BIGINT)));
        }

        /** A decimal of the given precision and scale 2, written in hundredths. */
        FactBuffer.DecimalCol decimalColumn(String column, int precision) {
            return new FactBuffer.DecimalCol(add(FactBuffer.Column.decimal(column, precision)));
        }

        FactBuffer.DoubleCol doubleColumn(String column) {
            return new FactBuffer.DoubleCol(add(FactBuffer.Column.of(column, FactBuffer.Kind.DOUBLE)));
        }

        FactBuffer.TextCol textColumn(String column) {
            return new FactBuffer.TextCol(add(FactBuffer.Column.of(column, FactBuffer.Kind.VARCHAR)));
        }

        FactBuffer.DateCol dateColumn(String column) {
            return new FactBuffer.DateCol(add(FactBuffer.Column.of(column, FactBuffer.Kind.DATE)));
        }

        FactBuffer.BoolCol booleanColumn(String column) {
            return new FactBuffer.BoolCol(add(FactBuffer.Column.of(column, FactBuffer.Kind.BOOLEAN)));
        }

        private int add(FactBuffer.Column column) {
            if (columns.stream().anyMatch(c -> c.name().equals(column.name())))
                throw new IllegalStateException(name + ": column " + column.name() + " twice");
            columns.add(column);
            return columns.size() - 1;
        }

        /** A layout must feed at least one of these fields (a realisasi in Rupiah, in %, or fisik). */
        Shape oneOf(String... fieldNames) {
            oneOf.add(List.of(fieldNames));
            return this;
        }

        /**
         * A figure Sorot derives (a fact column) and the fields it needs: a source without one of them
         * loads, and the figure is NULL there ("tidak tersedia"), never 0.
         */
        Shape derives(String column, String... fieldNames) {
            derived.put(column, List.of(fieldNames));
            return this;
        }

        /** Columns that identify one fact; two rows with the same values are duplicates. */
        Shape key(String... columnNames) {
            key = List.of(columnNames);
            return this;
        }

        /** SQL expressions over a fact row that bound what a reload of the same data replaces. */
        Shape scope(String... expressions) {
            scope = List.of(expressions);
            return this;
        }

        /** The key names fact columns; checked once every column is declared. */
        void check() {
            for (String c : key) {
                if (columns.stream().noneMatch(col -> col.name().equals(c))) {
                    throw new IllegalStateException(name + ": key column " + c + " is not a fact column");
                }
            }
        }

        /** The fact columns declared so far, in declaration order. */
        List<FactBuffer.Column> columns() {
            return List.copyOf(columns);
        }

        String fieldName(int slot) {
            return slot < 0 ? null : fieldNames.get(slot);
        }
    }

    /** What a target may look up when a load opens it: existing dimension rows, the load's parameters. */
    public record Prepare(
            DuckDBConnection connection,
            BufferAllocator allocator,
            OpdDirectory directory,
            Pemda pemda,
            Opd opd,
            Integer year,
            Map<String, String> options,
            String file,
            Set<String> fed) {

        public Prepare {
            options = Map.copyOf(options);
            fed = Set.copyOf(fed);
        }
    }

    /**
     * One load's use of a target: what it looked up when opened and what it keeps while rows go by
     * (the item tree, the last program seen). A run that keeps nothing from row to row is its own fork.
     */
    @FunctionalInterface
    public interface Run {
        /** Turns one typed data record into zero or more fact rows. */
        void emit(Typed record, Emit emit);

        /** Whether a data record counts towards a TOTAL row's sums (hierarchies count only their top level). */
        default boolean counts(Typed record) {
            return true;
        }

        /** A run for another stretch of the same file, sharing what was looked up when this one opened. */
        default Run fork() {
            return this;
        }

        /** Runs inside the load transaction before the facts are inserted (e.g. to add new dimension rows). */
        default void beforeInsert(DuckDBConnection c, long batchId) throws SQLException {}
    }

    private final Shape shape;

    Target(Shape shape) {
        this.shape = shape;
        shape.check();
    }

    public final String name() {
        return shape.name;
    }

    /** The fact table this target fills. */
    public final String table() {
        return shape.table;
    }

    /** The fields a layout may feed, in slot order. */
    public final Map<String, FieldType.Def> fields() {
        return Collections.unmodifiableMap(shape.fields);
    }

    /** Fact columns in declaration order, without batch_id (the loader adds it); written by name. */
    public final List<FactBuffer.Column> columns() {
        return Collections.unmodifiableList(shape.columns);
    }

    public final List<String> key() {
        return shape.key;
    }

    /** Groups of fields of which a layout must feed at least one each. */
    public final List<List<String>> oneOf() {
        return List.copyOf(shape.oneOf);
    }

    /** The figures this target derives, each with the fields it needs. */
    public final Map<String, List<String>> derived() {
        return Collections.unmodifiableMap(shape.derived);
    }

    /**
     * The derived figures a layout feeding {@code fed} cannot have, each with the fields it lacks;
     * such figures load as NULL ("tidak tersedia").
     */
    public final Map<String, List<String>> unavailable(Set<String> fed) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        shape.derived.forEach((column, needs) -> {
            List<String> lacking = needs.stream().filter(f -> !fed.contains(f)).toList();
            if (!lacking.isEmpty()) out.put(column, lacking);
        });
        return out;
    }

    public final List<String> scope() {
        return shape.scope;
    }

    /**
     * Whether a file for this target, with a layout feeding these fields, may be read in stretches on
     * several cores: each stretch gets a {@link Run#fork()}, so emitting must not depend on the rows before.
     */
    public boolean splittable(Set<String> fed) {
        return shape.splittable;
    }

    /** Checks one of a job's options; returns what is wrong, or null. Targets take none unless they say so. */
    public String checkOption(String key, String value) {
        return "target " + name() + " takes no option '" + key + "'";
    }

    /** Starts this target's part of one load, before the file is read. */
    public abstract Run open(Prepare ctx) throws SQLException;
}
