package id.sorot.cube.calcite;

import id.sorot.cube.CubeDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.schema.impl.ViewTable;
import org.apache.calcite.sql.SqlDialect;

/**
 * Builds the schemas of a Calcite connection: {@code store}, the DuckDB tables through JDBC with the
 * DuckDB dialect forced (Calcite would otherwise guess ANSI and write SQL DuckDB reads differently),
 * and {@code cubes}, one view per cube that joins its fact to its dimension tables.
 */
public final class CubeSchemaFactory {

    public static final String STORE = "store";
    public static final String CUBES = "cubes";

    private CubeSchemaFactory() {}

    public static void register(SchemaPlus root, DataSource dataSource, List<CubeDefinition> cubes) {
        SqlDialect dialect = CubeDialect.INSTANCE;
        Expression expression = Schemas.subSchemaExpression(root, STORE, JdbcSchema.class);
        JdbcConvention convention = JdbcConvention.of(dialect, expression, STORE);
        root.add(STORE, new JdbcSchema(dataSource, dialect, convention, null, "main"));
        SchemaPlus cubeSchema = root.add(CUBES, new org.apache.calcite.schema.impl.AbstractSchema());
        for (CubeDefinition cube : cubes) {
            cubeSchema.add(
                    cube.name(),
                    ViewTable.viewMacro(cubeSchema, viewSql(cube), List.of(), List.of(CUBES, cube.name()), false));
        }
    }

    /**
     * The view behind a cube: every dimension under its own name, and every column a measure reads
     * under {@link CubeDefinition#viewColumn}.
     */
    public static String viewSql(CubeDefinition cube) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (CubeDefinition.Dimension d : cube.dimensions()) {
            columns.put(d.name(), ref(d.column()));
        }
        for (CubeDefinition.Measure m : cube.measures()) {
            for (String c : new String[] {
                m.column(),
                m.aggregation().equals("weighted_avg") ? m.by() : null,
                m.condition() == null ? null : m.condition().column(),
                m.condition() == null ? null : m.condition().otherColumn()
            }) {
                if (c != null) columns.putIfAbsent(cube.viewColumn(c), ref(c));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(String.join(
                ", ",
                columns.entrySet().stream()
                        .map(e -> e.getValue() + " AS \"" + e.getKey() + "\"")
                        .toList()));
        sql.append(" FROM \"")
                .append(STORE)
                .append("\".\"")
                .append(cube.table())
                .append("\" AS \"f\"");
        for (CubeDefinition.Join j : cube.joins()) {
            sql.append(" LEFT JOIN \"")
                    .append(STORE)
                    .append("\".\"")
                    .append(j.table())
                    .append("\" AS \"")
                    .append(j.name())
                    .append("\" ON ")
                    .append(ref(j.from()))
                    .append(" = \"")
                    .append(j.name())
                    .append("\".\"")
                    .append(j.to())
                    .append("\"");
        }
        return sql.toString();
    }

    private static String ref(String column) {
        return CubeDefinition.columnSql(column);
    }
}
