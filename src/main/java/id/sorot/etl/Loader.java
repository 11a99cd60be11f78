package id.sorot.etl;

import id.sorot.base.duckdb.Store;
import id.sorot.opd.Opd;
import id.sorot.opd.OpdDirectory;
import id.sorot.opd.OpdService;
import id.sorot.opd.Pemda;
import id.sorot.rules.BandSet;
import id.sorot.rules.RuleService;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Runs one load: reads the file with the job's layout, converts and checks every value, and only
 * if nothing is wrong writes the facts in one transaction that first removes what the same data
 * loaded before. A rejected load changes no fact; its problems are kept with the batch record.
 */
final class Loader {

    private final Store store;
    private final OpdService opds;
    private final RuleService rules;
    private final BufferAllocator allocator;

    Loader(Store store, OpdService opds, RuleService rules, BufferAllocator allocator) {
        this.store = store;
        this.opds = opds;
        this.rules = rules;
        this.allocator = allocator;
    }

    /**
     * Phase timings of the load running on this thread; a load runs start to end on one thread, and
     * this keeps the timing out of every method signature.
     */
    private static final ThreadLocal<Map<String, Long>> PHASES = ThreadLocal.withInitial(java.util.LinkedHashMap::new);

    private static long mark(String phase, long since) {
        long now = System.nanoTime();
        PHASES.get().merge(phase, (now - since) / 1_000_000, Long::sum);
        return now;
    }

    /** One load: what it is, what it has found, and the outcomes built from them. */
    private final class Load {
        final long batchId;
        final JobSpec spec;
        final Target target;
        final SourceFile file;
        final LoadRequest request;
        final boolean commit;
        final Instant started = Instant.now();
        final Problems problems = new Problems();
        final List<LoadResult.Check> checks = new ArrayList<>();
        final List<String> columns;
        Pemda pemda;
        Opd opd;
        long rowsRead;
        List<List<String>> head = List.of();

        Load(long batchId, JobSpec spec, Target target, SourceFile file, LoadRequest request, boolean commit) {
            this.batchId = batchId;
            this.spec = spec;
            this.target = target;
            this.file = file;
            this.request = request;
            this.commit = commit;
            this.columns =
                    target.columns().stream().map(FactBuffer.Column::name).toList();
        }

        LoadResult result(LoadResult.Status status, long rowsLoaded, List<Integer> periods, List<Long> replaced) {
            return new LoadResult(
                    batchId,
                    spec.name(),
                    target.name(),
                    file.name(),
                    file.size(),
                    file.sha256(),
                    status,
                    rowsRead,
                    rowsLoaded,
                    problems.rowCount(),
                    periods,
                    replaced,
                    problems.list(),
                    problems.count(),
                    List.copyOf(checks),
                    columns,
                    head,
                    Map.copyOf(PHASES.get()));
        }

        /** The load refused; recorded with its problems when it was meant to commit. */
        LoadResult rejected(List<Integer> periods) {
            if (commit) recordRejected(this);
            return result(LoadResult.Status.REJECTED, 0, periods, List.of());
        }
    }

    LoadResult run(
            JobSpec spec, Target target, SourceFile file, LoadRequest request, boolean commit, LongConsumer progress) {
        PHASES.get().clear();
        long clock = System.nanoTime();
        Load load = new Load(commit ? nextBatchId() : 0, spec, target, file, request, commit);
        Problems problems = load.problems;
        OpdDirectory dir = opds.directory();
        Layout layout = spec.layout();

        Pemda pemda = null;
        Opd paramOpd = null;
        Integer paramYear = null;
        if (request.pemda() != null && !request.pemda().isBlank()) {
            pemda = dir.pemda(request.pemda()).orElse(null);
            if (pemda == null) problems.add(Problem.of(file.name(), "etl.error.unknown_pemda", request.pemda()));
        } else if (spec.needs("pemda")) {
            problems.add(Problem.of(file.name(), "etl.error.missing_parameter", "pemda"));
        }
        if (request.opd() != null && !request.opd().isBlank() && pemda != null) {
            paramOpd = dir.findOpd(pemda.id(), request.opd()).orElse(null);
            if (paramOpd == null) {
                problems.add(Problem.of(
                        file.name(),
                        "etl.error.unknown_opd",
                        request.opd(),
                        pemda.nama(),
                        String.join("; ", dir.closestOpds(pemda.id(), request.opd(), 3))));
            }
        } else if (spec.needs("opd")) {
            problems.add(Problem.of(file.name(), "etl.error.missing_parameter", "opd"));
        }
        if (request.period() != null && !request.period().isBlank()) {
            try {
                paramYear = (Integer) FieldType.TAHUN.convert(request.period(), null);
            } catch (FieldType.Bad e) {
                problems.add(Problem.of(file.name(), e.code, e.args));
            }
        } else if (spec.needs("period") && layout.titlePeriod() == null) {
            problems.add(Problem.of(file.name(), "etl.error.missing_parameter", "period"));
        }

        load.pemda = pemda;
        load.opd = paramOpd;

        // the target's i-th field gets slot i, as its Shape declared; fields the layout does not feed
        // read as null, or as the load's parameter (pemda, opd, tahun)
        LayoutReader.Slots slots = new LayoutReader.Slots();
        Map<String, FieldType.Def> defs = target.fields();
        defs.keySet().forEach(slots::slot);
        target.attach(new java.util.HashSet<>(layout.fields()));
        if (!problems.any()) {
            try (DuckDBConnection c = store.connect()) {
                target.prepare(
                        new Target.Prepare(c, allocator, dir, pemda, paramOpd, paramYear, spec.options(), file.name()));
            } catch (SQLException e) {
                problems.add(Problem.of(file.name(), "etl.error.store", String.valueOf(e.getMessage())));
            }
            clock = mark("prepare", clock);
        }
        List<LoadResult.Check> checks = load.checks;
        // the rows go into the fact table under their batch while the file is still being read, inside
        // the load's transaction; checks and replacement then read them there, and any problem rolls
        // everything back
        long tag = commit ? load.batchId : -System.nanoTime();
        Insert insert = null;
        if (!problems.any()) {
            try {
                insert = new Insert(target, tag, problems);
            } catch (SQLException e) {
                problems.add(Problem.of(file.name(), "etl.error.store", String.valueOf(e.getMessage())));
            }
        }
        Pass all = new Pass(target, layout, problems, file.name(), insert);
        long rowsRead = 0;
        try {
            if (!problems.any()) {
                Opd fileOpd = paramOpd;
                Predicate<String> namesOpd = text -> fileOpd != null
                        && dir.findOpd(fileOpd.pemdaId(), text)
                                .map(o -> o.id() == fileOpd.id())
                                .orElse(false);
                boolean strict = !file.name().toLowerCase(Locale.ROOT).endsWith(".xlsx");
                java.util.concurrent.atomic.LongAdder seen = new java.util.concurrent.atomic.LongAdder();
                Reading reading = new Reading(
                        layout, file, slots, defs, problems, namesOpd, strict, pemda, paramOpd, paramYear, dir,
                        progress, seen);
                List<TableReader.Chunk> chunks = parallel(layout, target, file);
                PHASES.get().put("stretches", chunks == null ? 1L : chunks.size());
                LayoutReader first;
                if (chunks == null) {
                    try (TableReader.RowSource rows = TableReader.prefetching(TableReader.open(file))) {
                        first = reading.pass(all, rows, null, LayoutReader.Ends.ALL);
                    }
                } else {
                    first = readParallel(reading, all, target, file, chunks);
                }
                rowsRead = all.rowsRead;
                if (first.titlePeriod() != null
                        && paramYear != null
                        && !first.titlePeriod().equals(String.valueOf(paramYear))) {
                    problems.add(Problem.at(
                            file.name(),
                            first.titlePeriodRow(),
                            "etl.error.period_conflict",
                            first.titlePeriod(),
                            paramYear));
                }
                clock = mark("read", clock);
                checks.addAll(
                        checkTotals(all.totals, slots, defs, all.sums, all.weighted, file.name(), problems, layout));
            }
        } catch (EtlException e) {
            e.problems().forEach(problems::add);
        } catch (IOException e) {
            problems.add(Problem.of(file.name(), "etl.error.unreadable", String.valueOf(e.getMessage())));
        }
        FactBuffer facts = all.facts;
        if (progress != null) progress.accept(rowsRead);
        load.rowsRead = rowsRead;
        load.head = facts.head(50);
        try {
            if (insert != null) {
                try {
                    insert.finish();
                } catch (SQLException e) {
                    problems.add(Problem.of(file.name(), "etl.error.store", String.valueOf(e.getMessage())));
                }
                clock = mark("insert", clock);
            }
            if (problems.any()) {
                if (insert != null) insert.rollback();
                return load.rejected(List.of());
            }
            return write(load, insert.connection, tag, facts.rows());
        } finally {
            facts.close();
            if (insert != null) insert.close();
        }
    }

    /**
     * The INSERT of a load's facts into its fact table, on a thread of its own that DuckDB drives
     * while the file is read (see {@link FactStream}), in a transaction left open for the checks.
     */
    private final class Insert implements AutoCloseable {
        final DuckDBConnection connection;
        private final FactStream stream;
        private final ArrowArrayStream exported;
        private final Thread thread;
        private volatile SQLException error;

        Insert(Target target, long tag, Problems problems) throws SQLException {
            connection = store.connect();
            try {
                connection.setAutoCommit(false);
                List<FactBuffer.Column> columns = target.columns();
                stream = new FactStream(allocator, FactBuffer.schema(columns), problems::any);
                exported = ArrowArrayStream.allocateNew(allocator);
                Data.exportArrayStream(allocator, stream, exported);
                String arrow = "arrow_" + Math.abs(tag);
                connection.registerArrowStream(arrow, exported);
                String cols = String.join(
                        ", ", columns.stream().map(FactBuffer.Column::name).toList());
                String sql = "INSERT INTO " + target.table() + " (batch_id, " + cols + ") SELECT " + tag + ", " + cols
                        + " FROM " + arrow;
                thread = Thread.ofPlatform().daemon().name("sorot-etl-insert").start(() -> {
                    try (Statement s = connection.createStatement()) {
                        s.execute(sql);
                    } catch (SQLException e) {
                        error = e;
                    } finally {
                        stream.closeInput();
                    }
                });
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        void put(VectorSchemaRoot batch) {
            stream.put(batch);
        }

        /** No more facts: waits for DuckDB to take the last of them. */
        void finish() throws SQLException {
            stream.end();
            join();
            if (error != null) throw error;
        }

        private void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void rollback() {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection closes next, which discards the transaction anyway
            }
        }

        @Override
        public void close() {
            stream.end();
            join();
            rollback();
            exported.close();
            try {
                stream.close();
                connection.close();
            } catch (IOException | SQLException ignored) {
                // nothing was committed through this connection after this point
            }
        }
    }

    /** Files this large are converted on several cores when their layout and target allow it. */
    private static final long PARALLEL_BYTES = 16L * 1024 * 1024;

    /**
     * The stretches to read in parallel, or null to read the file in one pass: small files, XLSX,
     * quotes in the file, layouts whose rows depend on the rows before them (continuations, values
     * carried down, multi-row headers), and targets that are not safe to split.
     */
    private static List<TableReader.Chunk> parallel(Layout layout, Target target, SourceFile file) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2
                || file.size() < PARALLEL_BYTES
                || layout.continuation() != null
                || !layout.fillDown().isEmpty()
                || layout.headerRows() != 1
                || !target.splittable()) {
            return null;
        }
        return TableReader.chunks(file, Math.min(cores, 8));
    }

    /**
     * Reads the header once to learn what every stretch needs (repeated values, the year in the
     * title), then converts the stretches on one thread each into buffers of their own.
     */
    private LayoutReader readParallel(
            Reading reading, Pass all, Target target, SourceFile file, List<TableReader.Chunk> chunks)
            throws IOException {
        LayoutReader header = reading.header();
        List<Pass> passes = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            passes.add(
                    i == 0 ? all : new Pass(target.fork(), reading.layout, reading.problems, file.name(), all.insert));
        }
        List<java.util.concurrent.Future<LayoutReader>> done = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(chunks.size())) {
            for (int i = 0; i < chunks.size(); i++) {
                int c = i;
                done.add(pool.submit(() -> {
                    try (TableReader.RowSource rows = TableReader.open(file, chunks.get(c))) {
                        return reading.pass(
                                passes.get(c),
                                rows,
                                c == 0 ? null : header,
                                c == 0 ? LayoutReader.Ends.HEADER : LayoutReader.Ends.NONE);
                    }
                }));
            }
            LayoutReader first = null;
            for (var f : done) {
                LayoutReader r = f.get();
                if (first == null) first = r;
            }
            for (int i = 1; i < passes.size(); i++) all.absorb(passes.get(i));
            if (all.rowsRead == 0) reading.problems.add(Problem.of(file.name(), "etl.error.no_rows"));
            return first;
        } catch (java.util.concurrent.ExecutionException e) {
            for (int i = 1; i < passes.size(); i++) passes.get(i).facts.close();
            if (e.getCause() instanceof EtlException x) throw x;
            if (e.getCause() instanceof IOException x) throw x;
            if (e.getCause() instanceof RuntimeException x) throw x;
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** What every pass over (part of) a file shares: the layout, parameters, the OPD master, problems. */
    private record Reading(
            Layout layout,
            SourceFile file,
            LayoutReader.Slots slots,
            Map<String, FieldType.Def> defs,
            Problems problems,
            Predicate<String> namesOpd,
            boolean strict,
            Pemda pemda,
            Opd opd,
            Integer year,
            OpdDirectory dir,
            LongConsumer progress,
            java.util.concurrent.atomic.LongAdder seen) {

        /** The file's first rows, read for the header and the title's year only. */
        LayoutReader header() throws IOException {
            LayoutReader head = new LayoutReader(layout, file.name(), slots, new Problems(), namesOpd, strict);
            try (TableReader.RowSource rows = TableReader.open(file)) {
                int[] left = {2000};
                head.read(
                        new TableReader.RowSource() {
                            @Override
                            public TableReader.Row next() throws IOException {
                                return left[0]-- > 0 ? rows.next() : null;
                            }

                            @Override
                            public void close() {}
                        },
                        r -> {});
            }
            return head;
        }

        /** One pass: rows to records to typed values to fact rows, totals and sums kept aside. */
        LayoutReader pass(Pass into, TableReader.RowSource rows, LayoutReader continuing, LayoutReader.Ends ends)
                throws IOException {
            LayoutReader reader = new LayoutReader(layout, file.name(), slots, problems, namesOpd, strict);
            if (continuing != null) reader.continueAfter(continuing);
            reader.ends(ends);
            Converter converter = new Converter(
                    slots, defs, pemda, opd, year, reader, dir, layout.dashIsZero(), file.name(), problems);
            long[] mine = {0};
            reader.read(rows, record -> {
                if (record.isTotal()) {
                    into.totals.add(record);
                    return;
                }
                // the count shared across threads is touched once per 64k rows, not per row
                if (++mine[0] % 65_536 == 0) {
                    seen.add(65_536);
                    if (progress != null) progress.accept(seen.sum());
                }
                Target.Typed typed = converter.convert(record);
                if (typed == null) return;
                into.target.emit(typed, into.emit);
                if (into.target.counts(typed)) accumulate(typed, slots, into.sums, into.weighted, layout);
            });
            into.rowsRead += reader.dataRows();
            into.facts.finish();
            return reader;
        }
    }

    /** One pass's output: fact rows, TOTAL rows, and the sums those totals are checked against. */
    private final class Pass {
        final Target target;
        final FactBuffer facts;
        final Target.Emit emit;
        final Map<String, Double[]> sums = new HashMap<>();
        final Map<String, Double[]> weighted = new HashMap<>();
        final List<Record> totals = new ArrayList<>();
        long rowsRead;

        final Insert insert;

        Pass(Target target, Layout layout, Problems problems, String file, Insert insert) {
            this.target = target;
            this.insert = insert;
            // with no insert (the load failed before reading), nothing is read and nothing is kept
            this.facts =
                    new FactBuffer(allocator, target.columns(), insert != null ? insert::put : VectorSchemaRoot::close);
            this.emit = new Target.Emit(target, rules, file, facts, problems);
            for (Layout.Total t : layout.totals()) {
                for (Layout.Check c : t.checks().values()) {
                    if (!c.kind().equals("difference")) {
                        sums.put(c.of(), new Double[] {0.0, 0.0});
                        if (c.by() != null && !c.kind().equals("band")) sums.put(c.by(), new Double[] {0.0, 0.0});
                    }
                }
            }
        }

        void absorb(Pass other) {
            facts.absorb(other.facts);
            other.sums.forEach((k, v) -> {
                Double[] mine = sums.get(k);
                mine[0] += v[0];
                mine[1] += v[1];
            });
            other.weighted.forEach((k, v) -> {
                Double[] mine = weighted.computeIfAbsent(k, x -> new Double[] {0.0, 0.0});
                mine[0] += v[0];
                mine[1] += v[1];
            });
            totals.addAll(other.totals);
            rowsRead += other.rowsRead;
        }
    }

    /** A file over the size limit is refused before a byte of it is read. */
    LoadResult tooLarge(JobSpec spec, Target target, SourceFile file, long maxBytes) {
        PHASES.get().clear();
        Load load = new Load(0, spec, target, file, null, false);
        load.problems.add(Problem.of(file.name(), "etl.error.oversized", maxBytes / (1024 * 1024)));
        return load.result(LoadResult.Status.REJECTED, 0, List.of(), List.of());
    }

    private static Double numeric(Object v) {
        if (v instanceof Long h) return h / 100.0;
        if (v instanceof FieldType.PredikatNilai p) return p.hundredths() / 100.0;
        if (v instanceof FieldType.Quantity q) return q.value();
        if (v instanceof Integer i) return i.doubleValue();
        return null;
    }

    private static void accumulate(
            Target.Typed t,
            LayoutReader.Slots slots,
            Map<String, Double[]> sums,
            Map<String, Double[]> weighted,
            Layout layout) {
        for (Map.Entry<String, Double[]> e : sums.entrySet()) {
            Integer slot = slots.find(e.getKey());
            Double v = slot == null ? null : numeric(t.values[slot]);
            if (v != null) {
                e.getValue()[0] += v;
                e.getValue()[1] += 1;
            }
        }
        for (Layout.Total total : layout.totals()) {
            for (Layout.Check c : total.checks().values()) {
                if (!c.kind().equals("weighted")) continue;
                Integer a = slots.find(c.of());
                Integer b = slots.find(c.by());
                Double v = a == null ? null : numeric(t.values[a]);
                Double w = b == null ? null : numeric(t.values[b]);
                if (v != null && w != null) {
                    Double[] acc = weighted.computeIfAbsent(c.of() + "|" + c.by(), k -> new Double[] {0.0, 0.0});
                    acc[0] += v * w;
                    acc[1] += w;
                }
            }
        }
    }

    private List<LoadResult.Check> checkTotals(
            List<Record> totals,
            LayoutReader.Slots slots,
            Map<String, FieldType.Def> defs,
            Map<String, Double[]> sums,
            Map<String, Double[]> weighted,
            String file,
            Problems problems,
            Layout layout) {
        List<LoadResult.Check> out = new ArrayList<>();
        for (Record r : totals) {
            Layout.Total total = r.total;
            Map<String, Double> computedByField = new HashMap<>();
            for (Map.Entry<String, Layout.Check> e : total.checks().entrySet()) {
                String field = e.getKey();
                Layout.Check c = e.getValue();
                Integer slot = slots.find(field);
                String raw = slot == null ? null : r.raw[slot];
                if (raw == null || Layout.clean(raw).isEmpty()) continue;
                if (c.kind().equals("band")) {
                    Double[] acc = sums.get(c.of());
                    Double value = acc[1] == 0 ? null : c.by().equals("sum") ? acc[0] : acc[0] / acc[1];
                    BandSet band = rules.bandSet(c.band());
                    String label = band.label(value);
                    String reported = Layout.clean(raw);
                    boolean agrees = label != null
                            && (reported.equalsIgnoreCase(label)
                                    || reported.equalsIgnoreCase(String.valueOf(band.meaning(label))));
                    out.add(new LoadResult.Check(
                            total.name(), field, null, value, reported, label, agrees, band.version(), r.row));
                    if (!agrees && c.rejects(total)) {
                        problems.add(Problem.cell(
                                file,
                                r.row,
                                r.column[slot],
                                field,
                                raw,
                                "etl.error.total_label_mismatch",
                                total.name(),
                                reported,
                                label));
                    }
                    continue;
                }
                boolean money = defs.get(field) != null && defs.get(field).type() == FieldType.MONEY;
                long reportedHundredths;
                try {
                    reportedHundredths = IdNumbers.parseHundredths(raw, money, layout.dashIsZero());
                } catch (IdNumbers.NotANumber ex) {
                    problems.add(Problem.cell(file, r.row, r.column[slot], field, raw, ex.code));
                    continue;
                }
                if (reportedHundredths == IdNumbers.MISSING) continue;
                double reported = reportedHundredths / 100.0;
                Double computed =
                        switch (c.kind()) {
                            case "sum" -> sums.get(c.of())[0];
                            case "mean" -> sums.get(c.of())[1] == 0 ? null : sums.get(c.of())[0] / sums.get(c.of())[1];
                            case "ratio" ->
                                sums.get(c.by())[0] == 0 ? null : sums.get(c.of())[0] / sums.get(c.by())[0] * 100;
                            case "weighted" -> {
                                Double[] acc = weighted.get(c.of() + "|" + c.by());
                                yield acc == null || acc[1] == 0 ? null : acc[0] / acc[1];
                            }
                            case "difference" -> {
                                Double a = computedByField.get(c.of());
                                Double b = computedByField.get(c.by());
                                yield a == null || b == null ? null : a - b;
                            }
                            default -> null;
                        };
                if (computed == null) continue;
                computedByField.put(field, computed);
                boolean agrees = Math.abs(reported - RuleService.round2(computed)) <= total.tolerance() + 1e-9;
                out.add(new LoadResult.Check(
                        total.name(),
                        field,
                        reported,
                        computed,
                        null,
                        null,
                        agrees,
                        c.kind() + (c.by() == null ? "" : "(" + c.of() + "," + c.by() + ")"),
                        r.row));
                if (!agrees && c.rejects(total)) {
                    problems.add(Problem.cell(
                            file,
                            r.row,
                            r.column[slot],
                            field,
                            raw,
                            "etl.error.total_mismatch",
                            total.name(),
                            IdNumbers.format(reportedHundredths),
                            IdNumbers.format(Math.round(computed * 100))));
                }
            }
        }
        return out;
    }

    private LoadResult write(Load load, DuckDBConnection c, long tag, long rowsLoaded) {
        Target target = load.target;
        Problems problems = load.problems;
        String mine = "(SELECT * FROM " + target.table() + " WHERE batch_id = " + tag + ") AS mine";
        long clock = System.nanoTime();
        try {
            duplicates(c, mine, target, load.file.name(), problems);
            List<Integer> periods = periods(c, mine);
            clock = mark("check", clock);
            if (problems.any() || !load.commit) {
                c.rollback();
                return problems.any()
                        ? load.rejected(periods)
                        : load.result(LoadResult.Status.VALID, 0, periods, List.of());
            }
            target.beforeInsert(c, load.batchId);
            List<Long> replaced = replace(c, tag, target);
            clock = mark("replace", clock);
            writeChecks(c, load, periods);
            insertBatch(c, load, rowsLoaded, 0, "loaded", null, periods, replaced);
            markReplaced(c, target, replaced);
            c.commit();
            mark("commit", clock);
            return load.result(LoadResult.Status.LOADED, rowsLoaded, periods, replaced);
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is closed next, which discards the transaction anyway
            }
            problems.add(Problem.of(load.file.name(), "etl.error.store", String.valueOf(e.getMessage())));
            return load.rejected(List.of());
        }
    }

    /** Two rows naming the same fact (the same OPD and year, say) are refused, both named. */
    private void duplicates(DuckDBConnection c, String loaded, Target target, String file, Problems problems)
            throws SQLException {
        String key = String.join(", ", target.key());
        // most loads have none: find out with a plain count first, and list the rows only if there are
        try (Statement s = c.createStatement();
                ResultSet any = s.executeQuery(
                        "SELECT 1 FROM " + loaded + " GROUP BY " + key + " HAVING count(*) > 1 LIMIT 1")) {
            if (!any.next()) return;
        }
        String sql = "SELECT " + key + ", list(row_no ORDER BY row_no) FROM " + loaded + " GROUP BY " + key
                + " HAVING count(*) > 1 ORDER BY min(row_no) LIMIT 50";
        OpdDirectory dir = opds.directory();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> what = new ArrayList<>();
                for (int i = 0; i < target.key().size(); i++) {
                    what.add(describe(target.key().get(i), rs.getObject(i + 1), dir));
                }
                Object[] rows = (Object[]) rs.getArray(target.key().size() + 1).getArray();
                List<String> rowList = new ArrayList<>();
                for (Object o : rows) rowList.add(String.valueOf(o));
                problems.add(Problem.at(
                        file,
                        ((Number) rows[rows.length - 1]).intValue(),
                        "etl.error.duplicate",
                        String.join(", ", rowList),
                        String.join(" ", what)));
            }
        }
    }

    private static String describe(String column, Object value, OpdDirectory dir) {
        if (value == null) return "-";
        int v = ((Number) value).intValue();
        return switch (column) {
            case "opd_id" -> dir.opd(v) == null ? String.valueOf(v) : dir.opd(v).singkatan();
            case "unit_id" ->
                dir.unit(v) == null ? String.valueOf(v) : dir.unit(v).nama();
            case "pemda_id" ->
                dir.pemda(v) == null ? String.valueOf(v) : dir.pemda(v).nama();
            case "periode_id" -> v % 10 == 0 ? String.valueOf(v / 10) : "TW " + (v % 10) + " " + (v / 10);
            default -> column + " " + v;
        };
    }

    private static List<Integer> periods(DuckDBConnection c, String rows) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT periode_id FROM " + rows + " ORDER BY 1")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    /**
     * Deletes the facts this load supersedes (same target, same scope, another batch) and returns
     * the batches they came from.
     */
    private static List<Long> replace(DuckDBConnection c, long tag, Target target) throws SQLException {
        List<String> scope = target.scope();
        String table = target.table();
        StringBuilder match = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < scope.size(); i++) {
            if (i > 0) {
                match.append(" AND ");
                keys.append(", ");
            }
            match.append(expr(scope.get(i), table)).append(" = sc.k").append(i);
            keys.append(expr(scope.get(i), table)).append(" AS k").append(i);
        }
        String scopeTable = "scope_" + Math.abs(tag);
        String others =
                table + ".batch_id <> " + tag + " AND EXISTS (SELECT 1 FROM " + scopeTable + " sc WHERE " + match + ")";
        List<Long> replaced = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE " + scopeTable + " AS SELECT DISTINCT " + keys + " FROM " + table
                    + " WHERE batch_id = " + tag);
            try (ResultSet rs =
                    s.executeQuery("SELECT DISTINCT batch_id FROM " + table + " WHERE " + others + " ORDER BY 1")) {
                while (rs.next()) replaced.add(rs.getLong(1));
            }
            if (!replaced.isEmpty()) {
                s.execute("DELETE FROM " + table + " WHERE " + others);
                String ids =
                        String.join(",", replaced.stream().map(String::valueOf).toList());
                s.execute("DELETE FROM reported_check WHERE target = '" + target.name() + "' AND batch_id IN (" + ids
                        + ")");
            }
            s.execute("DROP TABLE " + scopeTable);
        }
        return replaced;
    }

    /** {@code year:periode_id} scopes by the year of a quarterly period. */
    private static String expr(String scope, String table) {
        if (scope.startsWith("year:")) {
            return "(" + table + "." + scope.substring(5) + " // 10)";
        }
        return table + "." + scope;
    }

    private static void markReplaced(DuckDBConnection c, Target target, List<Long> replaced) throws SQLException {
        for (long old : replaced) {
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT count(*) FROM " + target.table() + " WHERE batch_id = " + old)) {
                rs.next();
                String status = rs.getLong(1) == 0 ? "replaced" : "partly replaced";
                s.execute("UPDATE batch SET status = '" + status + "' WHERE batch_id = " + old);
            }
        }
    }

    private static void writeChecks(DuckDBConnection c, Load load, List<Integer> periods) throws SQLException {
        List<LoadResult.Check> checks = load.checks;
        Pemda pemda = load.pemda;
        Opd opd = load.opd;
        if (checks.isEmpty() || pemda == null) return;
        Integer periode = periods.size() == 1 ? periods.getFirst() / 10 * 10 : null;
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO reported_check VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LoadResult.Check k : checks) {
                ps.setLong(1, load.batchId);
                ps.setInt(2, pemda.id());
                ps.setString(3, load.target.name());
                ps.setObject(4, periode);
                ps.setObject(5, opd == null ? null : opd.id());
                ps.setString(6, k.subject());
                ps.setString(7, k.measure());
                ps.setObject(8, k.reported());
                ps.setObject(9, k.computed());
                ps.setString(10, k.reportedLabel());
                ps.setString(11, k.computedLabel());
                ps.setBoolean(12, k.agrees());
                ps.setString(13, k.rule());
                ps.setObject(14, k.row());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void recordRejected(Load load) {
        Problems problems = load.problems;
        try (DuckDBConnection c = store.connect()) {
            c.setAutoCommit(false);
            insertBatch(
                    c,
                    load,
                    0,
                    problems.rowCount(),
                    "rejected",
                    problems.count() + " problem(s)",
                    List.of(),
                    List.of());
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rejected_row")) {
                for (Problem p : problems.list()) {
                    a.beginRow();
                    a.append(load.batchId);
                    a.append(p.file());
                    appendInt(a, p.row());
                    appendInt(a, p.column());
                    appendText(a, p.field());
                    appendText(a, p.raw());
                    a.append(p.code() + " " + p.args());
                    a.endRow();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot record the rejected batch " + load.batchId + ": " + e.getMessage(), e);
        }
    }

    private static void appendInt(DuckDBAppender a, Integer v) throws SQLException {
        if (v == null) a.appendNull();
        else a.append((int) v);
    }

    private static void appendText(DuckDBAppender a, String v) throws SQLException {
        if (v == null) a.appendNull();
        else a.append(v);
    }

    private static void insertBatch(
            DuckDBConnection c,
            Load load,
            long rowsLoaded,
            long rowsRejected,
            String status,
            String message,
            List<Integer> periods,
            List<Long> replaced)
            throws SQLException {
        JobSpec spec = load.spec;
        SourceFile file = load.file;
        Pemda pemda = load.pemda;
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, load.batchId);
            ps.setString(2, spec.name());
            ps.setString(3, load.target.name());
            ps.setObject(4, pemda == null ? null : pemda.id());
            ps.setString(
                    5,
                    String.join(
                            ",",
                            new TreeSet<>(periods.stream()
                                    .map(p -> p % 10 == 0 ? String.valueOf(p / 10) : (p / 10) + "-TW" + (p % 10))
                                    .toList())));
            ps.setString(6, file.name());
            ps.setLong(7, file.size());
            ps.setString(8, file.sha256());
            ps.setLong(9, load.rowsRead);
            ps.setLong(10, rowsLoaded);
            ps.setLong(11, rowsRejected);
            ps.setString(12, load.request.user() == null ? "unknown" : load.request.user());
            ps.setTimestamp(13, Timestamp.from(load.started));
            ps.setTimestamp(14, Timestamp.from(Instant.now()));
            ps.setString(15, status);
            ps.setString(16, message);
            ps.setString(
                    17,
                    replaced.isEmpty()
                            ? null
                            : String.join(
                                    ",", replaced.stream().map(String::valueOf).toList()));
            ps.executeUpdate();
        }
    }

    private long nextBatchId() {
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT nextval('seq_batch')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot number a new batch: " + e.getMessage(), e);
        }
    }
}
