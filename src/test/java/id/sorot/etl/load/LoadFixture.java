package id.sorot.etl.load;

import id.sorot.base.Settings;
import id.sorot.base.SorotProperties;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.target.Targets;
import id.sorot.opd.OpdService;
import id.sorot.rules.RuleService;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;

/**
 * The loader without Spring: a real DuckDB file in a temp folder, the real OPD master, band sets and
 * job specs of {@code etl/}, and the real loader, for fast tests of a load's steps.
 */
final class LoadFixture implements AutoCloseable {

    static final Path SAMPLES = Path.of("etl/samples/kota-bekasi-2024");
    static final Path BAD = Path.of("src/test/resources/etl/bad");

    final SorotProperties properties;
    final Store store;
    final OpdService opds;
    final RuleService rules;
    final JobCatalog jobs;
    final RootAllocator allocator = new RootAllocator();
    final Loader loader;

    LoadFixture(Path dir) {
        this(dir, Path.of("."));
    }

    /** The same with {@code etl/} and {@code cubes/} of another home (its own reference rows). */
    LoadFixture(Path dir, Path home) {
        properties = Settings.withHome(dir.resolve("sorot.duckdb"), home);
        store = Store.open(properties.storeFile());
        opds = new OpdService(store, properties);
        rules = new RuleService(properties);
        jobs = JobCatalog.load(properties.etlDir(), Targets.all(), rules);
        loader = new Loader(store, opds, rules, allocator);
    }

    JobSpec job(String name) {
        return jobs.jobs().get(name);
    }

    LoadResult load(String job, Path file, boolean commit) throws Exception {
        return load(job(job), file, commit);
    }

    /** Loads (or previews) a file by a spec read from anywhere, for Kota Bekasi, as user "uji". */
    LoadResult load(JobSpec spec, Path file, boolean commit) throws Exception {
        return load(spec, file, new LoadRequest("3275", null, null, "uji"), commit);
    }

    LoadResult load(JobSpec spec, Path file, LoadRequest request, boolean commit) throws Exception {
        return loader.run(spec, Targets.all().get(spec.target()), SourceFile.of(file), request, commit, null);
    }

    long count(String sql) throws Exception {
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each row of a query as its values joined by {@code separator}, nulls as "null". */
    java.util.List<String> rows(String sql, String separator) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(i > 1 ? separator : "").append(rs.getString(i));
                out.add(b.toString());
            }
        }
        return out;
    }

    @Override
    public void close() {
        allocator.close();
        store.close();
    }
}
