package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.etl.read.Problems;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/** Repeated keys within one load are refused, every row named, the fact described in words. */
class DuplicateCheckTest extends WithLoadFixture {

    @Test
    void repeated_keys_are_listed_with_their_rows_and_what_they_describe() throws Exception {
        int setda = fx.opds
                .directory()
                .findOpd(fx.opds.directory().pemda("3275").orElseThrow().id(), "SETDA")
                .orElseThrow()
                .id();
        Problems problems = new Problems();
        try (DuckDBConnection c = fx.store.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE staged (opd_id INT, periode_id INT, row_no INT)");
            s.execute("INSERT INTO staged VALUES (" + setda + ", 20240, 7), (" + setda + ", 20243, 8), (" + setda
                    + ", 20240, 12), (" + setda + ", 20240, 30), (99999, 20230, 40)");
            new DuplicateCheck(fx.opds.directory())
                    .check(c, "staged", List.of("opd_id", "periode_id"), "f.tsv", problems);
        }
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("etl.error.duplicate");
            assertThat(p.row()).isEqualTo(30);
            assertThat(p.args()).containsExactly("7, 12, 30", "SETDA 2024");
        });
    }

    @Test
    void a_triwulan_and_an_unknown_id_read_as_a_person_would() {
        DuplicateCheck check = new DuplicateCheck(fx.opds.directory());
        assertThat(check.describe("periode_id", 20243)).isEqualTo("TW 3 2024");
        assertThat(check.describe("periode_id", 20240)).isEqualTo("2024");
        assertThat(check.describe("opd_id", 99999)).isEqualTo("99999");
        assertThat(check.describe("item_id", 5)).isEqualTo("item_id 5");
        assertThat(check.describe("opd_id", null)).isEqualTo("-");
    }
}
