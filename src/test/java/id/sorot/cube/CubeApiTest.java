package id.sorot.cube;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.SorotTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/cubes} over real HTTP: JSON, CSV and Arrow; names checked, values bound. */
class CubeApiTest extends SorotTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private static final String RANKING = """
            {"measures": ["peringkat", "nilai", "predikat_nilai", "perubahan"],
             "dimensions": ["opd"],
             "filters": [{"field": "pemda_kode", "op": "eq", "values": ["3275"]}, {"field": "tahun", "value": 2024}],
             "order": [{"field": "peringkat", "dir": "asc"}, "opd"],
             "limit": 3}""";

    private HttpResponse<byte[]> post(String cube, String body, String accept) throws Exception {
        return http.send(
                api("/api/v1/cubes/" + cube + "/query")
                        .header("Content-Type", "application/json")
                        .header("Accept", accept)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(api(path).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    @Test
    void cubes_are_listed_with_dimensions_and_measures() throws Exception {
        JsonNode cubes = get("/api/v1/cubes");
        assertThat(cubes.size()).isEqualTo(12);
        JsonNode akip = get("/api/v1/cubes/akip_opd");
        assertThat(akip.path("measures").toString()).contains("\"persen_a\"", "\"ratio\"");
        assertThat(akip.path("dimensions").toString()).contains("\"opd\"", "\"parent\":\"pemda\"");
    }

    @Test
    void a_query_answers_json_rows() throws Exception {
        HttpResponse<byte[]> r = post("akip_opd", RANKING, "application/json");
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("columns").get(0).path("name").asString()).isEqualTo("opd");
        JsonNode first = body.path("rows").get(0);
        assertThat(first.get(0).asString()).isEqualTo("BAPPELITBANGDA");
        assertThat(first.get(1).asInt()).isEqualTo(1);
        assertThat(first.get(2).asDouble()).isEqualTo(85.02);
        assertThat(first.get(3).asString()).isEqualTo("A");
        assertThat(first.get(4).asDouble()).isCloseTo(2.86, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(body.path("rows").size()).isEqualTo(3);
    }

    /** The pohon kinerja cube: Dinas Sosial 2025 has 87 nodes and 77 indicators, none with a target. */
    @Test
    void the_pohon_kinerja_cube_counts_nodes_indicators_and_targets_by_level() throws Exception {
        HttpResponse<byte[]> r = post(
                "pohon_kinerja",
                "{\"measures\": [\"jumlah_simpul\", \"jumlah_indikator\", \"jumlah_target\"],"
                        + " \"filters\": [{\"field\": \"opd\", \"values\": [\"DINSOS\"]},"
                        + " {\"field\": \"tahun\", \"values\": [2025]}]}",
                "application/json");
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        JsonNode row = JSON.readTree(r.body()).path("rows").get(0);
        assertThat(row.get(0).asInt()).isEqualTo(87);
        assertThat(row.get(1).asInt()).isEqualTo(77);
        assertThat(row.get(2).asInt()).isZero();

        HttpResponse<byte[]> levels = post(
                "pohon_kinerja",
                "{\"measures\": [\"jumlah_simpul\"], \"dimensions\": [\"level\"],"
                        + " \"filters\": [{\"field\": \"opd\", \"values\": [\"SETWAN\"]}],"
                        + " \"order\": [{\"field\": \"level\"}]}",
                "text/csv");
        assertThat(new String(levels.body()).lines().toList())
                .containsExactly(
                        "level,jumlah_simpul",
                        "individu,25",
                        "kegiatan,16",
                        "program,4",
                        "sasaran_pd,2",
                        "tujuan_pd,1");
    }

    @Test
    void the_same_query_answers_csv_and_arrow() throws Exception {
        HttpResponse<byte[]> csv = post("akip_opd", RANKING, "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = new String(csv.body()).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("opd,peringkat,nilai,predikat_nilai,perubahan");
        assertThat(lines.get(1)).startsWith("BAPPELITBANGDA,1,85.02,A,2.8");

        HttpResponse<byte[]> arrow = post("akip_opd", RANKING, CubeController.ARROW);
        assertThat(arrow.statusCode()).isEqualTo(200);
        try (RootAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrow.body()), allocator)) {
            assertThat(reader.loadNextBatch()).isTrue();
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getRowCount()).isEqualTo(3);
            assertThat(root.getVector("opd").getObject(0).toString()).isEqualTo("BAPPELITBANGDA");
            assertThat(((Number) root.getVector("nilai").getObject(0)).doubleValue())
                    .isEqualTo(85.02);
            assertThat(((Number) root.getVector("peringkat").getObject(0)).longValue())
                    .isEqualTo(1);
        }
    }

    @Test
    void bad_requests_are_400_naming_the_field() throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"{\"measures\": [\"nilai; DROP TABLE opd\"]}", "measures"});
        cases.add(new String[] {"{\"measures\": [\"nilai\"], \"dimensions\": [\"kota\"]}", "dimensions"});
        cases.add(new String[] {
            "{\"measures\": [\"nilai\"], \"filters\": [{\"field\": \"tahun\", \"op\": \"like\", \"values\": [1]}]}",
            "filters"
        });
        cases.add(new String[] {
            "{\"measures\": [\"nilai\"], \"filters\": [{\"field\": \"tahun\", \"values\": [\"dua ribu\"]}]}", "filters"
        });
        cases.add(new String[] {"{\"measures\": [\"nilai\"], \"order\": [\"opd\"]}", "order"});
        cases.add(new String[] {"{\"measures\": [\"nilai\"], \"limit\": \"semua\"}", "limit"});
        cases.add(new String[] {"{\"measures\": [\"nilai\"], \"group\": [\"opd\"]}", "group"});
        cases.add(new String[] {"not json", "body"});
        for (String[] c : cases) {
            HttpResponse<byte[]> r = post("akip_opd", c[0], "application/json");
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("field").asString())
                    .as(c[0])
                    .isEqualTo(c[1]);
        }
        assertThat(post("no_cube", "{\"measures\": [\"nilai\"]}", "application/json")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void filter_values_are_bound_not_spliced() throws Exception {
        String body =
                "{\"measures\": [\"jumlah_opd\"], \"filters\": [{\"field\": \"opd\", \"values\": [\"SETDA' OR '1'='1\"]}]}";
        HttpResponse<byte[]> r = post("akip_opd", body, "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("rows").get(0).get(0).asLong()).isZero();
    }

    @Test
    void an_openapi_description_is_served() throws Exception {
        JsonNode doc = get("/api/v1/openapi.json");
        assertThat(doc.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(doc.path("paths").has("/api/v1/cubes/{cube}/query")).isTrue();
        assertThat(doc.path("components").path("schemas").path("ikm_unit_query").toString())
                .contains("jumlah_beda_mutu");
        assertThat(doc.path("paths").path("/api/v1/etl/{job}").toString()).contains("realisasi_opd_simpelbang");
        assertThat(doc.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(doc.path("security").path(0).has("bearer")).isTrue();
    }
}
