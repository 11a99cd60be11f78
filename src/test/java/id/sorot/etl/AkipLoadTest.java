package id.sorot.etl;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.SorotTest;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The AKIP table of LKIP Setda Kota Bekasi 2024 (Tabel 3.28), loaded as it is. */
class AkipLoadTest extends SorotTest {

    @Autowired
    EtlService etl;

    @Autowired
    Store store;

    private long scalar(String sql) throws Exception {
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void the_sample_loaded_on_start_holds_44_opds_for_four_years() throws Exception {
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd")).isEqualTo(176);
        assertThat(scalar("SELECT count(DISTINCT opd_id) FROM fact_akip_opd")).isEqualTo(44);
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd WHERE periode_id = 20240 AND predikat_computed = 'A'"))
                .isEqualTo(13);
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd WHERE periode_id = 20230 AND predikat_computed = 'A'"))
                .isEqualTo(9);
        // one reported predikat disagrees with the PermenPANRB 88/2021 bands: SETWAN 2022, 70,08 reported B (BB)
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd WHERE predikat IS DISTINCT FROM predikat_computed"))
                .isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd f JOIN opd o USING (opd_id) WHERE o.singkatan = 'SETWAN'"
                        + " AND periode_id = 20220 AND nilai = 70.08 AND predikat = 'B' AND predikat_computed = 'BB'"))
                .isEqualTo(1);
        // 80,03 is A, 80,00 would be BB: the bound is inclusive above
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd f JOIN opd o USING (opd_id) WHERE o.singkatan = 'DISHUB'"
                        + " AND periode_id = 20240 AND nilai = 80.03 AND predikat_computed = 'A'"))
                .isEqualTo(1);
    }

    @Test
    void short_names_spelled_differently_resolve_to_the_same_opd() throws Exception {
        // DPMPSTP (Tabel 3.28) is DPMPTSP; KEC.BANTARGEBAWANG is Kecamatan Bantargebang
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd f JOIN opd o USING (opd_id)"
                        + " WHERE o.kode IN ('2.12.01', '4.11.07') AND periode_id = 20240"))
                .isEqualTo(2);
    }

    @Test
    void reloading_the_same_file_replaces_it_and_records_the_batch() throws Exception {
        Path file = Path.of("etl/samples/kota-bekasi-2024/hasil_evaluasi_akip_opd_2021_2024.tsv");
        LoadResult r = etl.load(
                "akip_opd_2021_2024",
                SourceFile.of(file),
                LoadRequest.by("test").withPemda("3275"),
                null);
        assertThat(r.status()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(r.rowsLoaded()).isEqualTo(176);
        assertThat(r.replacedBatches()).isNotEmpty();
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd")).isEqualTo(176);
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd WHERE batch_id = " + r.batchId()))
                .isEqualTo(176);
        assertThat(scalar("SELECT count(*) FROM batch WHERE batch_id = " + r.batchId() + " AND status = 'loaded'"
                        + " AND sha256 = '" + r.sha256() + "' AND rows_read = 44 AND loaded_by = 'test'"))
                .isEqualTo(1);
    }

    @Test
    void an_unknown_opd_is_refused_with_its_row_and_the_closest_names() throws Exception {
        Path bad = STORE_DIR.resolve("akip_unknown.tsv");
        java.nio.file.Files.writeString(
                bad,
                "No\tPerangkat Daerah\t2024\t\n\t\tNilai\tPredikat\n1\tDINAS ANTAH BERANTAH\t80,10\tA\n2\tKEC.JATIASIHH\t70,00\tB\n");
        long before = scalar("SELECT count(*) FROM fact_akip_opd");
        LoadResult r = etl.load(
                "akip_opd_2021_2024", SourceFile.of(bad), LoadRequest.by("test").withPemda("3275"), null);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REJECTED);
        assertThat(r.problems()).hasSize(2);
        String second = etl.render(r.problems().get(1), Locale.ENGLISH);
        assertThat(second).contains("akip_unknown.tsv", "row 4", "column 2", "KEC.JATIASIHH", "closest: KEC. JATIASIH");
        assertThat(scalar("SELECT count(*) FROM fact_akip_opd")).isEqualTo(before);
    }
}
