package id.sorot.cube.calcite;

import id.sorot.cube.model.CubeDefinition;
import id.sorot.cube.model.CubeSql;
import java.util.List;
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
 * and {@code cubes}, one view per cube that joins its fact to its dimension tables, written by
 * {@link CubeSql#view}, the same generator that writes every cube query.
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
                    ViewTable.viewMacro(cubeSchema, CubeSql.view(cube), List.of(), List.of(CUBES, cube.name()), false));
        }
    }
}
