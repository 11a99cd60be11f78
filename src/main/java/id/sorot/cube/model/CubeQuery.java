package id.sorot.cube.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One question to a cube: measures by dimensions, filtered, ordered, limited. Names are checked
 * against the cube's definition and values are always bound as parameters: no SQL text is ever
 * taken from a query.
 */
public record CubeQuery(
        String cube,
        List<String> measures,
        List<String> dimensions,
        List<Filter> filters,
        List<Order> order,
        Integer limit) {

    /**
     * A condition on a dimension (applied to rows) or a measure (applied to the results).
     *
     * @param op eq, ne, in, not_in, lt, lte, gt, gte, between
     */
    public record Filter(String field, String op, List<Object> values) {}

    public record Order(String field, boolean descending) {}

    public CubeQuery {
        measures = measures == null ? List.of() : List.copyOf(measures);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        filters = filters == null ? List.of() : List.copyOf(filters);
        order = order == null ? List.of() : List.copyOf(order);
    }

    public static CubeQuery of(String cube) {
        return new CubeQuery(cube, List.of(), List.of(), List.of(), List.of(), null);
    }

    public CubeQuery measures(String... names) {
        return new CubeQuery(cube, Arrays.asList(names), dimensions, filters, order, limit);
    }

    public CubeQuery by(String... names) {
        return new CubeQuery(cube, measures, Arrays.asList(names), filters, order, limit);
    }

    public CubeQuery where(String field, String op, Object... values) {
        List<Filter> f = new ArrayList<>(filters);
        f.add(new Filter(field, op, Arrays.asList(values)));
        return new CubeQuery(cube, measures, dimensions, f, order, limit);
    }

    public CubeQuery orderBy(String field, boolean descending) {
        List<Order> o = new ArrayList<>(order);
        o.add(new Order(field, descending));
        return new CubeQuery(cube, measures, dimensions, filters, o, limit);
    }

    public CubeQuery limit(int n) {
        return new CubeQuery(cube, measures, dimensions, filters, order, n);
    }
}
