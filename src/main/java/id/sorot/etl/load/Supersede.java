package id.sorot.etl.load;

import id.sorot.etl.target.Target;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * Reloading the same data replaces it: inside the load's transaction, the facts of other batches in
 * the new batch's scope (its target's scope columns, say pemda and year) are deleted, with the
 * reported checks of those batches, and each old batch is marked replaced or partly replaced.
 */
final class Supersede {

    private Supersede() {}

    /**
     * Deletes the facts the batch {@code batchId} supersedes (same target, same scope, another batch)
     * and returns the batches they came from.
     */
    static List<Long> replace(DuckDBConnection c, long batchId, Target target) throws SQLException {
        List<String> scope = target.scope();
        String table = target.table();
        StringBuilder match = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < scope.size(); i++) {
            if (i > 0) {
                match.append(" AND ");
                keys.append(", ");
            }
            match.append(expr(scope.get(i), table)).append(" = sc.k").append(i);
            keys.append(expr(scope.get(i), table)).append(" AS k").append(i);
        }
        String scopeTable = "scope_" + Math.abs(batchId);
        String others = table + ".batch_id <> " + batchId + " AND EXISTS (SELECT 1 FROM " + scopeTable + " sc WHERE "
                + match + ")";
        List<Long> replaced = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE " + scopeTable + " AS SELECT DISTINCT " + keys + " FROM " + table
                    + " WHERE batch_id = " + batchId);
            try (ResultSet rs =
                    s.executeQuery("SELECT DISTINCT batch_id FROM " + table + " WHERE " + others + " ORDER BY 1")) {
                while (rs.next()) replaced.add(rs.getLong(1));
            }
            if (!replaced.isEmpty()) {
                s.execute("DELETE FROM " + table + " WHERE " + others);
                String ids =
                        String.join(",", replaced.stream().map(String::valueOf).toList());
                s.execute("DELETE FROM reported_check WHERE target = '" + target.name() + "' AND batch_id IN (" + ids
                        + ")");
            }
            s.execute("DROP TABLE " + scopeTable);
        }
        return replaced;
    }

    /** {@code year:periode_id} scopes by the year of a quarterly period. */
    static String expr(String scope, String table) {
        if (scope.startsWith("year:")) {
            return "(" + table + "." + scope.substring(5) + " // 10)";
        }
        return table + "." + scope;
    }

    /** Marks each old batch replaced, or partly replaced when some of its facts lie outside the new scope. */
    static void markReplaced(DuckDBConnection c, Target target, List<Long> replaced) throws SQLException {
        for (long old : replaced) {
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT count(*) FROM " + target.table() + " WHERE batch_id = " + old)) {
                rs.next();
                String status = rs.getLong(1) == 0 ? "replaced" : "partly replaced";
                s.execute("UPDATE batch SET status = '" + status + "' WHERE batch_id = " + old);
            }
        }
    }
}
