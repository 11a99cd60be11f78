package id.sorot.etl.target;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.base.duckdb.Store;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every target's declared fact columns are its table's, by name and type, in a real store. */
class TargetsTest {

    @TempDir
    Path dir;

    @Test
    void each_target_declares_its_fact_table_as_the_schema_has_it() throws Exception {
        try (Store store = Store.open(dir.resolve("targets.duckdb"));
                DuckDBConnection c = store.connect()) {
            for (Target t : Targets.all().values()) {
                List<String> declared = new ArrayList<>();
                for (FactBuffer.Column col : t.columns()) {
                    declared.add(col.name() + " "
                            + (col.kind() == FactBuffer.Kind.DECIMAL
                                    ? "DECIMAL(" + col.precision() + ",2)"
                                    : col.kind().name()));
                }
                // the insert names its columns, so only names and types must agree, not their order
                assertThat(declared).as(t.name()).containsExactlyInAnyOrderElementsOf(schema(c, t.table()));
                assertThat(t.key()).as(t.name() + " key").isNotEmpty();
                assertThat(t.fields()).as(t.name() + " fields").containsKey("tahun");
            }
        }
    }

    /** The table's columns but batch_id (the loader adds it), as DuckDB names their types. */
    private static List<String> schema(DuckDBConnection c, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?"
                        + " AND column_name <> 'batch_id' ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2).replace("INTEGER", "INT"));
                }
            }
        }
        return out;
    }
}
