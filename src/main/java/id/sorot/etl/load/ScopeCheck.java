package id.sorot.etl.load;

import id.sorot.access.Actor;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.Problems;
import id.sorot.opd.OpdDirectory;
import id.sorot.opd.Pemda;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * A user loads only into what they belong to: rows of another pemda are refused, and an operator's
 * rows of another OPD than its own, each group named by its rows and the OPD or pemda in words. It
 * reads the staged rows, so it holds whatever column or parameter the pemda and OPD came from.
 */
final class ScopeCheck {

    /** At most this many groups of rows are listed; the load is refused on the first anyway. */
    static final int LISTED = 50;

    private final OpdDirectory dir;

    ScopeCheck(OpdDirectory dir) {
        this.dir = dir;
    }

    /** Adds a problem for each pemda/OPD of {@code rows} (a table or subquery with {@code row_no}) outside {@code actor}'s. */
    void check(DuckDBConnection c, String table, String rows, Actor actor, String file, Problems problems)
            throws SQLException {
        if (actor == null || actor.everyPemda()) return;
        List<String> pemdaIds = new ArrayList<>();
        for (String kode : actor.pemda())
            dir.pemda(kode).map(Pemda::id).map(String::valueOf).ifPresent(pemdaIds::add);
        if (pemdaIds.isEmpty()) pemdaIds.add("-1");
        boolean byOpd = actor.loadOpd() != null && hasOpd(c, table);
        String outside = "pemda_id NOT IN (" + String.join(", ", pemdaIds) + ")";
        if (byOpd) outside += " OR opd_id IS DISTINCT FROM " + ownOpd(actor).orElse(-1);
        String group = byOpd ? "pemda_id, opd_id" : "pemda_id, NULL";
        String sql = "SELECT " + group + ", list(row_no ORDER BY row_no)[1:20], count(*), min(row_no) FROM " + rows
                + " WHERE " + outside + " GROUP BY ALL ORDER BY min(row_no) LIMIT " + LISTED;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] numbers = (Object[]) rs.getArray(3).getArray();
                List<String> listed = new ArrayList<>();
                for (Object o : numbers) listed.add(String.valueOf(o));
                long count = rs.getLong(4);
                String rowList = String.join(", ", listed) + (count > numbers.length ? ", …" : "");
                Object opd = rs.getObject(2);
                String what = opd != null
                        ? Optional.ofNullable(dir.opd(((Number) opd).intValue()))
                                .map(o -> o.singkatan())
                                .orElse(String.valueOf(opd))
                        : Optional.ofNullable(dir.pemda(rs.getInt(1)))
                                .map(Pemda::nama)
                                .orElse(String.valueOf(rs.getObject(1)));
                problems.add(Problem.at(
                        file,
                        rs.getInt(5),
                        byOpd ? "etl.error.other_opd" : "etl.error.other_pemda",
                        rowList,
                        what,
                        count,
                        byOpd ? actor.loadOpd() : String.join(", ", actor.pemda())));
            }
        }
    }

    private Optional<Integer> ownOpd(Actor actor) {
        for (String kode : actor.pemda()) {
            Optional<Pemda> p = dir.pemda(kode);
            if (p.isEmpty()) continue;
            for (var o : dir.opdsOf(p.get().id())) {
                if (o.kode().equalsIgnoreCase(actor.loadOpd())) return Optional.of(o.id());
            }
        }
        return Optional.empty();
    }

    private static boolean hasOpd(DuckDBConnection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM information_schema.columns"
                + " WHERE table_name = ? AND column_name = 'opd_id'")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
