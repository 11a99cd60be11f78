package id.sorot.cube.calcite;

import id.sorot.access.Scope;
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
        register(root, dataSource, cubes, Scope.ALL);
    }

    /**
     * The same with each view limited to the rows of {@code scope} (a JDBC client's pemda, and an
     * operator's OPD); a cube with no pemda dimension to limit it by is left out of a limited schema.
     */
    public static void register(SchemaPlus root, DataSource dataSource, List<CubeDefinition> cubes, Scope scope) {
        SqlDialect dialect = CubeDialect.INSTANCE;
        Expression expression = Schemas.subSchemaExpression(root, STORE, JdbcSchema.class);
        JdbcConvention convention = JdbcConvention.of(dialect, expression, STORE);
        root.add(STORE, new JdbcSchema(dataSource, dialect, convention, null, "main"));
        SchemaPlus cubeSchema = root.add(CUBES, new org.apache.calcite.schema.impl.AbstractSchema());
        for (CubeDefinition cube : cubes) {
            String view = limited(cube, scope);
            if (view == null) continue;
            cubeSchema.add(
                    cube.name(), ViewTable.viewMacro(cubeSchema, view, List.of(), List.of(CUBES, cube.name()), false));
        }
    }

    private static String limited(CubeDefinition cube, Scope scope) {
        String view = CubeSql.view(cube);
        if (scope.all()) return view;
        if (cube.dimension(PEMDA_KODE).isEmpty() || scope.pemda().isEmpty()) return null;
        StringBuilder where = new StringBuilder(" WHERE \"v\".\"" + PEMDA_KODE + "\" IN (");
        where.append(String.join(
                ", ",
                scope.pemda().stream().sorted().map(CubeSchemaFactory::literal).toList()));
        where.append(')');
        if (scope.opd() != null && cube.dimension(OPD_KODE).isPresent()) {
            where.append(" AND \"v\".\"" + OPD_KODE + "\" = ").append(literal(scope.opd()));
        }
        return "SELECT * FROM (" + view + ") AS \"v\"" + where;
    }

    private static final String PEMDA_KODE = "pemda_kode";
    private static final String OPD_KODE = "opd_kode";

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
