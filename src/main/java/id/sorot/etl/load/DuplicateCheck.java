package id.sorot.etl.load;

import id.sorot.etl.read.Problem;
import id.sorot.etl.read.Problems;
import id.sorot.opd.OpdDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * Two rows of one load naming the same fact (the same OPD and year, say) are refused, both named
 * by their rows and the fact described in words (OPD singkatan, unit name, year or triwulan).
 */
final class DuplicateCheck {

    /** At most this many duplicates are listed; the load is refused on the first anyway. */
    static final int LISTED = 50;

    private final OpdDirectory dir;

    DuplicateCheck(OpdDirectory dir) {
        this.dir = dir;
    }

    /** Checks the rows of {@code rows} (a table or subquery with {@code row_no}) for repeated keys. */
    void check(DuckDBConnection c, String rows, List<String> key, String file, Problems problems) throws SQLException {
        String keys = String.join(", ", key);
        // most loads have none: find out with a plain count first, and list the rows only if there are
        try (Statement s = c.createStatement();
                ResultSet any = s.executeQuery(
                        "SELECT 1 FROM " + rows + " GROUP BY " + keys + " HAVING count(*) > 1 LIMIT 1")) {
            if (!any.next()) return;
        }
        String sql = "SELECT " + keys + ", list(row_no ORDER BY row_no) FROM " + rows + " GROUP BY " + keys
                + " HAVING count(*) > 1 ORDER BY min(row_no) LIMIT " + LISTED;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> what = new ArrayList<>();
                for (int i = 0; i < key.size(); i++) {
                    what.add(describe(key.get(i), rs.getObject(i + 1)));
                }
                Object[] rowNumbers = (Object[]) rs.getArray(key.size() + 1).getArray();
                List<String> rowList = new ArrayList<>();
                for (Object o : rowNumbers) rowList.add(String.valueOf(o));
                problems.add(Problem.at(
                        file,
                        ((Number) rowNumbers[rowNumbers.length - 1]).intValue(),
                        "etl.error.duplicate",
                        String.join(", ", rowList),
                        String.join(" ", what)));
            }
        }
    }

    /** A key value as a person reads it. */
    String describe(String column, Object value) {
        if (value == null) return "-";
        if (column.equals("per_tanggal")) return "per " + value;
        if (!(value instanceof Number)) return value.toString();
        int v = ((Number) value).intValue();
        return switch (column) {
            case "opd_id" -> dir.opd(v) == null ? String.valueOf(v) : dir.opd(v).singkatan();
            case "unit_id" ->
                dir.unit(v) == null ? String.valueOf(v) : dir.unit(v).nama();
            case "pemda_id" ->
                dir.pemda(v) == null ? String.valueOf(v) : dir.pemda(v).nama();
            case "periode_id" -> v % 10 == 0 ? String.valueOf(v / 10) : "TW " + (v % 10) + " " + (v / 10);
            default -> column + " " + v;
        };
    }
}
