package id.sorot.etl;

import id.sorot.opd.Opd;
import id.sorot.opd.Pemda;
import id.sorot.opd.Unit;
import id.sorot.rules.RuleService;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

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
        final Map<String, Object> state = new java.util.HashMap<>();

        Emit(RuleService rules, String file, FactBuffer out, Problems problems) {
            this.rules = rules;
            this.file = file;
            this.out = out;
            this.problems = problems;
        }

        void problem(Typed t, int slot, String field, String code, Object... args) {
            problems.add(Problem.cell(file, t.rowOf(slot), t.column(slot), field, t.raw(slot), code, args));
        }
    }

    abstract String name();

    /** The fact table this target fills. */
    abstract String table();

    abstract Map<String, FieldType.Def> fields();

    /** Fact columns in table order, without batch_id (the loader adds it). */
    abstract List<FactBuffer.Column> columns();

    /** Columns that identify one fact; two rows with the same values are duplicates. */
    abstract List<String> key();

    /** SQL expressions over a fact row that bound what a reload of the same data replaces. */
    abstract List<String> scope();

    /** Called once the layout's fields are known, to look up slots. */
    abstract void bind(LayoutReader.Slots slots);

    /** The slots this target was bound to, for its forks. */
    LayoutReader.Slots bound;

    final void attach(LayoutReader.Slots slots) {
        this.bound = slots;
        bind(slots);
    }

    /** A fresh instance of this target bound to the same slots; forks add the state they share. */
    <T extends Target> T copy(T fresh) {
        fresh.attach(bound);
        return fresh;
    }

    /** Turns one typed data record into zero or more fact rows. */
    abstract void emit(Typed record, Emit emit);

    /**
     * Whether a file for this target may be read in stretches on several cores: each stretch gets a
     * {@link #fork()}, so emitting must not depend on the rows before.
     */
    boolean splittable() {
        return false;
    }

    /** A copy for another stretch of the same file, sharing what {@link #prepare} looked up. */
    Target fork() {
        throw new UnsupportedOperationException(name() + " cannot be read in parallel");
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

    static int slot(LayoutReader.Slots slots, String field) {
        Integer s = slots.find(field);
        return s == null ? -1 : s;
    }
}
