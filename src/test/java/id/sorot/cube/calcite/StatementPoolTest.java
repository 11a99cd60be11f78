package id.sorot.cube.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.base.duckdb.Store;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cube layer's store connections: bounded, lent one query at a time, statements kept by SQL text. */
class StatementPoolTest {

    @TempDir
    Path dir;

    @Test
    void never_more_connections_than_the_bound_and_a_waiting_query_gets_the_one_given_back() throws Exception {
        // threads of its own: the common pool has a single thread on a 2-core machine
        try (Store store = Store.open(dir.resolve("pool.duckdb"));
                StatementPool pool = new StatementPool(store.dataSource(), 2);
                ExecutorService threads = Executors.newFixedThreadPool(3)) {
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            List<CompletableFuture<Integer>> holders =
                    List.of(hold(pool, holding, release, threads), hold(pool, holding, release, threads));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> third = CompletableFuture.supplyAsync(() -> twice(pool, 21), threads);
            assertThat(pool.size()).isEqualTo(2);
            assertThat(third).isNotDone();
            release.countDown();
            assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(42);
            for (CompletableFuture<Integer> h : holders)
                assertThat(h.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            for (int i = 0; i < 20; i++) assertThat(twice(pool, i)).isEqualTo(2 * i);
            assertThat(pool.size()).isEqualTo(2);
        }
    }

    @Test
    void a_statement_is_prepared_once_per_connection() throws Exception {
        try (Store store = Store.open(dir.resolve("statements.duckdb"));
                StatementPool pool = new StatementPool(store.dataSource(), 1)) {
            for (int i = 1; i <= 3; i++) assertThat(twice(pool, i)).isEqualTo(i * 2);
            assertThat(pool.prepares()).isEqualTo(1);
        }
    }

    @Test
    void a_failed_statement_is_prepared_afresh_and_its_connection_is_given_back() throws Exception {
        try (Store store = Store.open(dir.resolve("failed.duckdb"));
                StatementPool pool = new StatementPool(store.dataSource(), 1)) {
            String sql = "SELECT CAST(? AS INTEGER)";
            assertThatThrownBy(() -> pool.query(sql, List.of("not a number"), rs -> null))
                    .isInstanceOf(SQLException.class);
            int seven = pool.query(sql, List.of("7"), rs -> rs.next() ? rs.getInt(1) : -1);
            assertThat(seven).isEqualTo(7);
            assertThat(pool.prepares()).isEqualTo(2);
            assertThat(pool.size()).isEqualTo(1);
        }
    }

    @Test
    void a_closed_pool_refuses_queries() throws Exception {
        try (Store store = Store.open(dir.resolve("closed.duckdb"))) {
            StatementPool pool = new StatementPool(store.dataSource(), 1);
            assertThat(twice(pool, 1)).isEqualTo(2);
            pool.close();
            assertThatThrownBy(() -> pool.query("SELECT 1", List.of(), rs -> null))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("closed");
        }
    }

    private static int twice(StatementPool pool, int x) {
        try {
            return pool.query("SELECT ? * 2", List.of(x), rs -> rs.next() ? rs.getInt(1) : -1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Borrows a connection and keeps it, inside its query, until {@code release}. */
    private static CompletableFuture<Integer> hold(
            StatementPool pool, CountDownLatch holding, CountDownLatch release, ExecutorService threads) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return pool.query("SELECT 1", List.of(), rs -> {
                            holding.countDown();
                            try {
                                if (!release.await(10, TimeUnit.SECONDS))
                                    throw new IllegalStateException("never released");
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            return rs.next() ? rs.getInt(1) : -1;
                        });
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                threads);
    }
}
