package id.sorot.base.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * The embedded DuckDB file that holds Sorot's star schema. DuckDB lets one process own the
 * file, so everything inside Sorot shares one database instance and takes cheap duplicate
 * connections from it.
 */
public final class Store implements AutoCloseable {

    private final Path file;
    private final DuckDBConnection root;
    private final boolean created;

    private Store(Path file, DuckDBConnection root, boolean created) {
        this.file = file;
        this.root = root;
        this.created = created;
    }

    /** Opens (creating if needed) the store file and brings its schema up to date. */
    public static Store open(Path path) {
        Path file = path.toAbsolutePath().normalize();
        boolean existed = Files.exists(file);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for the store " + file + ": " + e.getMessage(), e);
        }
        DuckDBConnection connection;
        try {
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, hardened());
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("lock")) {
                throw new StoreException(
                        "the store " + file + " is in use by another process (is Sorot already running?): " + message,
                        e);
            }
            throw new StoreException("cannot open the store " + file + ": " + message, e);
        }
        Store store = new Store(file, connection, !existed);
        store.applySchema();
        return store;
    }

    /**
     * The settings every connection of the store shares (duplicates inherit the database's): no
     * extension is installed or loaded on demand (DuckDB would otherwise download one from the
     * internet on first use), and no SQL reaches files, URLs or other databases (read_csv, COPY,
     * ATTACH). Sorot reads source files in Java and hands DuckDB Arrow streams, so it needs none.
     */
    static Properties hardened() {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        p.setProperty("enable_external_access", "false");
        return p;
    }

    private void applySchema() {
        String ddl;
        try (InputStream in = Store.class.getResourceAsStream("/db/schema.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new StoreException("schema.sql is missing from the classpath", e);
        }
        try (Statement s = root.createStatement()) {
            for (String statement : ddl.split(";\\s*\\n")) {
                String sql = stripComments(statement);
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            s.execute("INSERT OR IGNORE INTO periode SELECT t * 10 + q, t, q, CASE WHEN q = 0 THEN 0 WHEN q <= 2"
                    + " THEN 1 ELSE 2 END, CASE WHEN q = 0 THEN CAST(t AS VARCHAR) ELSE 'TW ' || q || ' ' || t END"
                    + " FROM range(2000, 2051) r(t), range(0, 5) w(q)");
        } catch (SQLException e) {
            throw new StoreException("cannot apply the schema to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** A new connection to the same database; the caller closes it. */
    public DuckDBConnection connect() throws SQLException {
        return (DuckDBConnection) root.duplicate();
    }

    /** The store as a DataSource whose connections are duplicates of the store's own. */
    public DataSource dataSource() {
        return new StoreDataSource();
    }

    public Path file() {
        return file;
    }

    /** True when this start created the file (nothing had been stored yet). */
    public boolean created() {
        return created;
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store " + file, e);
        }
    }

    private final class StoreDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connect();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("not a wrapper for " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }
    }
}
