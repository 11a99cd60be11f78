package id.sorot.etl.load;

import id.sorot.base.duckdb.Store;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.read.Chunk;
import id.sorot.etl.read.EtlException;
import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Layout;
import id.sorot.etl.read.LayoutReader;
import id.sorot.etl.read.Periods;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.Problems;
import id.sorot.etl.read.RowSource;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.read.TableReader;
import id.sorot.etl.target.Target;
import id.sorot.opd.OpdDirectory;
import id.sorot.opd.OpdService;
import id.sorot.rules.RuleService;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;

/**
 * Runs one load from start to end: resolves its parameters, opens the target, streams the facts
 * into DuckDB while the file is read (in one pass or in parallel stretches), checks the source's
 * totals, then, in the same transaction, refuses duplicates, replaces what the same data loaded
 * before and records the batch. Any problem rolls everything back: a rejected load changes no fact,
 * and its problems are kept with its batch record. Each step is a class of its own; this one only
 * puts them in order.
 */
public final class Loader {

    private final Store store;
    private final OpdService opds;
    private final RuleService rules;
    private final BufferAllocator allocator;
    private final BatchLedger ledger;
    private final int confirmPercent;

    /** A load that would remove more than this share of the rows in its scope waits for a confirmation. */
    public static final int CONFIRM_PERCENT = 20;

    public Loader(Store store, OpdService opds, RuleService rules, BufferAllocator allocator) {
        this(store, opds, rules, allocator, CONFIRM_PERCENT);
    }

    public Loader(Store store, OpdService opds, RuleService rules, BufferAllocator allocator, int confirmPercent) {
        this.store = store;
        this.opds = opds;
        this.rules = rules;
        this.allocator = allocator;
        this.ledger = new BatchLedger(store);
        this.confirmPercent = confirmPercent;
    }

    /** Loads ({@code commit}) or previews a file; {@code progress}, when given, hears rows read so far. */
    public LoadResult run(
            JobSpec spec, Target target, SourceFile file, LoadRequest request, boolean commit, LongConsumer progress) {
        Load load = new Load(commit ? ledger.nextBatchId() : 0, spec, target, file, request, commit);
        Problems problems = load.problems;
        OpdDirectory dir = opds.directory();
        if (request != null
                && request.actor() != null
                && !request.actor().role().loadsInto(target.name())) {
            problems.add(Problem.of(
                    file.name(), "etl.error.role_target", request.actor().role().key(), target.name()));
            return refused(load, List.of());
        }
        load.parameters = LoadParameters.resolve(spec, request, file.name(), dir, problems);
        if (problems.any()) return rejected(load, List.of());

        // the target's i-th field gets slot i, as its Shape declared; fields the layout does not feed
        // read as null, or as the load's parameter (pemda, opd, tahun)
        LayoutReader.Slots slots = new LayoutReader.Slots();
        target.fields().keySet().forEach(slots::slot);
        Target.Run run;
        try (DuckDBConnection c = store.connect()) {
            LoadParameters p = load.parameters;
            run = target.open(new Target.Prepare(
                    c,
                    allocator,
                    dir,
                    p.pemda(),
                    p.opd(),
                    p.year(),
                    spec.options(),
                    file.name(),
                    new HashSet<>(spec.layout().fields())));
        } catch (SQLException e) {
            problems.add(Problem.of(file.name(), "etl.error.store", String.valueOf(e.getMessage())));
            return rejected(load, List.of());
        }
        load.phases.mark("prepare");

        // the rows go into the fact table under their batch while the file is still being read, inside
        // the load's transaction; checks and replacement then read them there, and any problem rolls
        // everything back
        FactInsert insert;
        try {
            insert = new FactInsert(store, allocator, target, load.tag, problems::any);
        } catch (SQLException e) {
            problems.add(Problem.of(file.name(), "etl.error.store", String.valueOf(e.getMessage())));
            return rejected(load, List.of());
        }
        try (insert) {
            Reading reading = new Reading(load, slots, dir, rules, allocator, insert::put, progress);
            Pass all = reading.pass(run);
            try {
                read(load, reading, all, slots);
            } finally {
                all.facts.close();
            }
            if (progress != null) progress.accept(load.rowsRead);
            try {
                insert.finish();
            } catch (SQLException e) {
                problems.add(Problem.of(file.name(), "etl.error.store", String.valueOf(e.getMessage())));
            }
            load.phases.mark("insert");
            if (problems.any()) {
                insert.rollback();
                return rejected(load, List.of());
            }
            return write(load, run, insert.connection(), all.facts.rows());
        }
    }

    /** Reads the whole file into {@code all}, then checks the source's totals against it. */
    private void read(Load load, Reading reading, Pass all, LayoutReader.Slots slots) {
        Problems problems = load.problems;
        SourceFile file = load.file;
        Layout layout = load.spec.layout();
        try {
            List<Chunk> chunks = ParallelRead.stretches(
                    layout, load.target, file, Runtime.getRuntime().availableProcessors());
            load.phases.count("stretches", chunks == null ? 1L : chunks.size());
            LayoutReader first;
            if (chunks == null) {
                try (RowSource rows = TableReader.prefetching(TableReader.open(file))) {
                    first = reading.read(all, rows, null, LayoutReader.Ends.ALL);
                }
            } else {
                first = ParallelRead.read(reading, all, chunks);
            }
            Integer year = load.parameters.year();
            Integer titleYear = titleYear(first.titlePeriod());
            if (titleYear != null && year != null && !titleYear.equals(year)) {
                problems.add(Problem.at(
                        file.name(), first.titlePeriodRow(), "etl.error.period_conflict", first.titlePeriod(), year));
            }
            load.phases.mark("read");
            load.checks.addAll(new TotalsCheck(slots, load.target.fields(), layout, rules)
                    .check(all.totals, all.sums, file.name(), problems));
        } catch (EtlException e) {
            e.problems().forEach(problems::add);
        } catch (IOException e) {
            problems.add(Problem.of(file.name(), "etl.error.unreadable", String.valueOf(e.getMessage())));
        }
        load.rowsRead = all.rowsRead;
        if (all.combine != null) load.rowsCombined = all.combine.combined();
        load.units = Load.units(all.units);
        load.head = all.facts.head(50);
    }

    /**
     * With every fact staged in the open transaction: refuses duplicates and rows outside what the
     * user may load, holds a load that would remove too much of what is there, then (when
     * committing) replaces what the same data loaded before, records the batch and commits.
     */
    private LoadResult write(Load load, Target.Run run, DuckDBConnection c, long rowsLoaded) {
        Target target = load.target;
        Problems problems = load.problems;
        String mine = "(SELECT * FROM " + target.table() + " WHERE batch_id = " + load.tag + ") AS mine";
        try {
            DuplicateCheck duplicates = new DuplicateCheck(opds.directory());
            duplicates.check(c, mine, target.key(), load.file.name(), problems);
            long before = problems.count();
            new ScopeCheck(opds.directory())
                    .check(
                            c,
                            target.table(),
                            mine,
                            load.request == null ? null : load.request.actor(),
                            load.file.name(),
                            problems);
            boolean outside = problems.count() > before;
            List<Integer> periods = periods(c, mine);
            if (!problems.any()) load.removal = Supersede.removal(c, load.tag, target, duplicates, confirmPercent);
            load.phases.mark("check");
            boolean held = load.removal != null
                    && load.removal.exceedsLimit()
                    && (load.request == null || !load.request.confirmedFor(target.name()));
            if (problems.any() || held || !load.commit) {
                c.rollback();
                if (outside) return refused(load, periods);
                if (problems.any()) return rejected(load, periods);
                if (held) return held(load, periods);
                return load.result(LoadResult.Status.VALID, 0, periods, List.of());
            }
            run.beforeInsert(c, load.batchId);
            List<Long> replaced = Supersede.replace(c, load.batchId, target);
            load.phases.mark("replace");
            ledger.checks(c, load, periods);
            ledger.loaded(c, load, rowsLoaded, periods, replaced);
            Supersede.markReplaced(c, target, replaced);
            c.commit();
            load.phases.mark("commit");
            return load.result(LoadResult.Status.LOADED, rowsLoaded, periods, replaced);
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is closed next, which discards the transaction anyway
            }
            problems.add(Problem.of(load.file.name(), "etl.error.store", String.valueOf(e.getMessage())));
            return rejected(load, List.of());
        }
    }

    /** The year a title's period names, or null when it names none Sorot can read (that is reported elsewhere). */
    private static Integer titleYear(String title) {
        if (title == null) return null;
        try {
            return Periods.parse(title, null).tahun();
        } catch (FieldType.Bad e) {
            return null;
        }
    }

    /** The load refused; recorded with its problems when it was meant to commit. */
    private LoadResult rejected(Load load, List<Integer> periods) {
        if (load.commit) ledger.notLoaded(load, "rejected", load.problems.count() + " problem(s)");
        return load.result(LoadResult.Status.REJECTED, 0, periods, List.of());
    }

    /** Not the user's to load (role or rows); recorded with the rows named when it was meant to commit. */
    private LoadResult refused(Load load, List<Integer> periods) {
        if (load.commit) ledger.notLoaded(load, "refused", load.problems.count() + " problem(s)");
        return load.result(LoadResult.Status.REFUSED, 0, periods, List.of());
    }

    /** Would remove too much: nothing changed; recorded as waiting for a confirmation when meant to commit. */
    private LoadResult held(Load load, List<Integer> periods) {
        LoadResult.Removal r = load.removal;
        if (load.commit) {
            ledger.notLoaded(
                    load,
                    "held",
                    "perlu konfirmasi: " + r.rowsRemoved() + " of " + r.rowsInScope() + " rows would be removed");
        }
        return load.result(LoadResult.Status.HELD, 0, periods, List.of());
    }

    private static List<Integer> periods(DuckDBConnection c, String rows) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT periode_id FROM " + rows + " ORDER BY 1")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    /** A file over the size limit is refused before a byte of it is read. */
    public LoadResult tooLarge(JobSpec spec, Target target, SourceFile file, long maxBytes) {
        Load load = new Load(0, spec, target, file, null, false);
        load.problems.add(Problem.of(file.name(), "etl.error.oversized", maxBytes / (1024 * 1024)));
        return load.result(LoadResult.Status.REJECTED, 0, List.of(), List.of());
    }
}
