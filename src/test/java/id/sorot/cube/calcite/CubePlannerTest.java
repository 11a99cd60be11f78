package id.sorot.cube.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.base.duckdb.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calcite plans a query once; what runs is the DuckDB SQL it became, with the query's parameters
 * bound in the order that SQL needs them and values typed as Calcite's own execution would give.
 */
class CubePlannerTest {

    @TempDir
    Path dir;

    private static Store storeWithTable(Path file) throws Exception {
        Store store = Store.open(file);
        try (Connection c = store.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT range::INTEGER AS x, (range % 3)::INTEGER AS g,"
                    + " 'n' || range AS name FROM range(10)");
        }
        return store;
    }

    @Test
    void a_query_is_pushed_down_whole_and_runs_as_its_duckdb_sql() throws Exception {
        try (Store store = storeWithTable(dir.resolve("p.duckdb"));
                CubeQueries queries = new CubeQueries(store.dataSource(), List.of(), 2, 1)) {
            String sql = "SELECT \"g\", SUM(\"x\") AS \"s\", RANK() OVER (ORDER BY SUM(\"x\") DESC) AS \"r\""
                    + " FROM \"store\".\"t\" WHERE \"x\" >= ? AND \"name\" <> ? GROUP BY \"g\" ORDER BY \"g\"";
            assertThat(queries.pushedSql(sql))
                    .get()
                    .asString()
                    .contains("RANK() OVER", "FROM \"main\".\"t\"", "GROUP BY");
            List<List<Object>> rows = queries.query(sql, List.of(3, "n9"));
            // x in 3..8: g0 = 3+6, g1 = 4+7, g2 = 5+8; DuckDB's SUM is a HUGEINT, Calcite's an INTEGER
            assertThat(rows).containsExactly(List.of(0, 9, 3L), List.of(1, 11, 2L), List.of(2, 13, 1L));
            assertThat(rows.getFirst().get(1)).isInstanceOf(Integer.class);
            assertThat(queries.query(sql, List.of(0, "none"))).hasSize(3);
            assertThat(queries.prepares()).as("prepared once on DuckDB").isEqualTo(1);
            assertThat(queries.ranInCalcite()).isZero();
        }
    }

    @Test
    void parameters_are_bound_in_the_order_the_pushed_sql_uses_them() throws Exception {
        try (Store store = storeWithTable(dir.resolve("order.duckdb"));
                CubeQueries queries = new CubeQueries(store.dataSource(), List.of(), 1, 1)) {
            // the select list's parameter comes first in the text, and Calcite may move it
            String sql = "SELECT \"x\" + ? AS \"y\" FROM \"store\".\"t\" WHERE \"g\" = ? AND \"x\" < ? ORDER BY \"x\"";
            assertThat(queries.query(sql, List.of(100, 1, 8)))
                    .containsExactly(List.of(101), List.of(104), List.of(107));
            assertThat(queries.query(sql, List.of(0, 2, 6))).containsExactly(List.of(2), List.of(5));
        }
    }

    @Test
    void a_plan_that_keeps_a_part_in_calcite_still_answers() throws Exception {
        try (Store store = storeWithTable(dir.resolve("calcite.duckdb"));
                CubeQueries queries = new CubeQueries(store.dataSource(), List.of(), 1, 1)) {
            // Calcite's own metadata schema is no DuckDB table: the union runs in Calcite
            String sql = "SELECT \"x\" FROM \"store\".\"t\" WHERE \"x\" < ?"
                    + " UNION ALL SELECT CAST(COUNT(*) AS INTEGER) * 0 + 100 FROM \"metadata\".\"TABLES\"";
            assertThat(queries.pushedSql(sql)).isEmpty();
            assertThat(queries.query(sql, List.of(2))).containsExactlyInAnyOrder(List.of(0), List.of(1), List.of(100));
            assertThat(queries.ranInCalcite()).isEqualTo(1);
        }
    }
}
