package id.sorot.etl;

import id.sorot.opd.Opd;
import id.sorot.opd.Pemda;
import id.sorot.opd.Unit;
import id.sorot.rules.RuleService;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A fact table the ETL can fill, whatever layout the source has. A target names the fields it
 * accepts, turns each typed record into fact rows (computing rule-based figures beside reported
 * ones), and says which columns identify a row (duplicates are refused) and which bound what a
 * reload replaces.
 */
abstract class Target {

    /** A converted record: typed values by slot, plus where each came from. */
    static final class Typed {
        final Record source;
        final Object[] values;

        Typed(Record source, Object[] values) {
            this.source = source;
            this.values = values;
        }

        Object get(int slot) {
            return slot < 0 ? null : values[slot];
        }

        Opd opd(int slot) {
            return (Opd) get(slot);
        }

        Unit unit(int slot) {
            return (Unit) get(slot);
        }

        Pemda pemda(int slot) {
            return (Pemda) get(slot);
        }

        Integer integer(int slot) {
            return (Integer) get(slot);
        }

        Long hundredths(int slot) {
            return (Long) get(slot);
        }

        Double number(int slot) {
            Long h = hundredths(slot);
            return h == null ? null : h / 100.0;
        }

        String text(int slot) {
            Object o = get(slot);
            return o == null ? null : o.toString();
        }

        int row() {
            return source.row;
        }

        int column(int slot) {
            return slot < 0 ? -1 : source.column[slot];
        }

        int rowOf(int slot) {
            return slot < 0 ? source.row : source.rowOf(slot);
        }

        String raw(int slot) {
            return slot < 0 ? null : source.raw[slot];
        }
    }

    /** What a target needs while it emits: the rules, the file, the buffer and where problems go. */
    static final class Emit {
        final RuleService rules;
        final String file;
        final FactBuffer out;
        final Problems problems;
        private final Shape shape;

        Emit(Target target, RuleService rules, String file, FactBuffer out, Problems problems) {
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
     * What a target declares once, in its class: name, fact table, the fields a layout may feed, the
     * fact columns in table order, the key and the scope. The loader gives the target's i-th field
     * slot i, so a field's declaration returns the slot its subclass reads it from.
     */
    static final class Shape {
        final String name;
        final String table;
        private final Map<String, FieldType.Def> fields = new LinkedHashMap<>();
        private final List<FactBuffer.Column> columns = new ArrayList<>();
        private List<String> key = List.of();
        private List<String> scope = List.of();
        /** Fresh instances for the other stretches of a file read on several cores; null when it must be read in one pass. */
        private final Supplier<? extends Target> forks;

        Shape(String name, String table, Supplier<? extends Target> forks) {
            this.name = name;
            this.table = table;
            this.forks = forks;
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
            return fields.size() - 1;
        }

        /** Fact columns (without batch_id, which the loader adds), as {@code "name type"}: see {@link FactBuffer.Column#parse}. */
        Shape columns(String... specs) {
            for (String spec : specs) columns.add(FactBuffer.Column.parse(spec));
            return this;
        }

        /** Columns that identify one fact; two rows with the same values are duplicates. */
        Shape key(String... columnNames) {
            for (String c : columnNames) {
                if (columns.stream().noneMatch(col -> col.name().equals(c))) {
                    throw new IllegalStateException(name + ": key column " + c + " is not a fact column");
                }
            }
            key = List.of(columnNames);
            return this;
        }

        /** SQL expressions over a fact row that bound what a reload of the same data replaces. */
        Shape scope(String... expressions) {
            scope = List.of(expressions);
            return this;
        }

        String fieldName(int slot) {
            return slot < 0 ? null : List.copyOf(fields.keySet()).get(slot);
        }
    }

    private final Shape shape;
    /** The fields the job's layout feeds (the others read as null). */
    private Set<String> fed = Set.of();

    Target(Shape shape) {
        this.shape = shape;
    }

    final String name() {
        return shape.name;
    }

    /** The fact table this target fills. */
    final String table() {
        return shape.table;
    }

    /** The fields a layout may feed, in slot order. */
    final Map<String, FieldType.Def> fields() {
        return Collections.unmodifiableMap(shape.fields);
    }

    /** Fact columns in table order, without batch_id (the loader adds it). */
    final List<FactBuffer.Column> columns() {
        return Collections.unmodifiableList(shape.columns);
    }

    final List<String> key() {
        return shape.key;
    }

    final List<String> scope() {
        return shape.scope;
    }

    /** Called once the job's layout is known, with the fields it feeds. */
    final void attach(Set<String> fedFields) {
        this.fed = Set.copyOf(fedFields);
    }

    /** Whether the layout feeds this field (rather than a load parameter or nothing). */
    final boolean fed(int slot) {
        return fed.contains(shape.fieldName(slot));
    }

    /** Turns one typed data record into zero or more fact rows. */
    abstract void emit(Typed record, Emit emit);

    /**
     * Whether a file for this target may be read in stretches on several cores: each stretch gets a
     * {@link #fork()}, so emitting must not depend on the rows before.
     */
    boolean splittable() {
        return shape.forks != null;
    }

    /** A copy for another stretch of the same file; targets add what {@link #prepare} looked up and they share. */
    Target fork() {
        if (shape.forks == null) throw new UnsupportedOperationException(name() + " cannot be read in parallel");
        Target copy = shape.forks.get();
        copy.fed = fed;
        return copy;
    }

    /** Whether a data record counts towards a TOTAL row's sums (hierarchies count only their top level). */
    boolean counts(Typed record) {
        return true;
    }

    /** What a target may look up before the file is read: existing dimension rows, the load's parameters. */
    record Prepare(
            org.duckdb.DuckDBConnection connection,
            org.apache.arrow.memory.BufferAllocator allocator,
            id.sorot.opd.OpdDirectory directory,
            Pemda pemda,
            Opd opd,
            Integer year,
            Map<String, String> options,
            String file) {}

    /** Checks one of a job's options; returns what is wrong, or null. Targets take none unless they say so. */
    String checkOption(String key, String value) {
        return "target " + name() + " takes no option '" + key + "'";
    }

    /** Called before the file is read, with the load's parameters and a connection to look things up. */
    void prepare(Prepare ctx) throws SQLException {}

    /** Runs inside the load transaction before the facts are inserted (e.g. to add new dimension rows). */
    void beforeInsert(org.duckdb.DuckDBConnection c, long batchId) throws SQLException {}
}
