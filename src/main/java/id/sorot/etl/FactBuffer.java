package id.sorot.etl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * a streaming buffer hands each batch over as soon as it is full (see {@link FactStream}).
 * A column never set in a row is null.
 */
final class FactBuffer implements AutoCloseable {

    static final int BATCH = 1 << 16;

    /** A fact column; decimals are held as hundredths, the way {@link IdNumbers} reads them. */
    record Column(String name, Kind kind, int precision) {
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
        BOOLEAN
    }

    private final BufferAllocator allocator;
    private final List<Column> columns;
    private final Schema schema;
    private final List<VectorSchemaRoot> batches = new ArrayList<>();
    private VectorSchemaRoot current;
    private FieldVector[] vectors;
    private int index = -1;
    private long rows;

    FactBuffer(BufferAllocator allocator, List<Column> columns) {
        this.allocator = allocator;
        this.columns = List.copyOf(columns);
        this.schema = schema(columns);
    }

    List<Column> columns() {
        return columns;
    }

    int column(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) return i;
        }
        throw new IllegalArgumentException("no fact column " + name);
    }

    long rows() {
        return rows;
    }

    /** Where full batches go when the buffer streams (see {@link FactStream}); null keeps them here. */
    private java.util.function.Consumer<VectorSchemaRoot> sink;
    /** The first rows as text, taken before the first batch leaves, for the preview. */
    private List<List<String>> head;

    private static final int HEAD_ROWS = 50;

    /** From now on each full batch is handed to {@code sink} (which takes ownership) instead of kept. */
    void streamTo(java.util.function.Consumer<VectorSchemaRoot> sink) {
        this.sink = sink;
    }

    /** Hands the last, partly filled batch over too; a streaming buffer is then empty. */
    void finish() {
        seal();
        handOff();
    }

    private void handOff() {
        if (sink == null || current == null) return;
        if (head == null) head = head(HEAD_ROWS);
        batches.remove(current);
        VectorSchemaRoot full = current;
        current = null;
        if (full.getRowCount() == 0) full.close();
        else sink.accept(full);
    }

    static Schema schema(List<Column> columns) {
        return new Schema(columns.stream()
                .map(c -> Field.nullable(c.name(), c.arrowType()))
                .toList());
    }

    /** Starts a new row; its columns are null until set. */
    void startRow() {
        if (current == null || index + 1 >= BATCH) {
            seal();
            handOff();
            current = VectorSchemaRoot.create(schema, allocator);
            // sized for a whole batch up front: growing by doubling would copy every vector four times
            for (FieldVector v : current.getFieldVectors()) v.setInitialCapacity(BATCH);
            current.allocateNew();
            vectors = current.getFieldVectors().toArray(FieldVector[]::new);
            batches.add(current);
            index = -1;
        }
        index++;
        rows++;
    }

    private void seal() {
        if (current != null) {
            current.setRowCount(index + 1);
        }
    }

    // fixed-width vectors hold a whole batch from the start (see startRow), so no set needs a capacity check

    void setInt(int col, int v) {
        if (vectors[col] instanceof SmallIntVector s) {
            s.set(index, (short) v);
        } else {
            ((IntVector) vectors[col]).set(index, v);
        }
    }

    void setInt(int col, Integer v) {
        if (v != null) setInt(col, v.intValue());
    }

    void setLong(int col, long v) {
        ((BigIntVector) vectors[col]).set(index, v);
    }

    void setHundredths(int col, Long v) {
        if (v != null) ((DecimalVector) vectors[col]).set(index, v.longValue());
    }

    void setDouble(int col, Double v) {
        if (v != null && !v.isNaN() && !v.isInfinite()) ((Float8Vector) vectors[col]).set(index, v);
    }

    void setString(int col, String v) {
        if (v == null) return;
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

    void setBoolean(int col, Boolean v) {
        if (v != null) ((BitVector) vectors[col]).set(index, v ? 1 : 0);
    }

    /** Takes over another buffer's rows (same columns), after this buffer's own. */
    void absorb(FactBuffer other) {
        seal();
        other.seal();
        batches.addAll(other.batches);
        rows += other.rows;
        other.batches.clear();
        current = null;
    }

    /** The first rows as text, for a preview before commit. */
    List<List<String>> head(int limit) {
        if (head != null) return head.subList(0, Math.min(limit, head.size()));
        seal();
        List<List<String>> out = new ArrayList<>();
        for (VectorSchemaRoot root : batches) {
            for (int r = 0; r < root.getRowCount() && out.size() < limit; r++) {
                List<String> row = new ArrayList<>();
                for (FieldVector v : root.getFieldVectors()) {
                    Object o = v.getObject(r);
                    row.add(o == null ? "" : o.toString());
                }
                out.add(row);
            }
        }
        return out;
    }

    @Override
    public void close() {
        batches.forEach(VectorSchemaRoot::close);
        batches.clear();
    }
}
