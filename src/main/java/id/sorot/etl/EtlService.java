package id.sorot.etl;

import id.sorot.access.AccessProperties;
import id.sorot.access.AuditLog;
import id.sorot.base.SorotProperties;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.load.Loader;
import id.sorot.etl.read.EtlException;
import id.sorot.etl.read.Layout;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.Row;
import id.sorot.etl.read.RowSource;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.read.TableReader;
import id.sorot.etl.target.Targets;
import id.sorot.opd.OpdService;
import id.sorot.rules.RuleService;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Loading source tables into the store: the job catalog, loads and previews, batch history. The
 * UI's import screen, {@code POST /api/v1/etl/{job}} and {@code sorot etl} all come through here.
 */
@Service
public class EtlService {

    private final Store store;
    private final MessageSource messages;
    private static final Logger log = LoggerFactory.getLogger(EtlService.class);
    /** How often, at most, a request looks at the spec files for changes. */
    private static final long RECHECK_MILLIS = 1000;

    private final Path etlDir;
    private final RuleService rules;
    private volatile JobCatalog catalog;
    private volatile long checkedAt;
    private final Loader loader;
    private final BufferAllocator allocator = new RootAllocator();
    private final ReentrantLock writer = new ReentrantLock();
    private final long maxUploadBytes;
    private final AuditLog audit;

    public EtlService(
            Store store,
            OpdService opds,
            RuleService rules,
            SorotProperties properties,
            MessageSource messages,
            AccessProperties access,
            AuditLog audit) {
        this.store = store;
        this.messages = messages;
        this.etlDir = properties.etlDir();
        this.rules = rules;
        this.catalog = read();
        this.loader = new Loader(store, opds, rules, allocator, access.confirmPercent());
        this.maxUploadBytes = properties.maxUploadMb() * 1024L * 1024L;
        this.audit = audit;
    }

    public List<JobSpec> jobs() {
        return List.copyOf(catalog().jobs().values());
    }

    public Optional<JobSpec> job(String name) {
        return Optional.ofNullable(catalog().jobs().get(name));
    }

    /** The specs in etl/jobs that could not be read, with file, path and message. */
    public List<JobCatalog.Broken> brokenJobs() {
        return catalog().broken();
    }

    /** Reads etl/jobs again (a spec added, edited or removed), without a restart. */
    public synchronized JobCatalog reload() {
        catalog = read();
        checkedAt = System.currentTimeMillis();
        return catalog;
    }

    /** The catalog, read again when a spec file changed since (looked at once a second at most). */
    private JobCatalog catalog() {
        long now = System.currentTimeMillis();
        if (now - checkedAt >= RECHECK_MILLIS) {
            checkedAt = now;
            if (catalog.isStale(etlDir)) {
                synchronized (this) {
                    if (catalog.isStale(etlDir)) catalog = read();
                }
            }
        }
        return catalog;
    }

    private JobCatalog read() {
        JobCatalog c = JobCatalog.load(etlDir, Targets.all(), rules);
        for (JobCatalog.Broken b : c.broken()) {
            log.warn(
                    "job spec {} is broken and was left out: {}{}",
                    b.file(),
                    b.path().isEmpty() ? "" : b.path() + ": ",
                    b.message());
        }
        log.info(
                "{} job specs read from {}, {} broken",
                c.jobs().size(),
                etlDir.resolve("jobs"),
                c.broken().size());
        return c;
    }

    /** The largest upload accepted, in bytes. */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /**
     * Loads a file; one transaction, all or nothing. The request's actor limits it (role, pemda, own
     * OPD); a load that would remove too much of what is there waits for a confirmation; every
     * outcome goes to the audit log.
     */
    public LoadResult load(String job, SourceFile file, LoadRequest request, LongConsumer progress) {
        JobSpec spec = require(job);
        LoadResult result;
        if (file.size() > maxUploadBytes) {
            result = loader.tooLarge(spec, Targets.all().get(spec.target()), file, maxUploadBytes);
        } else {
            writer.lock();
            try {
                result = loader.run(spec, Targets.all().get(spec.target()), file, request, true, progress);
            } finally {
                writer.unlock();
            }
        }
        audit(request, result);
        return result;
    }

    private void audit(LoadRequest request, LoadResult r) {
        boolean confirmed =
                request.confirm() && r.removal() != null && r.removal().exceedsLimit();
        AuditLog.Action action =
                switch (r.status()) {
                    case LOADED -> confirmed ? AuditLog.Action.LOAD_CONFIRMED : AuditLog.Action.LOAD;
                    case HELD -> AuditLog.Action.LOAD_HELD;
                    case REFUSED -> AuditLog.Action.LOAD_REFUSED;
                    case REJECTED, VALID -> AuditLog.Action.LOAD_REJECTED;
                };
        AuditLog.Outcome outcome =
                switch (r.status()) {
                    case LOADED, VALID -> AuditLog.Outcome.OK;
                    case HELD, REFUSED -> AuditLog.Outcome.DENIED;
                    case REJECTED -> AuditLog.Outcome.FAILED;
                };
        StringBuilder detail = new StringBuilder("batch " + r.batchId() + ", " + r.target() + ", " + r.rowsLoaded()
                + " of " + r.rowsRead() + " rows loaded");
        if (!r.replacedBatches().isEmpty()) detail.append(", replaced batches ").append(r.replacedBatches());
        if (r.removal() != null && r.removal().rowsRemoved() > 0) {
            detail.append(", removes ")
                    .append(r.removal().rowsRemoved())
                    .append(" of ")
                    .append(r.removal().rowsInScope())
                    .append(" rows");
        }
        if (r.problemCount() > 0) {
            detail.append(", ").append(r.problemCount()).append(" problem(s): ");
            detail.append(render(r.problems().getFirst(), Locale.ENGLISH));
        }
        audit.record(request.user(), request.ip(), action, r.job() + " " + r.file(), detail.toString(), outcome);
    }

    /** Reads and checks a file as a load would, and writes nothing. */
    public LoadResult preview(String job, SourceFile file, LoadRequest request) {
        return preview(require(job), file, request);
    }

    /** The same by a spec that is not (yet) in etl/jobs: a draft being tried. */
    public LoadResult preview(JobSpec spec, SourceFile file, LoadRequest request) {
        if (file.size() > maxUploadBytes) {
            return loader.tooLarge(spec, Targets.all().get(spec.target()), file, maxUploadBytes);
        }
        return loader.run(spec, Targets.all().get(spec.target()), file, request, false, null);
    }

    /** The jobs whose header appears in the first rows of the file, best guess first. */
    public List<JobSpec> detect(SourceFile file) {
        List<JobSpec> out = new ArrayList<>();
        List<Row> head = new ArrayList<>();
        try (RowSource rows = TableReader.open(file)) {
            Row row;
            while (head.size() < 80 && (row = rows.next()) != null) head.add(row);
        } catch (IOException | EtlException e) {
            return out;
        }
        for (JobSpec spec : catalog().jobs().values()) {
            for (Row row : head) {
                List<java.util.regex.Pattern> header = spec.layout().header();
                boolean match = true;
                for (int i = 0; i < header.size() && match; i++) {
                    match = header.get(i).matcher(Layout.clean(row.cell(i))).matches();
                }
                if (match) {
                    out.add(spec);
                    break;
                }
            }
        }
        // a more specific header (more cells matched) is the better guess
        out.sort((a, b) -> b.layout().header().size() - a.layout().header().size());
        return out;
    }

    private JobSpec require(String job) {
        return job(job).orElseThrow(() -> new IllegalArgumentException("unknown job '" + job + "' (known: "
                + String.join(", ", catalog().jobs().keySet()) + ")"));
    }

    /** A problem as one line in the given language. */
    public String render(Problem problem, Locale locale) {
        return problem.render(messages, locale);
    }

    /** One row of the batch history. */
    public record Batch(
            long id,
            String job,
            String file,
            long size,
            String sha256,
            String periods,
            long rowsRead,
            long rowsLoaded,
            long rowsRejected,
            String user,
            LocalDateTime started,
            LocalDateTime finished,
            String status,
            String message) {}

    public List<Batch> history(int limit) {
        List<Batch> out = new ArrayList<>();
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT batch_id, job, file_name, file_size, sha256, periods, rows_read,"
                        + " rows_loaded, rows_rejected, loaded_by, started_at, finished_at, status, message FROM batch"
                        + " ORDER BY batch_id DESC LIMIT " + Math.max(1, limit))) {
            while (rs.next()) {
                out.add(new Batch(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getString(10),
                        rs.getObject(11, LocalDateTime.class),
                        rs.getObject(12, LocalDateTime.class),
                        rs.getString(13),
                        rs.getString(14)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the batch history: " + e.getMessage(), e);
        }
        return out;
    }

    /** Whether anything was ever loaded into the store. */
    public boolean storeIsEmpty() {
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM batch WHERE status <> 'rejected'")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        allocator.close();
    }
}
