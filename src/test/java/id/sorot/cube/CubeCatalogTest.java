package id.sorot.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.Application;
import id.sorot.SorotTest;
import id.sorot.base.duckdb.Store;
import id.sorot.base.yaml.DefinitionException;
import id.sorot.base.yaml.YamlNode;
import id.sorot.rules.RuleService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Every cube in cubes/ is valid; broken definitions are refused with their file and path. */
class CubeCatalogTest extends SorotTest {

    private static final Path BROKEN = Path.of("src/test/resources/cubes-broken");

    @Autowired
    Store store;

    @Autowired
    RuleService rules;

    @Test
    void every_cube_in_cubes_loads_with_its_subjects() {
        CubeCatalog catalog = CubeCatalog.load(Path.of("cubes"), CubeService.tableColumns(store), rules);
        assertThat(catalog.cubes().keySet())
                .containsExactlyInAnyOrder(
                        "akip_opd",
                        "akip_komponen",
                        "akip_pemda",
                        "ikm_unit",
                        "realisasi_opd",
                        "realisasi_triwulan",
                        "anggaran",
                        "realisasi_anggaran",
                        "iku",
                        "kinerja_opd",
                        "reported_checks",
                        "pohon_kinerja");
        assertThat(catalog.cube("realisasi_triwulan")
                        .dimension("sub_kegiatan")
                        .orElseThrow()
                        .parent())
                .isEqualTo("kegiatan");
        assertThat(catalog.cube("ikm_unit").dimension("unit").orElseThrow().parent())
                .isEqualTo("opd");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown_key      | cubes/unknown_key.yml: measures[0].colour: unknown key 'colour' (allowed: name, aggregation, column, of, by, band_set, order, within, where, format, description)",
                "unknown_column   | cubes/unknown_column.yml: measures[0].column: the fact table has no column 'skor'",
                "unknown_join     | cubes/unknown_join.yml: dimensions[0].column: unknown join 'pemda' in 'pemda.nama'",
                "unknown_measure  | cubes/unknown_measure.yml: measures[1].of: unknown measure 'skor'",
                "duplicate_name   | cubes/duplicate_name.yml: measures[0].name: duplicate name 'opd'",
                "key_order        | cubes/key_order.yml: table: key 'table' must come before 'description' (order: name, table, description, joins, measures, dimensions)",
                "unknown_band_set | cubes/unknown_band_set.yml: measures[1].band_set: unknown band set 'predikat_2030'",
                "unknown_band_role | cubes/unknown_band_role.yml: measures[1].band_set: unknown role 'pemda.rating' (known: pemda.predikat, pemda.mutu, pemda.capaian)",
                "band_role_without_pemda | cubes/band_role_without_pemda.yml: measures[1].band_set: needs a join named pemda on the table pemda",
                "cycle            | cubes/cycle.yml: measure 'a' depends on itself",
                "no_aggregation   | cubes/no_aggregation.yml: measures[0].aggregation: is required",
            })
    void a_broken_cube_is_refused_naming_file_and_path(String cube, String message) {
        Path file = BROKEN.resolve(cube + ".yml");
        assertThatThrownBy(() -> CubeCatalog.read(
                        YamlNode.load(file, "cubes/" + cube + ".yml"),
                        "cubes/" + cube + ".yml",
                        file,
                        CubeService.tableColumns(store),
                        rules))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(message);
    }

    @Test
    void two_cubes_of_the_same_name_are_refused() throws Exception {
        Path dir = Files.createDirectories(STORE_DIR.resolve("twins/cubes"));
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.copy(Path.of("cubes/akip/akip_opd.yml"), dir.resolve("a/akip_opd.yml"));
        Files.copy(Path.of("cubes/akip/akip_opd.yml"), dir.resolve("b/akip_opd.yml"));
        assertThatThrownBy(() -> CubeCatalog.load(dir, CubeService.tableColumns(store), rules))
                .hasMessage(
                        "cubes/b/akip_opd.yml: name: duplicate cube name 'akip_opd' (also in cubes/a/akip_opd.yml)");
    }

    @Test
    void start_up_stops_on_a_bad_definition_naming_file_and_path() throws Exception {
        Path home = STORE_DIR.resolve("bad-home");
        Files.createDirectories(home.resolve("cubes/akip"));
        Files.copy(BROKEN.resolve("unknown_column.yml"), home.resolve("cubes/akip/unknown_column.yml"));
        copyTree(Path.of("etl"), home.resolve("etl"));
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--sorot.home=" + home,
                                "--sorot.store=" + home.resolve("s.duckdb"),
                                "--sorot.load-samples=false",
                                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,"
                                        + "com.vaadin.flow.spring.VaadinServletConfiguration")
                        .close())
                .rootCause()
                .isInstanceOf(DefinitionException.class)
                .hasMessage("cubes/akip/unknown_column.yml: measures[0].column: the fact table has no column 'skor'");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path f : walk.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }
}
