package id.sorot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.base.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every band boundary of {@code etl/reference/band_sets.yml}, exactly at the threshold and one
 * hundredth on either side, in Java and in the SQL the cube layer runs on DuckDB (they must agree).
 */
class BandSetTest {

    static RuleService rules;
    static Connection duckdb;

    @BeforeAll
    static void open() throws Exception {
        rules = new RuleService(Settings.defaults(Path.of("unused.duckdb")));
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws Exception {
        duckdb.close();
    }

    /** The label in Java, after checking the DuckDB CASE gives the same. */
    private static String label(String bandSet, double value) throws Exception {
        BandSet set = rules.bandSet(bandSet);
        String java = set.label(value);
        try (Statement s = duckdb.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + set.sqlCase("CAST(" + value + " AS DOUBLE)") + " AS label")) {
            rs.next();
            assertThat(rs.getString(1)).as("SQL of %s at %s", bandSet, value).isEqualTo(java);
        }
        return java;
    }

    @Test
    void predikat_is_bb_at_exactly_80_and_a_just_above() throws Exception {
        assertThat(label("predikat_akip", 80.00)).isEqualTo("BB");
        assertThat(label("predikat_akip", 80.01)).isEqualTo("A");
    }

    @Test
    void predikat_is_a_at_exactly_90_and_aa_just_above() throws Exception {
        assertThat(label("predikat_akip", 90.00)).isEqualTo("A");
        assertThat(label("predikat_akip", 90.01)).isEqualTo("AA");
    }

    @Test
    void every_lower_predikat_boundary_is_inclusive_below() throws Exception {
        assertThat(label("predikat_akip", 70.00)).isEqualTo("B");
        assertThat(label("predikat_akip", 70.01)).isEqualTo("BB");
        assertThat(label("predikat_akip", 60.00)).isEqualTo("CC");
        assertThat(label("predikat_akip", 60.01)).isEqualTo("B");
        assertThat(label("predikat_akip", 50.00)).isEqualTo("C");
        assertThat(label("predikat_akip", 50.01)).isEqualTo("CC");
        assertThat(label("predikat_akip", 30.00)).isEqualTo("D");
        assertThat(label("predikat_akip", 30.01)).isEqualTo("C");
        assertThat(label("predikat_akip", 0)).isEqualTo("D");
    }

    @Test
    void mutu_ikm_is_a_from_exactly_88_31() throws Exception {
        assertThat(label("mutu_ikm", 88.31)).isEqualTo("A");
        assertThat(label("mutu_ikm", 88.30)).isEqualTo("B");
        assertThat(label("mutu_ikm", 76.61)).isEqualTo("B");
        assertThat(label("mutu_ikm", 76.60)).isEqualTo("C");
        assertThat(label("mutu_ikm", 65.00)).isEqualTo("C");
        assertThat(label("mutu_ikm", 64.99)).isEqualTo("D");
        assertThat(rules.bandSet("mutu_ikm").meaning("B")).isEqualTo("Baik");
    }

    /** The LKIP's capaian bands are grades only: no words, and asking for them is no error. */
    @Test
    void a_band_without_words_has_no_meaning() {
        assertThat(rules.bandSet("capaian_lkip").meaning("AA")).isNull();
        assertThat(rules.bandSet("capaian_lkip").meaning("Z")).isNull();
    }

    @Test
    void mutu_ikm_2004_bands_start_at_their_lower_bounds() throws Exception {
        assertThat(label("mutu_ikm_2004", 81.26)).isEqualTo("A");
        assertThat(label("mutu_ikm_2004", 81.25)).isEqualTo("B");
        assertThat(label("mutu_ikm_2004", 62.51)).isEqualTo("B");
        assertThat(label("mutu_ikm_2004", 62.50)).isEqualTo("C");
        assertThat(label("mutu_ikm_2004", 43.76)).isEqualTo("C");
        assertThat(label("mutu_ikm_2004", 43.75)).isEqualTo("D");
    }

    @Test
    void capaian_lkip_is_aa_only_above_91() throws Exception {
        assertThat(label("capaian_lkip", 91.00)).isEqualTo("A");
        assertThat(label("capaian_lkip", 91.01)).isEqualTo("AA");
        assertThat(label("capaian_lkip", 80.00)).isEqualTo("BB");
        assertThat(label("capaian_lkip", 80.01)).isEqualTo("A");
    }

    @Test
    void capaian_ordinal_is_sangat_tinggi_from_exactly_91() throws Exception {
        assertThat(label("capaian_ordinal", 91)).isEqualTo("ST");
        assertThat(label("capaian_ordinal", 90.99)).isEqualTo("T");
        assertThat(label("capaian_ordinal", 76)).isEqualTo("T");
        assertThat(label("capaian_ordinal", 75.99)).isEqualTo("S");
        assertThat(label("capaian_ordinal", 66)).isEqualTo("S");
        assertThat(label("capaian_ordinal", 65.99)).isEqualTo("R");
        assertThat(label("capaian_ordinal", 51)).isEqualTo("R");
        assertThat(label("capaian_ordinal", 50.99)).isEqualTo("SR");
    }

    @Test
    void a_place_counts_from_the_worst_band_and_reads_back_its_label() {
        BandSet p = rules.predikat();
        assertThat(p.place("AA")).isEqualTo(6);
        assertThat(p.place("D")).isZero();
        assertThat(p.place("Baik")).isEqualTo(-1);
        assertThat(p.atPlace(5)).isEqualTo("A");
        assertThat(p.atPlace(7)).isNull();
        assertThat(p.atPlace(-1)).isNull();
    }

    @Test
    void a_missing_value_has_no_label() {
        assertThat(rules.predikat().label(null)).isNull();
        assertThat(rules.predikat().label(Double.NaN)).isNull();
    }
}
