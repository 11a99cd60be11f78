package id.sorot.etl.load;

import id.sorot.etl.read.Amounts;
import id.sorot.etl.read.Converter;
import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Layout;
import id.sorot.etl.read.LayoutReader;
import id.sorot.etl.read.Problems;
import id.sorot.etl.read.Row;
import id.sorot.etl.read.RowSource;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.read.TableReader;
import id.sorot.etl.read.Typed;
import id.sorot.etl.target.FactBuffer;
import id.sorot.etl.target.Target;
import id.sorot.opd.OpdDirectory;
import id.sorot.rules.RuleService;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * What every pass over (part of) a file shares, and one pass itself: rows to records to typed values
 * to fact rows, with TOTAL rows and sums kept aside. The layout, the target, the parameters and the
 * OPD master are fixed for the load; each pass has its own reader, converter and {@link Pass}.
 */
final class Reading {

    /** How many rows of a file are read to find its header and the title's period. */
    private static final int HEAD_ROWS = 2000;

    private final Layout layout;
    private final SourceFile file;
    private final LayoutReader.Slots slots;
    private final Map<String, FieldType.Def> defs;
    private final Problems problems;
    private final Predicate<String> namesOpd;
    private final boolean strict;
    private final LoadParameters parameters;
    private final OpdDirectory dir;
    private final Target target;
    private final RuleService rules;
    private final BufferAllocator allocator;
    private final Consumer<VectorSchemaRoot> sink;
    private final LongConsumer progress;
    private final LongAdder seen = new LongAdder();

    Reading(
            Load load,
            LayoutReader.Slots slots,
            OpdDirectory dir,
            RuleService rules,
            BufferAllocator allocator,
            Consumer<VectorSchemaRoot> sink,
            LongConsumer progress) {
        this.layout = load.spec.layout();
        this.file = load.file;
        this.slots = slots;
        this.defs = load.target.fields();
        this.problems = load.problems;
        this.parameters = load.parameters;
        this.dir = dir;
        this.target = load.target;
        this.rules = rules;
        this.allocator = allocator;
        this.sink = sink;
        this.progress = progress;
        // a file of one OPD may name it in its title or a header cell; those rows are not data
        var opd = parameters.opd();
        this.namesOpd = text -> opd != null
                && dir.findOpd(opd.pemdaId(), text).map(o -> o.id() == opd.id()).orElse(false);
        // XLSX cells are typed by the workbook; text files are held to the layout's column count
        this.strict = !file.name().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    Layout layout() {
        return layout;
    }

    SourceFile file() {
        return file;
    }

    Problems problems() {
        return problems;
    }

    /** A fresh pass for the given run of the target, its facts going to the load's insert. */
    Pass pass(Target.Run run) {
        FactBuffer facts = new FactBuffer(allocator, target.columns(), sink);
        return new Pass(
                run,
                facts,
                new Target.Emit(target, rules, file.name(), facts, problems),
                new Sums(layout.totals(), slots),
                layout.combine() == null ? null : new Combine(layout.combine(), slots, defs, file.name(), problems));
    }

    /** The file's first rows, read for the header and the title's period only. */
    LayoutReader header() throws IOException {
        LayoutReader head = new LayoutReader(layout, file.name(), slots, new Problems(), namesOpd, strict);
        try (RowSource rows = TableReader.open(file)) {
            int[] left = {HEAD_ROWS};
            head.read(
                    new RowSource() {
                        @Override
                        public Row next() throws IOException {
                            return left[0]-- > 0 ? rows.next() : null;
                        }

                        @Override
                        public void close() {}
                    },
                    r -> {});
        }
        return head;
    }

    /** Reads rows into a pass: after {@code continuing}'s header when given, stopping where {@code ends} says. */
    LayoutReader read(Pass into, RowSource rows, LayoutReader continuing, LayoutReader.Ends ends) throws IOException {
        LayoutReader reader = new LayoutReader(layout, file.name(), slots, problems, namesOpd, strict);
        if (continuing != null) reader.continueAfter(continuing);
        reader.ends(ends);
        Converter converter = new Converter(
                slots,
                defs,
                parameters.pemda(),
                parameters.opd(),
                parameters.period(),
                reader,
                dir,
                layout,
                file.name(),
                problems);
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
            Combine combine = into.combine;
            String part = combine == null ? null : combine.cut(record);
            Typed typed = converter.convert(record);
            if (typed == null) return;
            if (combine != null) {
                // a source's totals add up its rows as printed, so sums see each part
                if (into.run.counts(typed)) into.sums.add(typed);
                combine.add(typed, part);
            } else {
                // emit first: a hierarchy's run learns from the row whether it counts (top level only)
                into.run.emit(typed, into.emit);
                if (into.run.counts(typed)) into.sums.add(typed);
            }
        });
        if (into.combine != null) into.combine.flush(t -> into.run.emit(t, into.emit));
        into.rowsRead += reader.dataRows();
        converter.unitsRead().forEach((field, units) -> into.units
                .computeIfAbsent(field, k -> EnumSet.noneOf(Amounts.Unit.class))
                .addAll(units));
        into.facts.finish();
        return reader;
    }
}
