package id.sorot.base.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No connection of the store reaches a file, a URL, another database or an extension download. */
class StoreHardeningTest {

    @TempDir
    Path dir;

    @Test
    void sql_cannot_read_files_attach_databases_or_install_extensions() throws Exception {
        Path secret = Files.writeString(dir.resolve("rahasia.csv"), "a,b\n1,2\n");
        try (Store store = Store.open(dir.resolve("sorot.duckdb"));
                DuckDBConnection c = store.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT current_setting('enable_external_access'),"
                            + " current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions')")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getBoolean(2)).isFalse();
                assertThat(rs.getBoolean(3)).isFalse();
            }
            assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT * FROM read_csv('" + secret + "')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("disabled");
            assertThatThrownBy(() -> c.createStatement().execute("COPY (SELECT 1) TO '" + dir.resolve("out.csv") + "'"))
                    .isInstanceOf(SQLException.class);
            assertThat(dir.resolve("out.csv")).doesNotExist();
            assertThatThrownBy(
                            () -> c.createStatement().execute("ATTACH '" + dir.resolve("other.duckdb") + "' AS other"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> c.createStatement().execute("INSTALL httpfs"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> c.createStatement().execute("SET enable_external_access = true"))
                    .as("cannot be switched back on")
                    .isInstanceOf(SQLException.class);
            // the store itself still works (a failed statement closes itself: DuckDB's JDBC)
            try (Statement again = c.createStatement();
                    ResultSet rs = again.executeQuery("SELECT count(*) FROM periode")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
        }
    }
}
