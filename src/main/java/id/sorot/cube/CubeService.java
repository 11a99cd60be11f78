package id.sorot.cube;

import id.sorot.access.Access;
import id.sorot.access.Scope;
import id.sorot.access.Tokens;
import id.sorot.base.SorotProperties;
import id.sorot.base.duckdb.Store;
import id.sorot.base.duckdb.StoreException;
import id.sorot.cube.calcite.CubeAvatica;
import id.sorot.cube.calcite.CubeDataSource;
import id.sorot.cube.calcite.CubeQueries;
import id.sorot.cube.model.CubeDefinition;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import id.sorot.cube.model.CubeSql;
import id.sorot.rules.RuleService;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The cube layer: the catalog of cube definitions and the one query model every reader uses
 * (views, exports, the HTTP API). Queries run through Calcite, which pushes them down to DuckDB.
 */
@Service
public class CubeService {

    private static final org.slf4j.Logger timing = org.slf4j.LoggerFactory.getLogger("id.sorot.cube.timing");

    private final CubeCatalog catalog;
    private final RuleService rules;
    private final Store store;
    private final CubeQueries queries;
    private final CubeAvatica avatica;

    public CubeService(Store store, RuleService rules, SorotProperties properties) throws Exception {
        this(store, rules, properties, secret -> java.util.Optional.empty());
    }

    /** {@code tokens} tells whose a personal access token is, for the JDBC server. */
    @org.springframework.beans.factory.annotation.Autowired
    public CubeService(Store store, RuleService rules, SorotProperties properties, Tokens tokens) throws Exception {
        this(store, rules, properties, tokens::authenticate);
    }

    private CubeService(
            Store store,
            RuleService rules,
            SorotProperties properties,
            java.util.function.Function<String, java.util.Optional<id.sorot.access.Actor>> tokens)
            throws Exception {
        this.rules = rules;
        this.store = store;
        this.catalog = CubeCatalog.load(properties.cubesDir(), tableColumns(store), rules);
        List<CubeDefinition> cubes = List.copyOf(catalog.cubes().values());
        int bound = properties.cube().connections();
        // planning is CPU-bound: about one Calcite connection per core, never more than store connections
        this.queries = new CubeQueries(
                store.dataSource(),
                cubes,
                bound,
                Math.min(bound, Math.max(2, Runtime.getRuntime().availableProcessors())));
        SorotProperties.Avatica a = properties.avatica();
        this.avatica = a.enabled()
                ? CubeAvatica.start(CubeDataSource.over(store.dataSource()), cubes, a.port(), tokens)
                : null;
    }

    /** The port the JDBC (Avatica) server listens on, when it is enabled. */
    public java.util.OptionalInt avaticaPort() {
        return avatica == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(avatica.port());
    }

    public CubeCatalog catalog() {
        return catalog;
    }

    /** The SQL a query becomes (over the store tables, as Calcite plans it), for diagnostics and tests. */
    public String sql(CubeQuery query) {
        return CubeSql.build(catalog.cube(query.cube()), query, rules).sql();
    }

    /**
     * The years {@code cube} has facts for in a pemda, latest first; {@code count} is any count
     * measure of the cube (the question needs one measure to ask).
     */
    public List<Integer> years(String cube, String count, String pemdaKode) {
        return query(CubeQuery.of(cube)
                        .measures(count)
                        .by("tahun")
                        .where("pemda_kode", "eq", pemdaKode)
                        .orderBy("tahun", true))
                .column("tahun")
                .stream()
                .map(v -> ((Number) v).intValue())
                .toList();
    }

    /**
     * Runs a query within the rows the current reader may see ({@link Access#scope()}): the pemda they
     * belong to and, for an operator limited to its OPD, that OPD, whatever filters the caller gave.
     */
    public CubeResult query(CubeQuery query) {
        CubeDefinition cube = catalog.cube(query.cube());
        query = limited(cube, query, Access.scope());
        CubeSql.Statement statement = CubeSql.build(cube, query, rules);
        long t0 = System.nanoTime();
        try {
            CubeResult r = result(statement.columns(), queries.query(statement.sql(), statement.parameters()));
            if (timing.isDebugEnabled()) {
                timing.debug(
                        "{} {} by {}: {} rows in {} ms",
                        cube.name(),
                        query.measures(),
                        query.dimensions(),
                        r.rows().size(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
            return r;
        } catch (SQLException e) {
            throw new IllegalStateException("cube " + cube.name() + " query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The query with the scope's limits added. A cube without a pemda dimension cannot be limited and
     * is refused to a limited reader; the pemda's own figures (a cube without OPDs) stay visible to an
     * operator limited to its OPD.
     */
    static CubeQuery limited(CubeDefinition cube, CubeQuery query, Scope scope) {
        if (scope.all()) return query;
        if (cube.dimension(PEMDA_KODE).isEmpty()) {
            throw new AccessDeniedException(
                    "cube " + cube.name() + " has no " + PEMDA_KODE + " dimension to limit it by");
        }
        // no pemda at all sees nothing: "-" is no pemda's kode
        CubeQuery q = scope.pemda().isEmpty()
                ? query.where(PEMDA_KODE, "eq", "-")
                : query.where(PEMDA_KODE, "in", scope.pemda().stream().sorted().toArray());
        if (scope.opd() != null && cube.dimension(OPD_KODE).isPresent()) q = q.where(OPD_KODE, "eq", scope.opd());
        return q;
    }

    private static final String PEMDA_KODE = "pemda_kode";
    private static final String OPD_KODE = "opd_kode";

    /** Numbers as the views and exports expect them: decimals as doubles, small integers as ints. */
    private static CubeResult result(List<CubeResult.Column> columns, List<List<Object>> rows) {
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                if (v instanceof BigDecimal b) row.set(i, b.doubleValue());
                else if (v instanceof Float f) row.set(i, f.doubleValue());
                else if (v instanceof Short s) row.set(i, s.intValue());
                else if (v instanceof Byte b) row.set(i, b.intValue());
            }
        }
        return new CubeResult(columns, rows);
    }

    static java.util.function.Function<String, Set<String>> tableColumns(Store store) {
        Map<String, Set<String>> columns = new HashMap<>();
        try (DuckDBConnection c = store.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's tables: " + e.getMessage(), e);
        }
        return table -> columns.getOrDefault(table, Set.of());
    }

    /** Closes the Calcite connections (and the Avatica server); Spring calls it, tests without Spring too. */
    @PreDestroy
    public void close() {
        if (avatica != null) avatica.close();
        queries.close();
    }

    /** Statements prepared on DuckDB so far; a repeated query reuses its own. */
    long duckdbPrepares() {
        return queries.prepares();
    }

    /** Queries that ran in Calcite because Calcite could not push them down whole (none should). */
    long ranInCalcite() {
        return queries.ranInCalcite();
    }
}
