package id.sorot.cube.calcite;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as Calcite sees it. Every SQL statement Calcite sends to DuckDB is logged (logger
 * {@code id.sorot.cube.pushdown}, DEBUG): the record of what was pushed down. DuckDB reports
 * VARCHAR columns with size 0, which Calcite takes literally as VARCHAR(0) and then casts to; the
 * metadata is corrected to "no declared size".
 *
 * <p>Calcite asks for a connection and prepares its generated SQL on DuckDB at every execution,
 * and DuckDB's prepare of that SQL costs 3-5 ms, a third of a small dashboard query. So the
 * connections are DuckDB connections kept in a pool, each keeping the statements prepared on it by
 * SQL text: Calcite's close of a statement only clears its parameters, and its close of the
 * connection (reached through the statement, as Calcite's enumerator does) gives the connection
 * back. Each execution still runs in its own transaction, so it sees every load committed before.
 */
public final class CubeDataSource implements DataSource, AutoCloseable {

    public static final String LOGGER = "id.sorot.cube.pushdown";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final int STATEMENTS_PER_CONNECTION = 128;

    /** How long a query waits for a store connection when all are lent before it fails. */
    static final long WAIT_SECONDS = 30;

    private final DataSource target;
    private final int max;
    /** One permit per connection that may be lent: the pool never holds more than {@code max}. */
    private final Semaphore permits;

    private final Deque<Slot> idle = new ConcurrentLinkedDeque<>();
    private final Set<Slot> all = ConcurrentHashMap.newKeySet();
    private final AtomicLong prepares = new AtomicLong();
    private volatile boolean closed;

    private CubeDataSource(DataSource target, int max) {
        if (max < 1) throw new IllegalArgumentException("the cube layer needs at least one store connection");
        this.target = target;
        this.max = max;
        this.permits = new Semaphore(max, true);
    }

    /** At most {@code max} connections of {@code target}, which must be DuckDB connections. */
    public static CubeDataSource wrap(DataSource target, int max) {
        return new CubeDataSource(target, max);
    }

    /** Connections made so far (idle or lent); never more than the bound. */
    public int size() {
        return all.size();
    }

    /** How many statements were prepared on DuckDB so far (the rest reused one). */
    public long prepares() {
        return prepares.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
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
            Slot slot = idle.pollFirst();
            if (slot == null) {
                slot = new Slot(target.getConnection().unwrap(DuckDBConnection.class));
                all.add(slot);
            }
            return slot.lend();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    /** Closes every pooled connection and its statements (before the store itself closes). */
    @Override
    public void close() {
        closed = true;
        for (Slot s : all) s.discard();
        all.clear();
        idle.clear();
    }

    /** One DuckDB connection and the statements prepared on it, lent to one query at a time. */
    private final class Slot {
        final DuckDBConnection connection;
        final Map<String, Kept> statements = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                if (size() <= STATEMENTS_PER_CONNECTION) return false;
                eldest.getValue().discard();
                return true;
            }
        };
        /** The connection handed out now; its close gives this slot back. */
        volatile Connection lent;

        Slot(DuckDBConnection connection) {
            this.connection = connection;
        }

        Connection lend() {
            AtomicBoolean returned = new AtomicBoolean();
            InvocationHandler h = (proxy, method, args) -> {
                switch (method.getName()) {
                    case "close" -> {
                        if (returned.compareAndSet(false, true)) giveBack();
                        return null;
                    }
                    case "isClosed" -> {
                        return returned.get();
                    }
                    case "prepareStatement", "prepareCall" -> {
                        String sql = (String) args[0];
                        log.debug("{}", sql);
                        return prepare(sql);
                    }
                    case "createStatement" -> {
                        return new Plain(this);
                    }
                    case "getMetaData" -> {
                        return metaData(connection.getMetaData());
                    }
                    default -> {
                        return invoke(method, connection, args);
                    }
                }
            };
            lent = (Connection)
                    Proxy.newProxyInstance(CubeDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
            return lent;
        }

        private PreparedStatement prepare(String sql) throws SQLException {
            Kept kept = statements.get(sql);
            if (kept == null) {
                kept = new Kept(this, sql);
                statements.put(sql, kept);
            }
            return kept;
        }

        private void giveBack() {
            if (closed) {
                discard();
                all.remove(this);
            } else {
                idle.addFirst(this);
            }
            permits.release();
        }

        void discard() {
            for (Kept k : statements.values()) k.discard();
            statements.clear();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /**
     * A prepared DuckDB statement kept in its slot for reuse. Its result sets name it as their
     * statement, so Calcite's close reaches this close (which keeps it) and, through
     * {@link #getConnection}, the lent connection (whose close gives the slot back).
     */
    private final class Kept extends DuckDBPreparedStatement {
        private final Slot slot;

        Kept(Slot slot, String sql) throws SQLException {
            super(slot.connection, sql);
            this.slot = slot;
            prepares.incrementAndGet();
        }

        @Override
        public Connection getConnection() {
            return slot.lent;
        }

        @Override
        public void close() throws SQLException {
            clearParameters();
        }

        void discard() {
            try {
                super.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /** A plain statement (SQL given at execution), closed for real, that also leads back to its lent connection. */
    private static final class Plain extends DuckDBPreparedStatement {
        private final Slot slot;

        Plain(Slot slot) throws SQLException {
            super(slot.connection);
            this.slot = slot;
        }

        @Override
        public boolean execute(String sql) throws SQLException {
            log.debug("{}", sql);
            return super.execute(sql);
        }

        @Override
        public ResultSet executeQuery(String sql) throws SQLException {
            log.debug("{}", sql);
            return super.executeQuery(sql);
        }

        @Override
        public Connection getConnection() {
            return slot.lent;
        }
    }

    private static DatabaseMetaData metaData(DatabaseMetaData m) {
        InvocationHandler h = (proxy, method, args) -> {
            Object result = invoke(method, m, args);
            return method.getName().equals("getColumns") ? columns((ResultSet) result) : result;
        };
        return (DatabaseMetaData) Proxy.newProxyInstance(
                CubeDataSource.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class}, h);
    }

    /** COLUMN_SIZE (7) of a VARCHAR reads -1, "not given", instead of DuckDB's 0. */
    private static ResultSet columns(ResultSet rs) {
        InvocationHandler h = (proxy, method, args) -> {
            Object result = invoke(method, rs, args);
            if (method.getName().equals("getInt")
                    && args.length == 1
                    && Integer.valueOf(7).equals(args[0])
                    && Integer.valueOf(0).equals(result)
                    && rs.getInt(5) == Types.VARCHAR) {
                return -1;
            }
            return result;
        };
        return (ResultSet)
                Proxy.newProxyInstance(CubeDataSource.class.getClassLoader(), new Class<?>[] {ResultSet.class}, h);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
