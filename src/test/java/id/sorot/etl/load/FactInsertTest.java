package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.etl.target.FactBuffer;
import id.sorot.etl.target.Target;
import id.sorot.etl.target.Targets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Facts streamed into DuckDB stay in the load's transaction until it commits; closing rolls back. */
class FactInsertTest extends WithLoadFixture {

    @Test
    void streamed_rows_are_seen_inside_the_transaction_and_gone_after_close() throws Exception {
        Target akip = Targets.all().get("akip_opd");
        try (FactInsert insert = new FactInsert(fx.store, fx.allocator, akip, 7, () -> false)) {
            for (int batch = 0; batch < 3; batch++) insert.put(batch(akip.columns(), batch * 10, 10));
            insert.finish();
            try (Statement s = insert.connection().createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT count(*), sum(opd_id) FROM fact_akip_opd WHERE batch_id = 7")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(30);
                assertThat(rs.getLong(2)).isEqualTo(435); // 0 + 1 + ... + 29
            }
        }
        assertThat(fx.count("SELECT count(*) FROM fact_akip_opd")).isZero();
    }

    /** {@code n} AKIP rows with opd_id from {@code first}, written straight into Arrow as the buffer would. */
    private VectorSchemaRoot batch(List<FactBuffer.Column> columns, int first, int n) {
        VectorSchemaRoot root = VectorSchemaRoot.create(FactBuffer.schema(columns), fx.allocator);
        root.allocateNew();
        for (int i = 0; i < n; i++) {
            ((IntVector) root.getVector("pemda_id")).setSafe(i, 1);
            ((IntVector) root.getVector("opd_id")).setSafe(i, first + i);
            ((IntVector) root.getVector("periode_id")).setSafe(i, 20240);
            ((DecimalVector) root.getVector("nilai")).setSafe(i, 8502);
            ((VarCharVector) root.getVector("rule_version")).setSafe(i, "v1".getBytes());
            ((IntVector) root.getVector("row_no")).setSafe(i, i + 1);
        }
        root.setRowCount(n);
        return root;
    }
}
