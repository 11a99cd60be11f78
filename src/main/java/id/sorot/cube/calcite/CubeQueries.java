package id.sorot.cube.calcite;

import id.sorot.cube.model.CubeDefinition;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cube queries: Calcite plans each SQL text once ({@link CubePlanner}), and the DuckDB SQL
 * the plan became runs on the bounded {@link StatementPool}, whose connections keep their prepared
 * statements, the layer's one statement cache. A query Calcite cannot push down whole runs in
 * Calcite instead (logged once per SQL text; no cube query of the catalogue does).
 */
public final class CubeQueries implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CubeQueries.class);

    private final StatementPool pool;
    private final CubePlanner planner;
    private final AtomicLong inCalcite = new AtomicLong();

    /**
     * @param store DuckDB connections (duplicates of the store's)
     * @param connections the bound on store connections ({@code sorot.cube.connections})
     * @param planners Calcite connections that plan (planning is CPU-bound: about the core count)
     */
    public CubeQueries(DataSource store, List<CubeDefinition> cubes, int connections, int planners) {
        this.pool = new StatementPool(store, connections);
        this.planner = new CubePlanner(CubeDataSource.over(store), cubes, planners);
    }

    /** Runs {@code sql} (over the {@code cubes} and {@code store} schemas) with its {@code ?} parameters. */
    public List<List<Object>> query(String sql, List<Object> parameters) throws SQLException {
        Pushdown plan = planner.plan(sql);
        if (plan.whole()) {
            return pool.query(plan.sql(), plan.bind(parameters), plan::read);
        }
        if (inCalcite.getAndIncrement() == 0 || log.isDebugEnabled()) {
            log.warn("not pushed down whole to DuckDB, runs in Calcite: {}", sql);
        }
        return planner.runInCalcite(sql, parameters, plan);
    }

    /** The DuckDB SQL {@code sql} is pushed down as, or empty when part of it runs in Calcite. */
    public java.util.Optional<String> pushedSql(String sql) throws SQLException {
        return java.util.Optional.ofNullable(planner.plan(sql).sql());
    }

    /** Statements prepared on DuckDB so far; a repeated query reuses its own. */
    public long prepares() {
        return pool.prepares();
    }

    /** Queries that ran in Calcite because their plan was not pushed down whole. */
    public long ranInCalcite() {
        return inCalcite.get();
    }

    /** Store connections made so far, never more than the bound. */
    public int connections() {
        return pool.size();
    }

    @Override
    public void close() {
        planner.close();
        pool.close();
    }
}
