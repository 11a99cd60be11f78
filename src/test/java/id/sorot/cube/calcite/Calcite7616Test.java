package id.sorot.cube.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Jvm;
import id.sorot.base.duckdb.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day Calcite plans a window function over JDBC by itself (CALCITE-7616), this test fails:
 * then delete the rule removal in {@link CubeRules} and this test. It plans in a JVM of its own,
 * because {@link CubeRules} installs its planner hook for the whole JVM once any cube query ran.
 */
class Calcite7616Test {

    @TempDir
    Path dir;

    @Test
    void calcite_still_cannot_push_a_window_function_down_without_the_workaround() throws Exception {
        List<String> command = Jvm.command(
                List.of(), Probe.class.getName(), dir.resolve("probe.duckdb").toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out)
                .as("Calcite without CubeRules: if it now answers, CALCITE-7616 is fixed: remove the workaround")
                .contains("PLAN FAILED")
                .contains("JdbcRel");
    }

    /** Plans RANK() over a DuckDB table through Calcite's JDBC adapter with Calcite's default rules. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Store store = Store.open(Path.of(args[0]));
            try (Connection d = store.connect();
                    Statement s = d.createStatement()) {
                s.execute("CREATE TABLE t AS SELECT range AS x, range % 3 AS g FROM range(10)");
            }
            DataSource ds = store.dataSource();
            try (Connection c = DriverManager.getConnection("jdbc:calcite:", CubePlanner.properties())) {
                SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
                var expression = Schemas.subSchemaExpression(root, "store", JdbcSchema.class);
                JdbcConvention convention = JdbcConvention.of(CubeDialect.INSTANCE, expression, "store");
                root.add("store", new JdbcSchema(ds, CubeDialect.INSTANCE, convention, null, "main"));
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(
                                "SELECT \"g\", RANK() OVER (PARTITION BY \"g\" ORDER BY \"x\" DESC) AS \"r\""
                                        + " FROM \"store\".\"t\"")) {
                    int n = 0;
                    while (rs.next()) n++;
                    System.out.println("PLAN WORKED " + n + " rows");
                }
            } catch (Exception | AssertionError e) {
                StringBuilder why = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause())
                    why.append(t.getMessage()).append(" / ");
                System.out.println("PLAN FAILED " + why);
            }
        }
    }
}
