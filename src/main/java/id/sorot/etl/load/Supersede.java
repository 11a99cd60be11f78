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

    /** At most this many of the rows a load would remove are described. */
    static final int LISTED = 50;

    /**
     * What replacing would remove, asked before anything is deleted: the rows of other batches in the
     * scope of the rows staged under {@code tag}, and how many of them have a key (OPD and year, say)
     * the new rows do not, so would be gone rather than replaced; the first of those described.
     */
    static LoadResult.Removal removal(
            DuckDBConnection c, long tag, Target target, DuplicateCheck words, int limitPercent) throws SQLException {
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
        List<String> key = target.key();
        StringBuilder same = new StringBuilder();
        for (String k : key) {
            same.append(" AND n.")
                    .append(k)
                    .append(" IS NOT DISTINCT FROM ")
                    .append(table)
                    .append('.')
                    .append(k);
        }
        String scopeTable = "removal_" + Math.abs(tag);
        String others =
                table + ".batch_id <> " + tag + " AND EXISTS (SELECT 1 FROM " + scopeTable + " sc WHERE " + match + ")";
        String gone = "NOT EXISTS (SELECT 1 FROM " + table + " n WHERE n.batch_id = " + tag + same + ")";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE " + scopeTable + " AS SELECT DISTINCT " + keys + " FROM " + table
                    + " WHERE batch_id = " + tag);
            try {
                long inScope;
                long removed;
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*), count(*) FILTER (WHERE " + gone + ") FROM " + table + " WHERE " + others)) {
                    rs.next();
                    inScope = rs.getLong(1);
                    removed = rs.getLong(2);
                }
                if (inScope == 0) return null;
                List<String> described = new ArrayList<>();
                if (removed > 0) {
                    try (ResultSet rs = s.executeQuery("SELECT DISTINCT " + String.join(", ", key) + " FROM " + table
                            + " WHERE " + others + " AND " + gone + " ORDER BY ALL LIMIT " + LISTED)) {
                        while (rs.next()) {
                            List<String> what = new ArrayList<>();
                            for (int i = 0; i < key.size(); i++)
                                what.add(words.describe(key.get(i), rs.getObject(i + 1)));
                            described.add(String.join(" ", what));
                        }
                    }
                }
                return new LoadResult.Removal(inScope, removed, described, limitPercent);
            } finally {
                try (Statement drop = c.createStatement()) {
                    drop.execute("DROP TABLE IF EXISTS " + scopeTable);
                }
            }
        }
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
