package id.sorot.etl.load;

import id.sorot.base.duckdb.Store;
import id.sorot.etl.read.Problem;
import id.sorot.opd.Opd;
import id.sorot.opd.Pemda;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The batch history: every load gets a number, and a row in {@code batch} once it is loaded (inside
 * its transaction) or rejected (in a transaction of its own, with every problem in
 * {@code rejected_row}); the source's reported figures go to {@code reported_check}.
 */
final class BatchLedger {

    private final Store store;

    BatchLedger(Store store) {
        this.store = store;
    }

    long nextBatchId() {
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT nextval('seq_batch')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot number a new batch: " + e.getMessage(), e);
        }
    }

    /** Records a loaded batch, inside the load's transaction on {@code c}. */
    void loaded(DuckDBConnection c, Load load, long rowsLoaded, List<Integer> periods, List<Long> replaced)
            throws SQLException {
        insert(c, load, rowsLoaded, 0, "loaded", null, periods, replaced);
    }

    /**
     * Records a batch that changed nothing ({@code rejected}, {@code refused} or {@code held}) and its
     * problems, in a transaction of its own.
     */
    void notLoaded(Load load, String status, String message) {
        try (DuckDBConnection c = store.connect()) {
            c.setAutoCommit(false);
            insert(c, load, 0, load.problems.rowCount(), status, message, List.of(), List.of());
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rejected_row")) {
                for (Problem p : load.problems.list()) {
                    a.beginRow();
                    a.append(load.batchId);
                    a.append(p.file());
                    appendInt(a, p.row());
                    appendInt(a, p.column());
                    appendText(a, p.field());
                    appendText(a, p.raw());
                    a.append(p.code() + " " + p.args());
                    a.endRow();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot record the " + status + " batch " + load.batchId + ": " + e.getMessage(), e);
        }
    }

    /** The source's own figures beside Sorot's, for the period the load covers when it is one year. */
    void checks(DuckDBConnection c, Load load, List<Integer> periods) throws SQLException {
        List<LoadResult.Check> checks = load.checks;
        Pemda pemda = load.parameters.pemda();
        Opd opd = load.parameters.opd();
        if (checks.isEmpty() || pemda == null) return;
        Integer periode = periods.size() == 1 ? periods.getFirst() / 10 * 10 : null;
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO reported_check VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LoadResult.Check k : checks) {
                ps.setLong(1, load.batchId);
                ps.setInt(2, pemda.id());
                ps.setString(3, load.target.name());
                ps.setObject(4, periode);
                ps.setObject(5, opd == null ? null : opd.id());
                ps.setString(6, k.subject());
                ps.setString(7, k.measure());
                ps.setObject(8, k.reported());
                ps.setObject(9, k.computed());
                ps.setString(10, k.reportedLabel());
                ps.setString(11, k.computedLabel());
                ps.setBoolean(12, k.agrees());
                ps.setString(13, k.rule());
                ps.setObject(14, k.row());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Periods as the history shows them: {@code 2024}, {@code 2024-TW3}. */
    static String periods(List<Integer> periods) {
        return String.join(
                ",",
                new TreeSet<>(periods.stream()
                        .map(p -> p % 10 == 0 ? String.valueOf(p / 10) : (p / 10) + "-TW" + (p % 10))
                        .toList()));
    }

    private static void insert(
            DuckDBConnection c,
            Load load,
            long rowsLoaded,
            long rowsRejected,
            String status,
            String message,
            List<Integer> periods,
            List<Long> replaced)
            throws SQLException {
        Pemda pemda = load.parameters.pemda();
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, load.batchId);
            ps.setString(2, load.spec.name());
            ps.setString(3, load.target.name());
            ps.setObject(4, pemda == null ? null : pemda.id());
            ps.setString(5, periods(periods));
            ps.setString(6, load.file.name());
            ps.setLong(7, load.file.size());
            ps.setString(8, load.file.sha256());
            ps.setLong(9, load.rowsRead);
            ps.setLong(10, rowsLoaded);
            ps.setLong(11, rowsRejected);
            ps.setString(12, load.request == null || load.request.user() == null ? "unknown" : load.request.user());
            ps.setTimestamp(13, Timestamp.from(load.started));
            ps.setTimestamp(14, Timestamp.from(Instant.now()));
            ps.setString(15, status);
            ps.setString(16, message);
            ps.setString(
                    17,
                    replaced.isEmpty()
                            ? null
                            : String.join(
                                    ",", replaced.stream().map(String::valueOf).toList()));
            ps.setString(18, load.units);
            ps.executeUpdate();
        }
    }

    private static void appendInt(DuckDBAppender a, Integer v) throws SQLException {
        if (v == null) a.appendNull();
        else a.append((int) v);
    }

    private static void appendText(DuckDBAppender a, String v) throws SQLException {
        if (v == null) a.appendNull();
        else a.append(v);
    }
}
