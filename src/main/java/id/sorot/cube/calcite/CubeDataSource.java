package id.sorot.cube.calcite;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as Calcite sees it. Every SQL statement Calcite sends to DuckDB is logged (logger
 * {@code id.sorot.cube.pushdown}, DEBUG): the record of what was pushed down. And DuckDB reports
 * VARCHAR columns with size 0, which Calcite takes literally as VARCHAR(0) and then casts to; the
 * metadata is corrected to "no declared size".
 */
public final class CubeDataSource {

    public static final String LOGGER = "id.sorot.cube.pushdown";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private CubeDataSource() {}

    public static DataSource wrap(DataSource target) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return connection(target.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return connection(target.getConnection(user, password));
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
                return target.unwrap(iface);
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) throws SQLException {
                return target.isWrapperFor(iface);
            }
        };
    }

    private static Connection connection(Connection c) {
        InvocationHandler h = (proxy, method, args) -> {
            String name = method.getName();
            if ((name.equals("prepareStatement") || name.equals("prepareCall"))
                    && args != null
                    && args[0] instanceof String sql) {
                log.debug("{}", sql);
            }
            Object result = invoke(method, c, args);
            if (name.equals("createStatement") && result instanceof Statement s) {
                return statement(s);
            }
            if (name.equals("getMetaData") && result instanceof DatabaseMetaData m) {
                return metaData(m);
            }
            return result;
        };
        return (Connection)
                Proxy.newProxyInstance(CubeDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
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

    private static Statement statement(Statement s) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")
                    && args != null
                    && args.length > 0
                    && args[0] instanceof String sql) {
                log.debug("{}", sql);
            }
            return invoke(method, s, args);
        };
        return (Statement)
                Proxy.newProxyInstance(CubeDataSource.class.getClassLoader(), new Class<?>[] {Statement.class}, h);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
