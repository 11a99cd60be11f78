package id.sorot.cube;

import id.sorot.cube.model.CubeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Cube results as CSV (RFC 4180, machine-readable: {@code .} decimals) or an Arrow IPC stream. */
final class CubeFormats {

    private static final BufferAllocator ALLOCATOR = new RootAllocator();

    private CubeFormats() {}

    static String csv(CubeResult result) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < result.columns().size(); i++) {
            if (i > 0) out.append(',');
            out.append(quote(result.columns().get(i).name()));
        }
        out.append("\r\n");
        for (List<Object> row : result.rows()) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) out.append(',');
                Object v = row.get(i);
                out.append(v == null ? "" : v instanceof String s ? quote(s) : v.toString());
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String quote(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                ? '"' + s.replace("\"", "\"\"") + '"'
                : s;
    }

    /** One record batch; each column's type is what its values are (integer, decimal, text, boolean). */
    static void arrow(CubeResult result, OutputStream out) throws IOException {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < result.columns().size(); c++) {
            fields.add(Field.nullable(result.columns().get(c).name(), type(result, c)));
        }
        try (BufferAllocator child = ALLOCATOR.newChildAllocator("cube-result", 0, Long.MAX_VALUE);
                VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), child)) {
            root.allocateNew();
            List<List<Object>> rows = result.rows();
            for (int c = 0; c < fields.size(); c++) {
                FieldVector v = root.getVector(c);
                for (int r = 0; r < rows.size(); r++) {
                    Object x = rows.get(r).get(c);
                    if (x == null) continue;
                    switch (v) {
                        case BigIntVector b -> b.setSafe(r, ((Number) x).longValue());
                        case Float8Vector f -> f.setSafe(r, ((Number) x).doubleValue());
                        case BitVector b -> b.setSafe(r, Boolean.TRUE.equals(x) ? 1 : 0);
                        case VarCharVector s -> s.setSafe(r, x.toString().getBytes(StandardCharsets.UTF_8));
                        default -> throw new IllegalStateException(v.getClass().getName());
                    }
                }
                v.setValueCount(rows.size());
            }
            root.setRowCount(rows.size());
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
    }

    private static ArrowType type(CubeResult result, int c) {
        for (List<Object> row : result.rows()) {
            Object v = row.get(c);
            if (v == null) continue;
            if (v instanceof Long || v instanceof Integer) return new ArrowType.Int(64, true);
            if (v instanceof Number) return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            if (v instanceof Boolean) return new ArrowType.Bool();
            return new ArrowType.Utf8();
        }
        return "measure".equals(result.columns().get(c).role())
                        && !"label".equals(result.columns().get(c).format())
                ? new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)
                : new ArrowType.Utf8();
    }
}
