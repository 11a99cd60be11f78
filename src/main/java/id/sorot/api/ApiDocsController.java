package id.sorot.api;

import id.sorot.cube.CubeService;
import id.sorot.cube.model.CubeDefinition;
import id.sorot.etl.EtlService;
import id.sorot.etl.job.JobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/openapi.json}: an OpenAPI 3.1 description of Sorot's HTTP API, written from the
 * cube catalog and job catalog so that it lists the real cube, measure, dimension and job names.
 */
@RestController
class ApiDocsController {

    private final CubeService cubes;
    private final EtlService etl;

    ApiDocsController(CubeService cubes, EtlService etl) {
        this.cubes = cubes;
        this.etl = etl;
    }

    @GetMapping("/api/v1/openapi.json")
    Map<String, Object> openapi() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put(
                "info",
                Map.of(
                        "title",
                        "Sorot API",
                        "version",
                        "1",
                        "description",
                        "Cubes over SAKIP data (AKIP, IKM, realisasi, anggaran, IKU) and loading of source tables."));
        List<String> cubeNames =
                cubes.catalog().cubes().keySet().stream().sorted().toList();
        List<String> jobNames = etl.jobs().stream().map(JobSpec::name).toList();
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put(
                "/api/v1/cubes",
                Map.of(
                        "get",
                        op(
                                "List cubes with their dimensions and measures",
                                null,
                                Map.of("200", json("the cubes", Map.of("type", "array"))))));
        paths.put(
                "/api/v1/cubes/{cube}",
                Map.of(
                        "get",
                        op(
                                "One cube",
                                List.of(pathParam("cube", cubeNames)),
                                Map.of(
                                        "200",
                                        json("the cube", Map.of("type", "object")),
                                        "404",
                                        json("unknown cube", ref("Error"))))));
        Map<String, Object> query = op(
                "Query a cube: measures by dimensions, filtered, ordered, limited",
                List.of(pathParam("cube", cubeNames)),
                Map.of(
                        "200",
                                Map.of(
                                        "description",
                                        "rows",
                                        "content",
                                        Map.of(
                                                "application/json", Map.of("schema", ref("Result")),
                                                "text/csv", Map.of("schema", Map.of("type", "string")),
                                                "application/vnd.apache.arrow.stream",
                                                        Map.of(
                                                                "schema",
                                                                Map.of("type", "string", "format", "binary")))),
                        "400", json("a field of the query is wrong; 'field' names it", ref("Error")),
                        "404", json("unknown cube", ref("Error"))));
        List<Object> bodies = new ArrayList<>();
        cubeNames.forEach(c -> bodies.add(ref(c + "_query")));
        query.put(
                "requestBody",
                Map.of(
                        "required",
                        true,
                        "content",
                        Map.of("application/json", Map.of("schema", Map.of("oneOf", bodies)))));
        paths.put("/api/v1/cubes/{cube}/query", Map.of("post", query));
        Map<String, Object> load = op(
                "Load a source table (one transaction; 422 and nothing stored when a row is wrong)",
                List.of(pathParam("job", jobNames)),
                Map.of(
                        "200", json("loaded (or checked, with dry_run)", Map.of("type", "object")),
                        "422", json("rejected, with every problem", Map.of("type", "object")),
                        "404", json("unknown job", ref("Error"))));
        load.put(
                "requestBody",
                Map.of(
                        "required",
                        true,
                        "content",
                        Map.of(
                                "multipart/form-data",
                                Map.of(
                                        "schema",
                                        Map.of(
                                                "type",
                                                "object",
                                                "required",
                                                List.of("file"),
                                                "properties",
                                                Map.of(
                                                        "file", Map.of("type", "string", "format", "binary"),
                                                        "pemda",
                                                                Map.of(
                                                                        "type",
                                                                        "string",
                                                                        "description",
                                                                        "kode or name, where the file does not say"),
                                                        "period",
                                                                Map.of(
                                                                        "type",
                                                                        "string",
                                                                        "description",
                                                                        "year, where the file does not say"),
                                                        "opd",
                                                                Map.of(
                                                                        "type",
                                                                        "string",
                                                                        "description",
                                                                        "OPD, for per-OPD tables"),
                                                        "dry_run", Map.of("type", "boolean")))))));
        paths.put("/api/v1/etl/{job}", Map.of("post", load));
        paths.put(
                "/api/v1/etl/jobs",
                Map.of(
                        "get",
                        op(
                                "List jobs (source layouts)",
                                null,
                                Map.of("200", json("the jobs", Map.of("type", "array"))))));
        paths.put(
                "/api/v1/etl/batches",
                Map.of(
                        "get",
                        op(
                                "Batch history, newest first",
                                null,
                                Map.of("200", json("batches", Map.of("type", "array"))))));
        doc.put("paths", paths);
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put(
                "Error",
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("error", Map.of("type", "string"), "field", Map.of("type", "string"))));
        schemas.put(
                "Result",
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of(
                                "cube", Map.of("type", "string"),
                                "columns", Map.of("type", "array", "items", Map.of("type", "object")),
                                "rows", Map.of("type", "array", "items", Map.of("type", "array")))));
        for (String c : cubeNames) {
            CubeDefinition cube = cubes.catalog().cube(c);
            List<String> measures =
                    cube.measures().stream().map(CubeDefinition.Measure::name).toList();
            List<String> dims = cube.dimensions().stream()
                    .map(CubeDefinition.Dimension::name)
                    .toList();
            List<String> fields = new ArrayList<>(dims);
            fields.addAll(measures);
            schemas.put(
                    c + "_query",
                    Map.of(
                            "type",
                            "object",
                            "description",
                            cube.description(),
                            "properties",
                            Map.of(
                                    "measures", Map.of("type", "array", "items", Map.of("enum", measures)),
                                    "dimensions", Map.of("type", "array", "items", Map.of("enum", dims)),
                                    "filters",
                                            Map.of(
                                                    "type",
                                                    "array",
                                                    "items",
                                                    Map.of(
                                                            "type",
                                                            "object",
                                                            "properties",
                                                            Map.of(
                                                                    "field", Map.of("enum", fields),
                                                                    "op",
                                                                            Map.of(
                                                                                    "enum",
                                                                                    List.of(
                                                                                            "eq", "ne", "in", "not_in",
                                                                                            "lt", "lte", "gt", "gte",
                                                                                            "between")),
                                                                    "values", Map.of("type", "array")))),
                                    "order",
                                            Map.of(
                                                    "type",
                                                    "array",
                                                    "items",
                                                    Map.of(
                                                            "type",
                                                            "object",
                                                            "properties",
                                                            Map.of(
                                                                    "field",
                                                                    Map.of("enum", fields),
                                                                    "dir",
                                                                    Map.of("enum", List.of("asc", "desc"))))),
                                    "limit", Map.of("type", "integer", "minimum", 1, "maximum", 1000000))));
        }
        // every path but this description takes a personal access token (made on /akun)
        doc.put(
                "components",
                Map.of(
                        "schemas",
                        schemas,
                        "securitySchemes",
                        Map.of(
                                "bearer",
                                Map.of(
                                        "type",
                                        "http",
                                        "scheme",
                                        "bearer",
                                        "description",
                                        "a personal access token (sorot_...), made on /akun or with"
                                                + " ./sorot user token; it acts with its owner's role and pemda"))));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        return doc;
    }

    private static Map<String, Object> op(String summary, List<Object> parameters, Map<String, Object> responses) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", summary);
        if (parameters != null) m.put("parameters", parameters);
        m.put("responses", responses);
        return m;
    }

    private static Map<String, Object> pathParam(String name, List<String> values) {
        return Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string", "enum", values));
    }

    private static Map<String, Object> json(String description, Map<String, Object> schema) {
        return Map.of("description", description, "content", Map.of("application/json", Map.of("schema", schema)));
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }
}
