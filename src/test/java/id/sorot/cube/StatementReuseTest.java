package id.sorot.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.sorot.SorotTest;
import id.sorot.base.duckdb.Store;
import id.sorot.cube.model.CubeQuery;
import java.sql.Statement;
import java.time.Duration;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A repeated cube query runs on the DuckDB statement it prepared the first time, and still sees
 * what was committed after that (each execution is its own transaction).
 */
class StatementReuseTest extends SorotTest {

    @Autowired
    CubeService cubes;

    @Autowired
    Store store;

    private double setdaNilai2024() {
        return (Double) cubes.query(CubeQuery.of("akip_opd")
                        .measures("nilai_max")
                        .where("opd_kode", "eq", "4.01.01")
                        .where("tahun", "eq", 2024))
                .rows()
                .getFirst()
                .getFirst();
    }

    @Test
    void a_repeated_query_reuses_its_statement_and_sees_later_commits() throws Exception {
        // the start-up warm-up borrows pooled connections too: let it finish so this thread has them
        await().atMost(Duration.ofMinutes(2)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("sorot-warmup")));
        assertThat(setdaNilai2024()).isEqualTo(82.04);
        long prepared = cubes.duckdbPrepares();
        assertThat(setdaNilai2024()).isEqualTo(82.04);
        assertThat(cubes.duckdbPrepares()).as("statements prepared again").isEqualTo(prepared);

        String set = "UPDATE fact_akip_opd SET nilai = %s WHERE periode_id = 20240"
                + " AND opd_id = (SELECT opd_id FROM opd WHERE kode = '4.01.01')";
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement()) {
            try {
                assertThat(s.executeUpdate(set.formatted("99.99"))).isEqualTo(1);
                assertThat(setdaNilai2024()).as("after a commit").isEqualTo(99.99);
                assertThat(cubes.duckdbPrepares()).isEqualTo(prepared);
            } finally {
                s.executeUpdate(set.formatted("82.04"));
            }
        }
        assertThat(setdaNilai2024()).isEqualTo(82.04);
    }
}
