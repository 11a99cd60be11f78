package id.sorot.etl.target;

import id.sorot.etl.read.IdNumbers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Fact rows on their way into DuckDB, written column by column into Arrow batches. DuckDB scans
 * them as an Arrow stream, the fastest bulk path it offers from the JVM (no per-row JDBC calls);
 * each batch is handed over as soon as it is full (see the load's insert stream), so only one is held.
 * A column never set in a row is null.
 */
public final class FactBuffer implements AutoCloseable {

    static final int BATCH = 1 << 16;

    /** A fact column; decimals are held as hundredths, the way {@link IdNumbers} reads them. */
    public record Column(String name, Kind kind, int precision) {
        static Column of(String name, Kind kind) {
            return new Column(name, kind, kind == Kind.DECIMAL ? 18 : 0);
        }

        static Column decimal(String name, int precision) {
            return new Column(name, Kind.DECIMAL, precision);
        }

        ArrowType arrowType() {
            return switch (kind) {
                case INT -> new ArrowType.Int(32, true);
                case SMALLINT -> new ArrowType.Int(16, true);
                case BIGINT -> new ArrowType.Int(64, true);
                case DECIMAL -> new ArrowType.Decimal(precision, 2, 128);
                case DOUBLE -> new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE);
                case VARCHAR -> new ArrowType.Utf8();
                case BOOLEAN -> new ArrowType.Bool();
                case DATE -> new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY);
            };
        }
    }

    enum Kind {
        INT,
        SMALLINT,
        BIGINT,
        DECIMAL,
        DOUBLE,
        VARCHAR,
        BOOLEAN,
        DATE
    }

    private final BufferAllocator allocator;
    private final List<Column> columns;
    private final Schema schema;
    private final Consumer<VectorSchemaRoot> sink;
    private VectorSchemaRoot current;
    private FieldVector[] vectors;
    private int index = -1;
    private long rows;
    /** The first rows as text, taken before the first batch leaves, for the preview. */
    private List<List<String>> head;

    private static final int HEAD_ROWS = 50;

    /** Each full batch goes to {@code sink}, which takes ownership of it (see the load's insert stream). */
    public FactBuffer(BufferAllocator allocator, List<Column> columns, Consumer<VectorSchemaRoot> sink) {
        this.allocator = allocator;
        this.columns = List.copyOf(columns);
        this.schema = schema(columns);
        this.sink = sink;
        if (columns.size() > 64) throw new IllegalArgumentException("at most 64 fact columns");
        this.full = columns.size() == 64 ? -1L : (1L << columns.size()) - 1;
    }

    private final long full;

    List<Column> columns() {
        return columns;
    }

    /** Rows written so far, including those already handed over. */
    public long rows() {
        return rows;
    }

    /** Hands the last, partly filled batch over too; the buffer is then empty. */
    public void finish() {
        if (current != null) checkRow();
        handOff();
    }

    private void handOff() {
        if (current == null) return;
        current.setRowCount(index + 1);
        if (head == null) head = text(current, HEAD_ROWS);
        VectorSchemaRoot full = current;
        current = null;
        if (full.getRowCount() == 0) full.close();
        else sink.accept(full);
    }

    public static Schema schema(List<Column> columns) {
        return new Schema(columns.stream()
                .map(c -> Field.nullable(c.name(), c.arrowType()))
                .toList());
    }

    /** Starts a new row; every column must then be set once, null included. */
    void startRow() {
        checkRow();
        written = 0;
        if (current == null || index + 1 >= BATCH) {
            handOff();
            current = VectorSchemaRoot.create(schema, allocator);
            // sized for a whole batch up front: growing by doubling would copy every vector four times
            for (FieldVector v : current.getFieldVectors()) v.setInitialCapacity(BATCH);
            current.allocateNew();
            vectors = current.getFieldVectors().toArray(FieldVector[]::new);
            index = -1;
        }
        index++;
        rows++;
    }

    /** A fact column a target writes through: it knows its place in the buffer, so values go by name, not position. */
    abstract static sealed class Col permits IntCol, LongCol, DecimalCol, DoubleCol, TextCol, BoolCol, DateCol {
        final int index;

        Col(int index) {
            this.index = index;
        }
    }

    /** An int or smallint column. */
    public static final class IntCol extends Col {
        IntCol(int index) {
            super(index);
        }
    }

    public static final class LongCol extends Col {
        LongCol(int index) {
            super(index);
        }
    }

    /** A decimal with scale 2, written in hundredths as {@link id.sorot.etl.read.IdNumbers} reads them. */
    public static final class DecimalCol extends Col {
        DecimalCol(int index) {
            super(index);
        }
    }

    public static final class DoubleCol extends Col {
        DoubleCol(int index) {
            super(index);
        }
    }

    public static final class TextCol extends Col {
        TextCol(int index) {
            super(index);
        }
    }

    public static final class BoolCol extends Col {
        BoolCol(int index) {
            super(index);
        }
    }

    public static final class DateCol extends Col {
        DateCol(int index) {
            super(index);
        }
    }

    /**
     * Which columns the current row has set (null counts): a row that leaves one out is a mistake
     * in its target, found on the first row rather than as silent nulls in the store.
     */
    private long written;

    private void mark(Col c) {
        written |= 1L << c.index;
    }

    private void checkRow() {
        if (index < 0 || written == full) return;
        for (int i = 0; i < columns.size(); i++) {
            if ((written & (1L << i)) == 0) {
                throw new IllegalStateException("fact column " + columns.get(i).name() + " was not written in row "
                        + (rows) + "; every column of a fact row must be set (null included)");
            }
        }
    }

    // fixed-width vectors hold a whole batch from the start (see startRow), so no set needs a capacity check

    void set(IntCol c, int v) {
        mark(c);
        if (vectors[c.index] instanceof SmallIntVector s) {
            s.set(index, (short) v);
        } else {
            ((IntVector) vectors[c.index]).set(index, v);
        }
    }

    void set(IntCol c, Integer v) {
        if (v != null) set(c, v.intValue());
        else mark(c);
    }

    void set(LongCol c, Long v) {
        mark(c);
        if (v != null) ((BigIntVector) vectors[c.index]).set(index, v);
    }

    void set(DecimalCol c, long hundredths) {
        mark(c);
        ((DecimalVector) vectors[c.index]).set(index, hundredths);
    }

    void set(DecimalCol c, Long hundredths) {
        if (hundredths != null) set(c, hundredths.longValue());
        else mark(c);
    }

    /** NaN and infinities (a ratio over zero) are stored as null. */
    void set(DoubleCol c, Double v) {
        mark(c);
        if (v != null && !v.isNaN() && !v.isInfinite()) ((Float8Vector) vectors[c.index]).set(index, v);
    }

    void set(TextCol c, String v) {
        mark(c);
        if (v == null) return;
        int col = c.index;
        // most text columns repeat the same few values (a unit, a rule version): encode each once
        if (lastText == null) {
            lastText = new String[columns.size()];
            lastBytes = new byte[columns.size()][];
        }
        if (!v.equals(lastText[col])) {
            lastText[col] = v;
            lastBytes[col] = v.getBytes(StandardCharsets.UTF_8);
        }
        ((VarCharVector) vectors[col]).setSafe(index, lastBytes[col]);
    }

    private String[] lastText;
    private byte[][] lastBytes;

    void set(BoolCol c, Boolean v) {
        mark(c);
        if (v != null) ((BitVector) vectors[c.index]).set(index, v ? 1 : 0);
    }

    void set(DateCol c, java.time.LocalDate v) {
        mark(c);
        if (v != null) ((org.apache.arrow.vector.DateDayVector) vectors[c.index]).set(index, (int) v.toEpochDay());
    }

    /** Counts another buffer's rows (handed over by now) as this one's. */
    public void absorb(FactBuffer other) {
        rows += other.rows;
    }

    /** The first rows as text, for a preview before commit; the first batch's, once it has left. */
    public List<List<String>> head(int limit) {
        List<List<String>> first = head != null ? head : current == null ? List.of() : text(current, HEAD_ROWS);
        return first.subList(0, Math.min(limit, first.size()));
    }

    private List<List<String>> text(VectorSchemaRoot root, int limit) {
        int n = root == current ? index + 1 : root.getRowCount();
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < n && out.size() < limit; r++) {
            List<String> row = new ArrayList<>();
            for (FieldVector v : root.getFieldVectors()) {
                Object o = v.getObject(r);
                if (o != null && v instanceof org.apache.arrow.vector.DateDayVector) {
                    o = java.time.LocalDate.ofEpochDay(((Number) o).longValue());
                }
                row.add(o == null ? "" : o.toString());
            }
            out.add(row);
        }
        return out;
    }

    /** Frees a batch that was never handed over (the read stopped half-way). */
    @Override
    public void close() {
        if (current != null) current.close();
        current = null;
    }
}
