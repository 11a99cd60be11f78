package id.sorot.cube.calcite;

import id.sorot.access.Actor;
import id.sorot.access.Scope;
import id.sorot.cube.model.CubeDefinition;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@code jdbc:sorot:}: a Calcite connection with the cube views, as a JDBC driver so that Avatica's
 * JdbcMeta can serve it to other tools. Registered (as an instance holding the store) only while
 * the Avatica server runs. Each connection is its opener's: the views hold only the rows of their
 * pemda (and an operator's OPD), and it runs only what {@link ReadOnlySql} allows.
 */
public final class CubeDriver implements Driver {

    public static final String URL = "jdbc:sorot:";

    /** Who the Avatica request now being handled acts for (set around each request by {@link CubeAvatica}). */
    static final ThreadLocal<Actor> CALLER = new ThreadLocal<>();

    private final DataSource dataSource;
    private final List<CubeDefinition> cubes;

    public CubeDriver(DataSource dataSource, List<CubeDefinition> cubes) {
        this.dataSource = dataSource;
        this.cubes = cubes;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) return null;
        Actor actor = CALLER.get();
        if (actor == null) throw new SQLException("a Sorot JDBC connection needs a personal access token");
        Connection c = CubePlanner.open(dataSource, cubes, Scope.of(actor));
        c.setSchema(CubeSchemaFactory.CUBES);
        return ReadOnlyConnection.wrap(c, actor, CALLER::get);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
