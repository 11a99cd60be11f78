package id.sorot.cube.calcite;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * The store as Calcite's JDBC schema sees it: for table metadata, and for the few executions
 * Calcite runs itself (JDBC clients over Avatica, a query not pushed down whole). Each connection
 * is a new DuckDB connection that Calcite closes for real; cube queries do not come here, they run
 * on the {@link StatementPool}.
 *
 * <p>DuckDB reports VARCHAR columns with size 0, which Calcite takes literally as VARCHAR(0) and
 * then casts to; the metadata is corrected to "no declared size". That correction is the only
 * thing the connection's wrapper does.
 */
public final class CubeDataSource implements DataSource {

    private final DataSource target;

    private CubeDataSource(DataSource target) {
        this.target = target;
    }

    /** {@code target}'s connections (DuckDB ones) with their column metadata corrected. */
    public static CubeDataSource over(DataSource target) {
        return new CubeDataSource(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = target.getConnection();
        InvocationHandler h = (proxy, method, args) ->
                method.getName().equals("getMetaData") ? metaData(c.getMetaData()) : invoke(method, c, args);
        return (Connection)
                Proxy.newProxyInstance(CubeDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
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

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
