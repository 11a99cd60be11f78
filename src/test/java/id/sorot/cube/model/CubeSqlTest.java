package id.sorot.cube.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.base.Settings;
import id.sorot.cube.model.CubeDefinition.Condition;
import id.sorot.cube.model.CubeDefinition.Dimension;
import id.sorot.cube.model.CubeDefinition.Join;
import id.sorot.cube.model.CubeDefinition.Measure;
import id.sorot.rules.RuleService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL each aggregation kind generates, and the view a JDBC client sees, from the one generator. */
class CubeSqlTest {

    static final RuleService RULES = new RuleService(Settings.defaults(Path.of("unused.duckdb")));

    private static Measure base(String name, String aggregation, String column) {
        return new Measure(name, aggregation, column, null, null, null, null, List.of(), null, "decimal", null);
    }

    private static Measure derived(String name, String aggregation, String of, String by) {
        return new Measure(name, aggregation, null, of, by, null, null, List.of(), null, "decimal", null);
    }

    static final CubeDefinition CUBE = new CubeDefinition(
            "uji",
            "fact_uji",
            "a cube for the generator's tests",
            List.of(
                    new Join("opd", "opd", "opd_id", "opd_id"),
                    new Join("periode", "periode", "periode_id", "periode_id")),
            List.of(
                    base("total", "sum", "nilai"),
                    base("rata", "avg", "nilai"),
                    base("terendah", "min", "nilai"),
                    base("tertinggi", "max", "nilai"),
                    base("baris", "count", null),
                    base("jenis_opd", "count_distinct", "opd.jenis"),
                    new Measure(
                            "tertimbang",
                            "weighted_avg",
                            "nilai",
                            null,
                            "bobot",
                            null,
                            null,
                            List.of(),
                            null,
                            "decimal",
                            null),
                    new Measure(
                            "jumlah_a",
                            "count_if",
                            "predikat",
                            null,
                            null,
                            null,
                            null,
                            List.of(),
                            new Condition("predikat", List.of("A", "AA"), null, null, null, null),
                            "integer",
                            null),
                    new Measure(
                            "beda",
                            "count_if",
                            "predikat",
                            null,
                            null,
                            null,
                            null,
                            List.of(),
                            new Condition("predikat", null, "predikat_computed", null, null, null),
                            "integer",
                            null),
                    derived("rasio", "ratio", "total", "baris"),
                    derived("selisih", "difference", "tertinggi", "terendah"),
                    new Measure(
                            "predikat_rata",
                            "band",
                            null,
                            "rata",
                            null,
                            "predikat_akip",
                            null,
                            List.of(),
                            null,
                            "label",
                            null),
                    new Measure(
                            "peringkat",
                            "rank",
                            null,
                            "rata",
                            null,
                            null,
                            "desc",
                            List.of("pemda"),
                            null,
                            "integer",
                            null),
                    base("urutan", "avg", "predikat_urut"),
                    new Measure(
                            "peringkat_predikat",
                            "rank",
                            null,
                            "urutan",
                            "rata",
                            null,
                            "desc",
                            List.of("pemda"),
                            null,
                            "integer",
                            null),
                    derived("perubahan", "change", "rata", null)),
            List.of(
                    new Dimension("opd", "opd.singkatan", "text", "pemda", null, null),
                    new Dimension("pemda", "pemda_id", "integer", null, null, null),
                    new Dimension("tahun", "periode.tahun", "integer", null, null, null),
                    new Dimension("predikat", "predikat_computed", "text", null, null, null)),
            "cubes/uji/uji.yml");

    private static String sql(CubeQuery q) {
        return CubeSql.build(CUBE, q, RULES).sql();
    }

    @Test
    void each_base_aggregation_writes_its_sql_over_the_fact_alone() {
        assertThat(sql(CubeQuery.of("uji").measures("total", "rata", "terendah", "tertinggi", "baris")))
                .isEqualTo("SELECT \"total\", \"rata\", \"terendah\", \"tertinggi\", \"baris\" FROM (SELECT"
                        + " SUM(\"f\".\"nilai\") AS \"total\", AVG(CAST(\"f\".\"nilai\" AS DOUBLE)) AS \"rata\","
                        + " MIN(\"f\".\"nilai\") AS \"terendah\", MAX(\"f\".\"nilai\") AS \"tertinggi\", COUNT(*) AS"
                        + " \"baris\" FROM \"store\".\"fact_uji\" AS \"f\") AS \"r\"");
    }

    @Test
    void count_distinct_joins_only_the_table_it_reads() {
        assertThat(sql(CubeQuery.of("uji").measures("jenis_opd")))
                .isEqualTo("SELECT \"jenis_opd\" FROM (SELECT COUNT(DISTINCT \"opd\".\"jenis\") AS \"jenis_opd\""
                        + " FROM \"store\".\"fact_uji\" AS \"f\" LEFT JOIN \"store\".\"opd\" AS \"opd\" ON"
                        + " \"f\".\"opd_id\" = \"opd\".\"opd_id\") AS \"r\"");
    }

    @Test
    void weighted_avg_divides_by_the_weights_of_rows_that_have_a_value() {
        assertThat(sql(CubeQuery.of("uji").measures("tertimbang")))
                .contains("SUM(CAST(\"f\".\"nilai\" AS DOUBLE) * \"f\".\"bobot\") / NULLIF(SUM(CASE WHEN"
                        + " \"f\".\"nilai\" IS NOT NULL THEN \"f\".\"bobot\" END), 0) AS \"tertimbang\"");
    }

    @Test
    void count_if_counts_values_in_a_list_or_differing_columns() {
        // a row the rule computed nothing for (no nilai) has nothing to differ from: not counted
        assertThat(sql(CubeQuery.of("uji").measures("jumlah_a", "beda")))
                .contains("SUM(CASE WHEN \"f\".\"predikat\" IN ('A', 'AA') THEN 1 ELSE 0 END) AS \"jumlah_a\"")
                .contains("SUM(CASE WHEN \"f\".\"predikat_computed\" IS NOT NULL AND \"f\".\"predikat\" IS DISTINCT"
                        + " FROM \"f\".\"predikat_computed\" THEN 1 ELSE 0 END) AS \"beda\"");
    }

    @Test
    void ratio_and_difference_are_computed_over_the_aggregates() {
        assertThat(sql(CubeQuery.of("uji").measures("rasio", "selisih")))
                .contains("100.0 * CAST(\"total\" AS DOUBLE) / NULLIF(CAST(\"baris\" AS DOUBLE), 0) AS \"rasio\"")
                .contains("CAST(\"tertinggi\" AS DOUBLE) - CAST(\"terendah\" AS DOUBLE) AS \"selisih\"");
    }

    @Test
    void band_is_the_band_sets_case_with_its_bounds() {
        assertThat(sql(CubeQuery.of("uji").measures("predikat_rata")))
                .contains(
                        "CASE WHEN CAST(\"rata\" AS DOUBLE) IS NULL THEN NULL WHEN CAST(\"rata\" AS DOUBLE) > 90.0 THEN"
                                + " CAST('AA' AS VARCHAR) WHEN CAST(\"rata\" AS DOUBLE) > 80.0 THEN CAST('A' AS VARCHAR)");
    }

    @Test
    void rank_partitions_by_its_groups_when_the_query_has_them() {
        assertThat(sql(CubeQuery.of("uji").measures("peringkat").by("pemda", "opd")))
                .contains("RANK() OVER (PARTITION BY \"pemda\" ORDER BY \"rata\" DESC NULLS LAST) AS \"peringkat\"");
        assertThat(sql(CubeQuery.of("uji").measures("peringkat").by("opd")))
                .contains("RANK() OVER (ORDER BY \"rata\" DESC NULLS LAST) AS \"peringkat\"");
    }

    @Test
    void a_rank_by_orders_what_its_of_leaves_tied_or_empty() {
        // by predikat first, then by nilai: rows with only a predikat share the place of their predikat
        assertThat(sql(CubeQuery.of("uji").measures("peringkat_predikat").by("pemda", "opd")))
                .contains("RANK() OVER (PARTITION BY \"pemda\" ORDER BY \"urutan\" DESC NULLS LAST, \"rata\" DESC"
                        + " NULLS LAST) AS \"peringkat_predikat\"");
    }

    @Test
    void change_reads_the_previous_year_and_filters_it_away_after() {
        CubeSql.Statement s = CubeSql.build(
                CUBE, CubeQuery.of("uji").measures("perubahan").by("opd").where("tahun", "eq", 2024), RULES);
        assertThat(s.sql())
                .contains("\"periode\".\"tahun\" IN (?, ?)")
                .contains("CASE WHEN LAG(\"tahun\") OVER (PARTITION BY \"opd\" ORDER BY \"tahun\") = \"tahun\" - 1"
                        + " THEN CAST(\"rata\" AS DOUBLE) - CAST(LAG(\"rata\") OVER (PARTITION BY \"opd\" ORDER BY"
                        + " \"tahun\") AS DOUBLE) END AS \"perubahan\"")
                .endsWith("WHERE \"tahun\" = ?");
        assertThat(s.parameters()).containsExactly(2024, 2023, 2024);
    }

    @Test
    void filter_values_are_parameters_never_text() {
        CubeSql.Statement s = CubeSql.build(
                CUBE, CubeQuery.of("uji").measures("total").by("opd").where("opd", "in", "SETDA", "x'; DROP"), RULES);
        assertThat(s.sql()).contains("\"opd\".\"singkatan\" IN (?, ?)").doesNotContain("DROP");
        assertThat(s.parameters()).containsExactly("SETDA", "x'; DROP");
    }

    @Test
    void unknown_names_are_refused_naming_the_field() {
        assertThatThrownBy(() -> sql(CubeQuery.of("uji").measures("tidak_ada")))
                .isInstanceOf(CubeQueryException.class)
                .hasMessageContaining("cube uji has no measure 'tidak_ada'");
    }

    @Test
    void the_view_has_every_dimension_and_every_column_a_measure_reads() {
        assertThat(CubeSql.view(CUBE))
                .isEqualTo("SELECT \"opd\".\"singkatan\" AS \"opd\", \"f\".\"pemda_id\" AS \"pemda\","
                        + " \"periode\".\"tahun\" AS \"tahun\", \"f\".\"predikat_computed\" AS \"predikat\","
                        + " \"f\".\"nilai\" AS \"nilai\", \"opd\".\"jenis\" AS \"opd__jenis\", \"f\".\"bobot\" AS"
                        + " \"bobot\", \"f\".\"predikat\" AS \"f__predikat\", \"f\".\"predikat_computed\" AS \"predikat_computed\", \"f\".\"predikat_urut\" AS \"predikat_urut\" FROM \"store\".\"fact_uji\" AS \"f\" LEFT JOIN"
                        + " \"store\".\"opd\" AS \"opd\" ON \"f\".\"opd_id\" = \"opd\".\"opd_id\" LEFT JOIN"
                        + " \"store\".\"periode\" AS \"periode\" ON \"f\".\"periode_id\" = \"periode\".\"periode_id\"");
    }
}
