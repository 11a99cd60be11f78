package id.sorot.etl.target;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.base.duckdb.Store;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kegiatan dimension as loads grow and rename it, in a real store file. */
class ItemTreeTest {

    @TempDir
    Path dir;

    @Test
    void new_items_are_added_and_changed_ones_replaced_inside_the_transaction() throws Exception {
        try (Store store = Store.open(dir.resolve("items.duckdb"));
                DuckDBConnection c = store.connect()) {
            c.setAutoCommit(false);
            ItemTree first = ItemTree.load(c, null);
            first.upsert(1, 10, "1.01", ItemTree.SUB_KEGIATAN, "Penyusunan Dokumen", null, null, null, 1);
            first.upsert(1, 10, "1.02", ItemTree.SUB_KEGIATAN, "Evaluasi Kinerja", null, null, null, 2);
            first.write(c);
            c.commit();
            assertThat(rows(c)).containsExactly("1.01 Penyusunan Dokumen", "1.02 Evaluasi Kinerja");

            // a later load renames one item and adds another: one replaced, one added, ids kept
            ItemTree second = ItemTree.load(c, null);
            int renamed = second.byKode(10, "1.02").id();
            second.upsert(1, 10, "1.02", ItemTree.SUB_KEGIATAN, "Evaluasi Kinerja OPD", null, null, null, 2);
            second.upsert(1, 10, "1.03", ItemTree.SUB_KEGIATAN, "Monitoring", null, null, null, 3);
            second.write(c);
            assertThat(second.byKode(10, "1.02").id()).isEqualTo(renamed);
            c.rollback();
            assertThat(rows(c)).as("rolled back").containsExactly("1.01 Penyusunan Dokumen", "1.02 Evaluasi Kinerja");

            ItemTree third = ItemTree.load(c, null);
            third.upsert(1, 10, "1.02", ItemTree.SUB_KEGIATAN, "Evaluasi Kinerja OPD", null, null, null, 2);
            third.upsert(1, 10, "1.03", ItemTree.SUB_KEGIATAN, "Monitoring", null, null, null, 3);
            third.write(c);
            c.commit();
            assertThat(rows(c))
                    .containsExactly("1.01 Penyusunan Dokumen", "1.02 Evaluasi Kinerja OPD", "1.03 Monitoring");
        }
    }

    private static List<String> rows(DuckDBConnection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT kode || ' ' || nama FROM kegiatan ORDER BY kode")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
