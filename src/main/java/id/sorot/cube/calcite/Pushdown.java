package id.sorot.cube.calcite;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * What Calcite made of one cube query. {@code sql} is the DuckDB SQL the whole query became, or
 * null when part of the plan runs in Calcite; {@code parameters} gives, for each {@code ?} of that
 * SQL in order, which of the query's parameters it binds (Calcite may reorder or repeat them);
 * {@code columns} gives, for each result column, the column of the DuckDB result it reads and the
 * type Calcite gave it.
 */
record Pushdown(String sql, List<Integer> parameters, List<Column> columns) {

    /** A result column: where it is in what DuckDB returns (from 1) and its type as Calcite plans it. */
    record Column(int index, SqlTypeName type) {}

    boolean whole() {
        return sql != null;
    }

    /** The query's parameters in the order the pushed SQL binds them. */
    List<Object> bind(List<Object> arguments) {
        List<Object> bound = new ArrayList<>(parameters.size());
        for (int p : parameters) bound.add(arguments.get(p));
        return bound;
    }

    /**
     * The rows, each value as Calcite's own execution returns it: DuckDB's SUM of an INTEGER is a
     * HUGEINT, Calcite's an INTEGER; DuckDB gives java.time dates, Calcite java.sql ones.
     */
    List<List<Object>> read(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (Column c : columns) row.add(value(rs.getObject(c.index()), c.type()));
            rows.add(row);
        }
        return rows;
    }

    static Object value(Object v, SqlTypeName type) {
        if (v == null) return null;
        return switch (type) {
            case TINYINT, SMALLINT, INTEGER -> v instanceof Number n ? (Object) n.intValue() : v;
            case BIGINT -> v instanceof Number n ? (Object) n.longValue() : v;
            case FLOAT, REAL, DOUBLE -> v instanceof Number n ? (Object) n.doubleValue() : v;
            case DECIMAL -> v instanceof BigDecimal || !(v instanceof Number) ? v : new BigDecimal(v.toString());
            case CHAR, VARCHAR -> v.toString();
            case DATE -> v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v;
            case TIMESTAMP -> v instanceof LocalDateTime t ? java.sql.Timestamp.valueOf(t) : v;
            default -> v;
        };
    }
}
