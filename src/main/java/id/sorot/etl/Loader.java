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
import org.apache.arrow.vector.ipc.ArrowReader;
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

    LoadResult run(
            JobSpec spec, Target target, SourceFile file, LoadRequest request, boolean commit, LongConsumer progress) {
        Instant started = Instant.now();
        long batchId = commit ? nextBatchId() : 0;
        Problems problems = new Problems();
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

        LayoutReader.Slots slots = new LayoutReader.Slots();
        layout.fields().forEach(slots::slot);
        Map<String, FieldType.Def> defs = target.fields();
        for (String f : List.of("pemda", "opd", "tahun")) {
            if (defs.containsKey(f)) slots.slot(f);
        }
        target.bind(slots);
        if (!problems.any()) {
            try (DuckDBConnection c = store.connect()) {
                target.prepare(new Target.Prepare(c, dir, pemda, paramOpd, paramYear, spec.options(), file.name()));
            } catch (SQLException e) {
                problems.add(Problem.of(file.name(), "etl.error.store", String.valueOf(e.getMessage())));
            }
        }
        Map<String, Object> dimensionCache = new HashMap<>();
        String[] names = slots.all().keySet().toArray(String[]::new);
        Map<String, Double[]> sums = new HashMap<>();
        for (Layout.Total t : layout.totals()) {
            for (Layout.Check c : t.checks().values()) {
                if (!c.kind().equals("difference")) {
                    sums.put(c.of(), new Double[] {0.0, 0.0});
                    if (c.by() != null && !c.kind().equals("band")) sums.put(c.by(), new Double[] {0.0, 0.0});
                }
            }
        }
        Map<String, Double[]> weighted = new HashMap<>();
        List<Record> totals = new ArrayList<>();
        List<LoadResult.Check> checks = new ArrayList<>();
        FactBuffer facts = new FactBuffer(allocator, target.columns());
        Target.Emit emit = new Target.Emit(rules, file.name(), facts, problems);
        long rowsRead = 0;
        try {
            if (!problems.any()) {
                Pemda filePemda = pemda;
                Opd fileOpd = paramOpd;
                Integer year = paramYear;
                Predicate<String> namesOpd = text -> fileOpd != null
                        && dir.findOpd(fileOpd.pemdaId(), text)
                                .map(o -> o.id() == fileOpd.id())
                                .orElse(false);
                try (TableReader.RowSource rows = TableReader.open(file)) {
                    boolean strict = !file.name().toLowerCase(Locale.ROOT).endsWith(".xlsx");
                    LayoutReader reader = new LayoutReader(layout, file.name(), slots, problems, namesOpd, strict);
                    long[] seen = {0};
                    reader.read(rows, record -> {
                        if (++seen[0] % 100_000 == 0 && progress != null) progress.accept(seen[0]);
                        if (record.isTotal()) {
                            totals.add(record);
                            return;
                        }
                        Target.Typed typed = convert(
                                record,
                                names,
                                defs,
                                slots,
                                filePemda,
                                fileOpd,
                                year,
                                reader,
                                dir,
                                layout.dashIsZero(),
                                file.name(),
                                problems,
                                dimensionCache);
                        if (typed == null) return;
                        target.emit(typed, emit);
                        if (target.counts(typed)) accumulate(typed, slots, sums, weighted, layout);
                    });
                    rowsRead = reader.dataRows();
                    if (reader.titlePeriod() != null
                            && year != null
                            && !reader.titlePeriod().equals(String.valueOf(year))) {
                        problems.add(Problem.at(
                                file.name(),
                                reader.titlePeriodRow(),
                                "etl.error.period_conflict",
                                reader.titlePeriod(),
                                year));
                    }
                }
                checks.addAll(checkTotals(totals, slots, defs, sums, weighted, file.name(), problems, layout));
            }
        } catch (EtlException e) {
            e.problems().forEach(problems::add);
        } catch (IOException e) {
            problems.add(Problem.of(file.name(), "etl.error.unreadable", String.valueOf(e.getMessage())));
        }
        if (progress != null) progress.accept(rowsRead);

        List<String> columns =
                target.columns().stream().map(FactBuffer.Column::name).toList();
        List<List<String>> head = facts.head(50);
        try {
            if (problems.any()) {
                if (commit) recordRejected(batchId, spec, target, file, request, started, rowsRead, problems, pemda);
                return result(
                        batchId,
                        spec,
                        target,
                        file,
                        LoadResult.Status.REJECTED,
                        rowsRead,
                        0,
                        problems,
                        List.of(),
                        List.of(),
                        checks,
                        columns,
                        head);
            }
            return write(
                    batchId, spec, target, file, request, started, rowsRead, facts, problems, checks, commit, columns,
                    head, pemda, paramOpd);
        } finally {
            facts.close();
        }
    }

    /** A file over the size limit is refused before a byte of it is read. */
    LoadResult tooLarge(JobSpec spec, Target target, SourceFile file, long maxBytes) {
        Problems problems = new Problems();
        problems.add(Problem.of(file.name(), "etl.error.oversized", maxBytes / (1024 * 1024)));
        return result(
                0,
                spec,
                target,
                file,
                LoadResult.Status.REJECTED,
                0,
                0,
                problems,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    private static Target.Typed convert(
            Record r,
            String[] names,
            Map<String, FieldType.Def> defs,
            LayoutReader.Slots slots,
            Pemda filePemda,
            Opd fileOpd,
            Integer year,
            LayoutReader reader,
            OpdDirectory dir,
            boolean dashIsZero,
            String file,
            Problems problems,
            Map<String, Object> cache) {
        Object[] values = new Object[names.length];
        boolean bad = false;
        Pemda pemda = filePemda;
        Integer pemdaSlot = slots.find("pemda");
        if (pemdaSlot != null) {
            String raw = r.raw[pemdaSlot];
            if (raw != null && !raw.isBlank()) {
                try {
                    pemda = (Pemda) cached(FieldType.PEMDA, raw, new FieldType.Context(dir, null, dashIsZero), cache);
                } catch (FieldType.Bad e) {
                    problems.add(
                            Problem.cell(file, r.rowOf[pemdaSlot], r.column[pemdaSlot], "pemda", raw, e.code, e.args));
                    return null;
                }
            }
            if (pemda == null) {
                problems.add(Problem.at(file, r.row, "etl.error.no_pemda"));
                return null;
            }
            values[pemdaSlot] = pemda;
        }
        FieldType.Context ctx = new FieldType.Context(dir, pemda, dashIsZero);
        for (int s = 0; s < names.length; s++) {
            String field = names[s];
            if (field.equals("pemda")) continue;
            FieldType.Def def = defs.get(field);
            String raw = r.raw[s];
            Object value = null;
            if (raw == null && r.column[s] < 0) {
                if (field.equals("opd")) value = fileOpd;
                else if (field.equals("tahun")) {
                    value = year;
                    if (value == null && reader.titlePeriod() != null) {
                        try {
                            value = FieldType.TAHUN.convert(reader.titlePeriod(), ctx);
                        } catch (FieldType.Bad e) {
                            problems.add(Problem.at(file, reader.titlePeriodRow(), e.code, e.args));
                            bad = true;
                        }
                    }
                }
            } else {
                try {
                    value = isDimension(def.type())
                            ? cached(def.type(), raw, ctx, cache)
                            : def.type().convert(raw, ctx);
                } catch (FieldType.Bad e) {
                    problems.add(Problem.cell(file, r.rowOf[s], r.column[s], field, raw, e.code, e.args));
                    bad = true;
                    continue;
                }
            }
            if (value == null && def.required() && isDimension(def.type())) {
                problems.add(Problem.cell(
                        file, r.rowOf[s], r.column[s], field, raw == null ? "" : raw, "etl.error.missing_value"));
                bad = true;
            }
            values[s] = value;
        }
        return bad ? null : new Target.Typed(r, values);
    }

    /**
     * Dimension lookups (OPD names, pemda codes) repeat on most rows of a large file; each distinct
     * spelling is resolved once per load.
     */
    private static Object cached(FieldType type, String raw, FieldType.Context ctx, Map<String, Object> cache)
            throws FieldType.Bad {
        String key =
                type.ordinal() + "|" + (ctx.pemda() == null ? "" : ctx.pemda().id()) + "|" + raw;
        Object hit = cache.get(key);
        if (hit == null) {
            try {
                hit = type.convert(raw, ctx);
            } catch (FieldType.Bad e) {
                hit = e;
            }
            if (cache.size() < 200_000) cache.put(key, hit == null ? NULL : hit);
        }
        if (hit instanceof FieldType.Bad bad) throw bad;
        return hit == NULL ? null : hit;
    }

    private static final Object NULL = new Object();

    private static boolean isDimension(FieldType type) {
        return switch (type) {
            case PEMDA, OPD, UNIT, TAHUN, TRIWULAN -> true;
            default -> false;
        };
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

    private LoadResult write(
            long batchId,
            JobSpec spec,
            Target target,
            SourceFile file,
            LoadRequest request,
            Instant started,
            long rowsRead,
            FactBuffer facts,
            Problems problems,
            List<LoadResult.Check> checks,
            boolean commit,
            List<String> columns,
            List<List<String>> head,
            Pemda pemda,
            Opd paramOpd) {
        String staging = "stg_" + (commit ? batchId : "preview_" + System.nanoTime());
        long rowsLoaded = facts.rows();
        try (DuckDBConnection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
                        ArrowReader reader = facts.reader()) {
                    Data.exportArrayStream(allocator, reader, stream);
                    c.registerArrowStream(staging + "_arrow", stream);
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE TEMP TABLE " + staging + " AS SELECT * FROM " + staging + "_arrow");
                    }
                }
                duplicates(c, staging, target, file.name(), problems);
                List<Integer> periods = periods(c, staging);
                if (problems.any() || !commit) {
                    c.rollback();
                    if (problems.any() && commit) {
                        recordRejected(batchId, spec, target, file, request, started, rowsRead, problems, pemda);
                    }
                    return result(
                            batchId,
                            spec,
                            target,
                            file,
                            problems.any() ? LoadResult.Status.REJECTED : LoadResult.Status.VALID,
                            rowsRead,
                            0,
                            problems,
                            periods,
                            List.of(),
                            checks,
                            columns,
                            head);
                }
                target.beforeInsert(c, staging, batchId);
                List<Long> replaced = replace(c, staging, target);
                String cols = String.join(", ", columns);
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO " + target.table() + " (batch_id, " + cols + ") SELECT " + batchId + ", "
                            + cols + " FROM " + staging);
                    s.execute("DROP TABLE " + staging);
                }
                writeChecks(c, batchId, target, checks, pemda, paramOpd, periods);
                insertBatch(
                        c,
                        batchId,
                        spec,
                        target,
                        file,
                        request,
                        started,
                        rowsRead,
                        rowsLoaded,
                        0,
                        "loaded",
                        null,
                        pemda,
                        periods,
                        replaced);
                markReplaced(c, target, replaced);
                c.commit();
                return result(
                        batchId,
                        spec,
                        target,
                        file,
                        LoadResult.Status.LOADED,
                        rowsRead,
                        rowsLoaded,
                        problems,
                        periods,
                        replaced,
                        checks,
                        columns,
                        head);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            problems.add(Problem.of(file.name(), "etl.error.store", String.valueOf(e.getMessage())));
            if (commit) recordRejected(batchId, spec, target, file, request, started, rowsRead, problems, pemda);
            return result(
                    batchId,
                    spec,
                    target,
                    file,
                    LoadResult.Status.REJECTED,
                    rowsRead,
                    0,
                    problems,
                    List.of(),
                    List.of(),
                    checks,
                    columns,
                    head);
        }
    }

    /** Two rows naming the same fact (the same OPD and year, say) are refused, both named. */
    private void duplicates(DuckDBConnection c, String staging, Target target, String file, Problems problems)
            throws SQLException {
        String key = String.join(", ", target.key());
        String sql = "SELECT " + key + ", list(row_no ORDER BY row_no) FROM " + staging + " GROUP BY " + key
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

    private static List<Integer> periods(DuckDBConnection c, String staging) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT periode_id FROM " + staging + " ORDER BY 1")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    /** Deletes the facts this load supersedes (same target, same scope) and returns the batches they came from. */
    private static List<Long> replace(DuckDBConnection c, String staging, Target target) throws SQLException {
        List<String> scope = target.scope();
        String table = target.table();
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < scope.size(); i++) {
            if (i > 0) match.append(" AND ");
            match.append(expr(scope.get(i), table)).append(" = sc.k").append(i);
        }
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < scope.size(); i++) {
            if (i > 0) keys.append(", ");
            keys.append(expr(scope.get(i), staging)).append(" AS k").append(i);
        }
        List<Long> replaced = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE " + staging + "_scope AS SELECT DISTINCT " + keys + " FROM "
                    + staging);
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT batch_id FROM " + table
                    + " WHERE EXISTS (SELECT 1 FROM " + staging + "_scope sc WHERE " + match + ") ORDER BY 1")) {
                while (rs.next()) replaced.add(rs.getLong(1));
            }
            s.execute("DELETE FROM " + table + " WHERE EXISTS (SELECT 1 FROM " + staging + "_scope sc WHERE " + match
                    + ")");
            if (!replaced.isEmpty()) {
                String ids =
                        String.join(",", replaced.stream().map(String::valueOf).toList());
                s.execute("DELETE FROM reported_check WHERE target = '" + target.name() + "' AND batch_id IN (" + ids
                        + ")");
            }
            s.execute("DROP TABLE " + staging + "_scope");
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

    private static void writeChecks(
            DuckDBConnection c,
            long batchId,
            Target target,
            List<LoadResult.Check> checks,
            Pemda pemda,
            Opd opd,
            List<Integer> periods)
            throws SQLException {
        if (checks.isEmpty() || pemda == null) return;
        Integer periode = periods.size() == 1 ? periods.getFirst() / 10 * 10 : null;
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO reported_check VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LoadResult.Check k : checks) {
                ps.setLong(1, batchId);
                ps.setInt(2, pemda.id());
                ps.setString(3, target.name());
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

    private void recordRejected(
            long batchId,
            JobSpec spec,
            Target target,
            SourceFile file,
            LoadRequest request,
            Instant started,
            long rowsRead,
            Problems problems,
            Pemda pemda) {
        try (DuckDBConnection c = store.connect()) {
            c.setAutoCommit(false);
            insertBatch(
                    c,
                    batchId,
                    spec,
                    target,
                    file,
                    request,
                    started,
                    rowsRead,
                    0,
                    problems.rowCount(),
                    "rejected",
                    problems.count() + " problem(s)",
                    pemda,
                    List.of(),
                    List.of());
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rejected_row")) {
                for (Problem p : problems.list()) {
                    a.beginRow();
                    a.append(batchId);
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
            throw new IllegalStateException("cannot record the rejected batch " + batchId + ": " + e.getMessage(), e);
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
            long batchId,
            JobSpec spec,
            Target target,
            SourceFile file,
            LoadRequest request,
            Instant started,
            long rowsRead,
            long rowsLoaded,
            long rowsRejected,
            String status,
            String message,
            Pemda pemda,
            List<Integer> periods,
            List<Long> replaced)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, batchId);
            ps.setString(2, spec.name());
            ps.setString(3, target.name());
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
            ps.setLong(9, rowsRead);
            ps.setLong(10, rowsLoaded);
            ps.setLong(11, rowsRejected);
            ps.setString(12, request.user() == null ? "unknown" : request.user());
            ps.setTimestamp(13, Timestamp.from(started));
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

    private static LoadResult result(
            long batchId,
            JobSpec spec,
            Target target,
            SourceFile file,
            LoadResult.Status status,
            long rowsRead,
            long rowsLoaded,
            Problems problems,
            List<Integer> periods,
            List<Long> replaced,
            List<LoadResult.Check> checks,
            List<String> columns,
            List<List<String>> head) {
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
                head);
    }
}
