package id.sorot.etl;

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
 * each batch is handed over as soon as it is full (see {@link FactStream}), so only one is held.
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

        /** {@code "nilai decimal(9)"}, {@code "opd_id int"}: a column as the schema writes it (decimals have scale 2). */
        static Column parse(String spec) {
            String[] parts = spec.strip().split("\\s+");
            if (parts.length != 2) throw new IllegalArgumentException("fact column '" + spec + "': give name and type");
            String type = parts[1].toUpperCase(java.util.Locale.ROOT);
            if (type.matches("DECIMAL\\(\\d+\\)")) {
                return decimal(parts[0], Integer.parseInt(type.substring(8, type.length() - 1)));
            }
            try {
                return of(parts[0], Kind.valueOf(type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fact column '" + spec + "': unknown type " + parts[1], e);
            }
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
    private final Consumer<VectorSchemaRoot> sink;
    private VectorSchemaRoot current;
    private FieldVector[] vectors;
    private int index = -1;
    private long rows;
    /** The first rows as text, taken before the first batch leaves, for the preview. */
    private List<List<String>> head;

    private static final int HEAD_ROWS = 50;

    /** Each full batch goes to {@code sink}, which takes ownership of it (see {@link FactStream}). */
    FactBuffer(BufferAllocator allocator, List<Column> columns, Consumer<VectorSchemaRoot> sink) {
        this.allocator = allocator;
        this.columns = List.copyOf(columns);
        this.schema = schema(columns);
        this.sink = sink;
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

    /** Rows written so far, including those already handed over. */
    long rows() {
        return rows;
    }

    /** Hands the last, partly filled batch over too; the buffer is then empty. */
    void finish() {
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

    static Schema schema(List<Column> columns) {
        return new Schema(columns.stream()
                .map(c -> Field.nullable(c.name(), c.arrowType()))
                .toList());
    }

    /** Starts a new row; its columns are null until set. */
    void startRow() {
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

    /** Counts another buffer's rows (handed over by now) as this one's. */
    void absorb(FactBuffer other) {
        rows += other.rows;
    }

    /** The first rows as text, for a preview before commit; the first batch's, once it has left. */
    List<List<String>> head(int limit) {
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
