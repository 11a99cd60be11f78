package id.sorot.cube;

import id.sorot.cube.model.CubeDefinition;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeQueryException;
import id.sorot.cube.model.CubeResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cube API: {@code GET /api/v1/cubes} lists cubes with their dimensions and measures;
 * {@code POST /api/v1/cubes/{cube}/query} answers {@code {measures, dimensions, filters, order,
 * limit}} as JSON {@code {columns, rows}}, CSV or an Arrow IPC stream, by {@code Accept}.
 */
@RestController
@RequestMapping("/api/v1/cubes")
class CubeController {

    static final String ARROW = "application/vnd.apache.arrow.stream";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CubeService cubes;

    CubeController(CubeService cubes) {
        this.cubes = cubes;
    }

    @GetMapping
    List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        cubes.catalog().cubes().values().stream()
                .sorted(java.util.Comparator.comparing(CubeDefinition::name))
                .forEach(c -> out.add(describe(c)));
        return out;
    }

    @GetMapping("/{cube}")
    Map<String, Object> one(@PathVariable String cube) {
        return describe(cubes.catalog().cube(cube));
    }

    static Map<String, Object> describe(CubeDefinition c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("description", c.description());
        List<Map<String, Object>> dims = new ArrayList<>();
        for (CubeDefinition.Dimension d : c.dimensions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", d.name());
            x.put("type", d.type());
            x.put("parent", d.parent());
            x.put("alias_of", d.aliasOf());
            x.put("description", d.description());
            dims.add(x);
        }
        List<Map<String, Object>> measures = new ArrayList<>();
        for (CubeDefinition.Measure me : c.measures()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", me.name());
            x.put("aggregation", me.aggregation());
            x.put("format", me.format());
            x.put("description", me.description());
            measures.add(x);
        }
        m.put("dimensions", dims);
        m.put("measures", measures);
        return m;
    }

    @PostMapping(path = "/{cube}/query", consumes = MediaType.APPLICATION_JSON_VALUE)
    void query(
            @PathVariable String cube,
            @RequestBody String body,
            @RequestHeader(name = "Accept", required = false) String accept,
            HttpServletResponse response)
            throws IOException {
        CubeQuery query = CubeRequests.parse(cube, body);
        CubeResult result = cubes.query(query);
        String type = accept == null ? "" : accept;
        if (type.contains(ARROW)) {
            response.setContentType(ARROW);
            try (OutputStream out = response.getOutputStream()) {
                CubeFormats.arrow(result, out);
            }
        } else if (type.contains("text/csv")) {
            response.setContentType("text/csv; charset=utf-8");
            response.getOutputStream().write(CubeFormats.csv(result).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("cube", cube);
            json.put("columns", result.columns());
            json.put("rows", result.rows());
            response.getOutputStream().write(JSON.writeValueAsBytes(json));
        }
    }

    @ExceptionHandler(CubeQueryException.class)
    ResponseEntity<Map<String, Object>> bad(CubeQueryException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("field", e.field());
        HttpStatus status = e.field().equals("cube") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    /** A body that is not JSON at all. */
    static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (RuntimeException e) {
            throw new CubeQueryException("body", "the body is not JSON: " + e.getMessage());
        }
    }
}
