package id.sorot.cube.calcite;

import id.sorot.cube.model.CubeDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * A small pool of Calcite connections, each keeping its prepared statements by SQL text. Planning a
 * new statement costs 50-100 ms (seconds for the very first); a cached one only binds its parameters
 * and runs on DuckDB. Each statement has a home connection (by its text), so it is planned once,
 * not once per connection; when its home is busy it runs on another connection that already has it,
 * or waits for its home rather than plan it again.
 */
public final class CubeConnections implements AutoCloseable {

    /** Reads a result set while its statement is borrowed. */
    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static final int STATEMENTS_PER_CONNECTION = 256;

    private record Pooled(Connection connection, Map<String, PreparedStatement> statements, ReentrantLock lock) {}

    private final List<Pooled> pool;

    public CubeConnections(DataSource dataSource, List<CubeDefinition> cubes, int size) {
        CubeRules.install();
        List<Pooled> p = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            p.add(new Pooled(open(dataSource, cubes), lru(), new ReentrantLock()));
        }
        this.pool = List.copyOf(p);
    }

    /** Connection properties: identifiers keep their case, so DuckDB's lower-case names match as written. */
    public static Properties properties() {
        Properties info = new Properties();
        info.setProperty("unquotedCasing", "UNCHANGED");
        info.setProperty("quotedCasing", "UNCHANGED");
        info.setProperty("caseSensitive", "true");
        info.setProperty("quoting", "DOUBLE_QUOTE");
        return info;
    }

    static Connection open(DataSource dataSource, List<CubeDefinition> cubes) {
        try {
            Connection c = DriverManager.getConnection("jdbc:calcite:", properties());
            CubeSchemaFactory.register(c.unwrap(CalciteConnection.class).getRootSchema(), dataSource, cubes);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a Calcite connection: " + e.getMessage(), e);
        }
    }

    private static Map<String, PreparedStatement> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() > STATEMENTS_PER_CONNECTION) {
                    try {
                        eldest.getValue().close();
                    } catch (SQLException ignored) {
                        // a statement that fails to close is dropped anyway
                    }
                    return true;
                }
                return false;
            }
        };
    }

    /** Runs {@code sql} with {@code parameters} on a pooled connection, planning it only the first time. */
    public <T> T query(String sql, List<Object> parameters, Reader<T> reader) throws SQLException {
        Pooled p = borrow(sql);
        try {
            PreparedStatement ps = p.statements().get(sql);
            if (ps == null) {
                ps = p.connection().prepareStatement(sql);
                p.statements().put(sql, ps);
            }
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException | RuntimeException e) {
            // a statement that failed may be unusable: plan it afresh next time
            PreparedStatement bad = p.statements().remove(sql);
            if (bad != null) {
                try {
                    bad.close();
                } catch (SQLException ignored) {
                    // already failed
                }
            }
            throw e;
        } finally {
            p.lock().unlock();
        }
    }

    private Pooled borrow(String sql) throws SQLException {
        Pooled home = pool.get(Math.floorMod(sql.hashCode(), pool.size()));
        if (home.lock().tryLock()) return home;
        for (Pooled other : pool) {
            if (other != home && other.lock().tryLock()) {
                if (other.statements().containsKey(sql)) return other;
                other.lock().unlock();
            }
        }
        try {
            home.lock().lockInterruptibly();
            return home;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a cube connection", e);
        }
    }

    @Override
    public void close() {
        for (Pooled p : pool) {
            try {
                p.connection().close();
            } catch (SQLException ignored) {
                // closing at shutdown
            }
        }
    }
}
