package id.sorot.cube.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.base.duckdb.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cube layer's store connections: bounded, lent one query at a time, statements kept by SQL text. */
class CubeDataSourceTest {

    @TempDir
    Path dir;

    @Test
    void never_more_connections_than_the_bound_and_a_waiting_query_gets_the_one_given_back() throws Exception {
        try (Store store = Store.open(dir.resolve("pool.duckdb"));
                CubeDataSource pool = CubeDataSource.wrap(store.dataSource(), 2)) {
            Connection a = pool.getConnection();
            Connection b = pool.getConnection();
            CompletableFuture<Connection> third = CompletableFuture.supplyAsync(() -> {
                try {
                    return pool.getConnection();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            a.close();
            Connection c = third.get(10, TimeUnit.SECONDS);
            assertThat(pool.size()).isEqualTo(2);
            b.close();
            c.close();
            for (int i = 0; i < 20; i++) {
                try (Connection x = pool.getConnection()) {
                    assertThat(x.isClosed()).isFalse();
                }
            }
            assertThat(pool.size()).isEqualTo(2);
        }
    }

    @Test
    void a_statement_is_prepared_once_per_connection_and_keeps_working_after_calcite_closes_it() throws Exception {
        try (Store store = Store.open(dir.resolve("statements.duckdb"));
                CubeDataSource pool = CubeDataSource.wrap(store.dataSource(), 1)) {
            for (int i = 1; i <= 3; i++) {
                try (Connection c = pool.getConnection();
                        PreparedStatement ps = c.prepareStatement("SELECT ? * 2")) {
                    ps.setInt(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(i * 2);
                    }
                }
            }
            assertThat(pool.prepares()).isEqualTo(1);
        }
    }
}
