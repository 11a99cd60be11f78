package id.sorot.cube.calcite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cube layer's store connections and its one statement cache. At most {@code max} DuckDB
 * connections, each keeping the statements prepared on it by SQL text, lent to one query at a
 * time: DuckDB's prepare of a cube query costs 3-5 ms, a third of a small dashboard query, so a
 * repeated query only binds and runs. Each execution is its own transaction (auto-commit), so it
 * sees every load committed before it.
 *
 * <p>Every statement run here is logged (logger {@code id.sorot.cube.pushdown}, DEBUG): the record
 * of the SQL DuckDB was given.
 */
public final class StatementPool implements AutoCloseable {

    public static final String LOGGER = "id.sorot.cube.pushdown";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final int STATEMENTS_PER_CONNECTION = 256;

    /** How long a query waits for a store connection when all are lent before it fails. */
    static final long WAIT_SECONDS = 30;

    /** Reads a result set while its statement is lent. */
    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource store;
    private final int max;
    /** One permit per connection that may be lent: the pool never holds more than {@code max}. */
    private final Semaphore permits;

    private final Deque<Slot> idle = new ConcurrentLinkedDeque<>();
    private final Set<Slot> all = ConcurrentHashMap.newKeySet();
    private final AtomicLong prepares = new AtomicLong();
    private volatile boolean closed;

    /** At most {@code max} connections of {@code store}, which must be DuckDB connections. */
    public StatementPool(DataSource store, int max) {
        if (max < 1) throw new IllegalArgumentException("the cube layer needs at least one store connection");
        this.store = store;
        this.max = max;
        this.permits = new Semaphore(max, true);
    }

    /** Connections made so far (idle or lent); never more than the bound. */
    public int size() {
        return all.size();
    }

    /** How many statements were prepared on DuckDB so far (the rest reused one). */
    public long prepares() {
        return prepares.get();
    }

    /** Runs {@code sql} with {@code arguments} (bound in order) on a lent connection. */
    public <T> T query(String sql, List<?> arguments, Reader<T> reader) throws SQLException {
        Slot slot = borrow();
        try {
            PreparedStatement ps = slot.statement(sql);
            try {
                for (int i = 0; i < arguments.size(); i++) {
                    ps.setObject(i + 1, arguments.get(i));
                }
                log.debug("{}", sql);
                try (ResultSet rs = ps.executeQuery()) {
                    return reader.read(rs);
                }
            } catch (SQLException | RuntimeException e) {
                // a statement that failed may be unusable: prepare it afresh next time
                slot.forget(sql);
                throw e;
            }
        } finally {
            giveBack(slot);
        }
    }

    private Slot borrow() throws SQLException {
        if (closed) throw new SQLException("the cube layer is closed");
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("all " + max + " store connections of the cube layer stayed busy for "
                        + WAIT_SECONDS + " s (sorot.cube.connections)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a store connection", e);
        }
        try {
            // the most recently used first: it is the likeliest to hold the statement already
            Slot slot = idle.pollFirst();
            if (slot == null) {
                slot = new Slot(store.getConnection().unwrap(DuckDBConnection.class));
                all.add(slot);
            }
            return slot;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private void giveBack(Slot slot) {
        if (closed || slot.broken()) {
            slot.discard();
            all.remove(slot);
        } else {
            idle.addFirst(slot);
        }
        permits.release();
    }

    /** Closes every pooled connection and its statements (before the store itself closes). */
    @Override
    public void close() {
        closed = true;
        for (Slot s : all) s.discard();
        all.clear();
        idle.clear();
    }

    /** One DuckDB connection and the statements prepared on it. */
    private final class Slot {
        final DuckDBConnection connection;
        final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= STATEMENTS_PER_CONNECTION) return false;
                close(eldest.getValue());
                return true;
            }
        };

        Slot(DuckDBConnection connection) {
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                prepares.incrementAndGet();
                statements.put(sql, ps);
            }
            return ps;
        }

        void forget(String sql) {
            PreparedStatement ps = statements.remove(sql);
            if (ps != null) close(ps);
        }

        boolean broken() {
            try {
                return connection.isClosed();
            } catch (SQLException e) {
                return true;
            }
        }

        void discard() {
            statements.values().forEach(Slot::close);
            statements.clear();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }

        private static void close(PreparedStatement ps) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // dropped anyway
            }
        }
    }
}
