package id.sorot.cube;

import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeQueryException;
import id.sorot.cube.model.CubeSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON of a cube query, naming the field that is wrong. Names are only collected here;
 * {@link CubeSql} checks them against the cube definition.
 */
final class CubeRequests {

    private static final Set<String> KEYS = Set.of("measures", "dimensions", "filters", "order", "limit");

    private CubeRequests() {}

    static CubeQuery parse(String cube, String body) {
        JsonNode root = CubeController.read(body);
        if (root == null || !root.isObject()) {
            throw new CubeQueryException("body", "the body must be a JSON object");
        }
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new CubeQueryException(
                        key, "unknown field '" + key + "' (known: dimensions, filters, limit, measures, order)");
            }
        }
        List<String> measures = names(root, "measures");
        List<String> dimensions = names(root, "dimensions");
        List<CubeQuery.Filter> filters = new ArrayList<>();
        JsonNode f = root.path("filters");
        if (!f.isMissingNode() && !f.isNull()) {
            if (!f.isArray()) throw new CubeQueryException("filters", "filters must be a list of {field, op, values}");
            int i = 0;
            for (JsonNode x : f) {
                String at = "filters[" + i++ + "]";
                if (!x.isObject() || !x.path("field").isString()) {
                    throw new CubeQueryException(at, at + " needs a 'field' name");
                }
                String op = x.path("op").isString() ? x.path("op").asString() : "eq";
                List<Object> values = new ArrayList<>();
                JsonNode v = x.has("values") ? x.path("values") : x.path("value");
                if (v.isArray()) {
                    for (JsonNode e : v) values.add(scalar(e, at));
                } else if (!v.isMissingNode()) {
                    values.add(scalar(v, at));
                }
                filters.add(new CubeQuery.Filter(x.path("field").asString(), op, values));
            }
        }
        List<CubeQuery.Order> order = new ArrayList<>();
        JsonNode o = root.path("order");
        if (!o.isMissingNode() && !o.isNull()) {
            if (!o.isArray()) throw new CubeQueryException("order", "order must be a list");
            int i = 0;
            for (JsonNode x : o) {
                String at = "order[" + i++ + "]";
                if (x.isString()) {
                    String s = x.asString();
                    order.add(new CubeQuery.Order(s.startsWith("-") ? s.substring(1) : s, s.startsWith("-")));
                } else if (x.isObject() && x.path("field").isString()) {
                    String dir = x.path("dir").isString() ? x.path("dir").asString() : "asc";
                    if (!dir.equals("asc") && !dir.equals("desc")) {
                        throw new CubeQueryException(at, at + ".dir must be asc or desc");
                    }
                    order.add(new CubeQuery.Order(x.path("field").asString(), dir.equals("desc")));
                } else {
                    throw new CubeQueryException(at, at + " must be a name, -name, or {field, dir}");
                }
            }
        }
        Integer limit = null;
        JsonNode l = root.path("limit");
        if (!l.isMissingNode() && !l.isNull()) {
            if (!l.isIntegralNumber()) throw new CubeQueryException("limit", "limit must be a whole number");
            limit = l.asInt();
        }
        return new CubeQuery(cube, measures, dimensions, filters, order, limit);
    }

    private static List<String> names(JsonNode root, String field) {
        JsonNode n = root.path(field);
        List<String> out = new ArrayList<>();
        if (n.isMissingNode() || n.isNull()) return out;
        if (!n.isArray()) throw new CubeQueryException(field, field + " must be a list of names");
        for (JsonNode x : n) {
            if (!x.isString()) throw new CubeQueryException(field, field + " must be a list of names, not " + x);
            out.add(x.asString());
        }
        return out;
    }

    private static Object scalar(JsonNode v, String at) {
        if (v.isString()) return v.asString();
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.decimalValue();
        if (v.isBoolean()) return String.valueOf(v.asBoolean());
        throw new CubeQueryException(at, at + " values must be strings or numbers, not " + v);
    }
}
