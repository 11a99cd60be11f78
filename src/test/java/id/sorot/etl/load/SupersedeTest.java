package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.etl.target.Targets;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/** A new batch replaces exactly the facts of other batches in its scope, and marks them. */
class SupersedeTest extends WithLoadFixture {

    @Test
    void only_facts_in_the_new_batchs_scope_are_replaced() throws Exception {
        try (DuckDBConnection c = fx.store.connect();
                Statement s = c.createStatement()) {
            for (int b = 1; b <= 3; b++) {
                s.execute("INSERT INTO batch (batch_id, job, target, file_name, file_size, sha256, rows_read,"
                        + " rows_loaded, rows_rejected, loaded_by, started_at, status) VALUES (" + b
                        + ", 'j', 'akip_opd', 'f.tsv', 1, 'x', 1, 1, 0, 'uji', now(), 'loaded')");
            }
            // batch 1: 2023 and 2024; batch 2: 2022; batch 3, the new one: 2024 only
            s.execute("INSERT INTO fact_akip_opd (batch_id, pemda_id, opd_id, periode_id, nilai, rule_version, row_no)"
                    + " VALUES (1, 1, 1, 20230, 70, 'v', 1), (1, 1, 1, 20240, 71, 'v', 2), (2, 1, 1, 20220, 60, 'v', 1),"
                    + " (3, 1, 1, 20240, 80, 'v', 1)");
            c.setAutoCommit(false);
            List<Long> replaced = Supersede.replace(c, 3, Targets.all().get("akip_opd"));
            Supersede.markReplaced(c, Targets.all().get("akip_opd"), replaced);
            c.commit();
            assertThat(replaced).containsExactly(1L);
        }
        assertThat(fx.count("SELECT count(*) FROM fact_akip_opd")).isEqualTo(3);
        assertThat(fx.count("SELECT nilai FROM fact_akip_opd WHERE periode_id = 20240"))
                .isEqualTo(80);
        assertThat(fx.count("SELECT count(*) FROM batch WHERE batch_id = 1 AND status = 'partly replaced'"))
                .isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM batch WHERE batch_id = 2 AND status = 'loaded'"))
                .isEqualTo(1);
    }

    @Test
    void a_year_scope_covers_the_triwulan_of_that_year() {
        assertThat(Supersede.expr("year:periode_id", "f")).isEqualTo("(f.periode_id // 10)");
        assertThat(Supersede.expr("pemda_id", "f")).isEqualTo("f.pemda_id");
    }
}
