package id.sorot.cube.calcite;

import id.sorot.cube.model.CubeDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.util.SqlString;

/**
 * Plans cube queries with Calcite, once per SQL text. Planning costs 50-100 ms (seconds for the
 * very first); its outcome is kept as the DuckDB SQL the query became ({@link Pushdown}), so a
 * repeated query costs no Calcite work at all. Calcite connections here only plan, and run the rare
 * query whose plan keeps a part in Calcite.
 */
final class CubePlanner implements AutoCloseable {

    private static final int PLANS = 1024;

    private final BlockingQueue<Connection> connections;
    private final List<Connection> all;
    private final Map<String, CompletableFuture<Pushdown>> plans = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Pushdown>> eldest) {
            return size() > PLANS;
        }
    };

    CubePlanner(DataSource schemaSource, List<CubeDefinition> cubes, int size) {
        List<Connection> opened = new ArrayList<>();
        for (int i = 0; i < size; i++) opened.add(open(schemaSource, cubes));
        this.all = List.copyOf(opened);
        this.connections = new ArrayBlockingQueue<>(size, false, opened);
    }

    /** Connection properties: identifiers keep their case, so DuckDB's lower-case names match as written. */
    static Properties properties() {
        Properties info = new Properties();
        info.setProperty("unquotedCasing", "UNCHANGED");
        info.setProperty("quotedCasing", "UNCHANGED");
        info.setProperty("caseSensitive", "true");
        info.setProperty("quoting", "DOUBLE_QUOTE");
        return info;
    }

    /** A Calcite connection with the {@code store} and {@code cubes} schemas. */
    static Connection open(DataSource schemaSource, List<CubeDefinition> cubes) {
        return open(schemaSource, cubes, id.sorot.access.Scope.ALL);
    }

    /** The same with the cube views limited to {@code scope}'s rows. */
    static Connection open(DataSource schemaSource, List<CubeDefinition> cubes, id.sorot.access.Scope scope) {
        CubeRules.install();
        try {
            Connection c = DriverManager.getConnection("jdbc:calcite:", properties());
            CubeSchemaFactory.register(c.unwrap(CalciteConnection.class).getRootSchema(), schemaSource, cubes, scope);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a Calcite connection: " + e.getMessage(), e);
        }
    }

    /** The plan of {@code sql}; a query asked for while another thread plans it waits for that plan. */
    Pushdown plan(String sql) throws SQLException {
        CompletableFuture<Pushdown> mine = new CompletableFuture<>();
        CompletableFuture<Pushdown> known;
        synchronized (plans) {
            known = plans.putIfAbsent(sql, mine);
        }
        if (known != null) return join(known);
        try {
            mine.complete(withConnection(c -> prepare(c, sql)));
        } catch (SQLException | RuntimeException e) {
            synchronized (plans) {
                plans.remove(sql, mine);
            }
            mine.completeExceptionally(e);
        }
        return join(mine);
    }

    /** Runs {@code sql} in Calcite itself, for a plan that is not pushed down whole. */
    List<List<Object>> runInCalcite(String sql, List<Object> arguments, Pushdown plan) throws SQLException {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < arguments.size(); i++) ps.setObject(i + 1, arguments.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    return plan.read(rs);
                }
            }
        });
    }

    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) throws SQLException {
        Connection c;
        try {
            c = connections.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a Calcite connection", e);
        }
        try {
            return work.on(c);
        } finally {
            connections.add(c);
        }
    }

    /** Prepares {@code sql} on Calcite (planning it, never running it) and keeps what it planned. */
    private static Pushdown prepare(Connection c, String sql) throws SQLException {
        RelRoot[] planned = new RelRoot[1];
        try (Hook.Closeable hook = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((Consumer<RelRoot>) r -> planned[0] = r);
                PreparedStatement ignored = c.prepareStatement(sql)) {
            RelRoot root = planned[0];
            if (root == null) throw new SQLException("Calcite planned no relational tree for: " + sql);
            List<Pushdown.Column> columns = new ArrayList<>();
            List<RelDataTypeField> types = root.validatedRowType.getFieldList();
            for (int i = 0; i < root.fields.size(); i++) {
                columns.add(new Pushdown.Column(
                        root.fields.get(i).getKey() + 1, types.get(i).getType().getSqlTypeName()));
            }
            if (!(root.rel instanceof JdbcToEnumerableConverter pushed)) {
                return new Pushdown(null, List.of(), columns);
            }
            // the SQL Calcite's own JdbcToEnumerableConverter would send at every execution
            SqlString generated = new JdbcImplementor(CubeDialect.INSTANCE, (JavaTypeFactory)
                            pushed.getCluster().getTypeFactory())
                    .visitRoot(pushed.getInput())
                    .asStatement()
                    .toSqlString(CubeDialect.INSTANCE);
            List<Integer> order =
                    generated.getDynamicParameters() == null ? List.of() : generated.getDynamicParameters();
            return new Pushdown(generated.getSql(), List.copyOf(order), columns);
        }
    }

    private static Pushdown join(CompletableFuture<Pushdown> plan) throws SQLException {
        try {
            return plan.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a plan", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) throw s;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new SQLException(e.getCause());
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at shutdown
            }
        }
    }
}
