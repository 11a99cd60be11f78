package id.sorot.etl.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * Walks a table's rows with a {@link Layout}: skips the preamble up to the first header, then
 * classifies every row as header repeat, data, total, continuation, noise to ignore, or blank.
 * A row that is none of these is a problem: it usually means the wrong job for the file.
 */
public final class LayoutReader {

    public interface Sink {
        void accept(Record record);
    }

    /** Field name to slot in a {@link Record}. */
    public static final class Slots {
        private final Map<String, Integer> slots = new java.util.LinkedHashMap<>();

        public int slot(String field) {
            return slots.computeIfAbsent(field, f -> slots.size());
        }

        public Integer find(String field) {
            return slots.get(field);
        }

        int size() {
            return slots.size();
        }

        /** Field names by slot. */
        public String[] names() {
            return slots.keySet().toArray(String[]::new);
        }

        Map<String, Integer> all() {
            return slots;
        }
    }

    private final Layout layout;
    private final String file;
    private final Slots slots;
    private final Problems problems;
    private final Predicate<String> namesOpd;
    private final boolean strictWidth;
    private final int width;

    private List<String> repeatValues;
    private String titlePeriod;
    private int titlePeriodRow;
    private boolean headerSeen;
    private boolean firstHeader;
    private long rowsRead;
    private long dataRows;
    private final List<Record> pending = new ArrayList<>();
    private boolean pendingOpen;
    private boolean lastWasIgnored;
    private String[] previousCells;

    public LayoutReader(
            Layout layout,
            String file,
            Slots slots,
            Problems problems,
            Predicate<String> namesOpd,
            boolean strictWidth) {
        this.layout = layout;
        this.file = file;
        this.slots = slots;
        this.problems = problems;
        this.namesOpd = namesOpd;
        this.strictWidth = strictWidth;
        this.width = layout.width();
    }

    /** Which end-of-file checks a pass makes: all, only "no header" (first stretch), or none. */
    public enum Ends {
        ALL,
        HEADER,
        NONE
    }

    private Ends ends = Ends.ALL;

    public void ends(Ends ends) {
        this.ends = ends;
    }

    /** Starts in the middle of a file whose header {@code head} has read. */
    public void continueAfter(LayoutReader head) {
        headerSeen = true;
        repeatValues = head.repeatValues;
        titlePeriod = head.titlePeriod;
        titlePeriodRow = head.titlePeriodRow;
    }

    long rowsRead() {
        return rowsRead;
    }

    public long dataRows() {
        return dataRows;
    }

    /** The period the title or header states, if the layout says where to find it. */
    public String titlePeriod() {
        return titlePeriod;
    }

    public int titlePeriodRow() {
        return titlePeriodRow;
    }

    public void read(RowSource rows, Sink sink) throws IOException {
        Row row;
        int skipHeader = 0;
        while ((row = rows.next()) != null) {
            rowsRead++;
            if (skipHeader > 0) {
                skipHeader--;
                // a group's values may stand on a lower header row, under one merged cell
                // ("Target" over 2024 | 2025 | 2026): the row naming the most groups names them
                if (firstHeader && layout.repeat() != null && layout.repeat().valuesFromHeader()) {
                    List<String> lower = headerValues(row);
                    if (lower.size() > repeatValues.size()) repeatValues = lower;
                }
                notePeriod(row);
                continue;
            }
            if (isHeader(row)) {
                firstHeader = !headerSeen;
                if (!headerSeen && layout.repeat() != null && layout.repeat().valuesFromHeader()) {
                    repeatValues = headerValues(row);
                }
                headerSeen = true;
                notePeriod(row);
                skipHeader = layout.headerRows() - 1;
                continue;
            }
            if (!headerSeen) {
                notePeriod(row);
                continue;
            }
            if (row.blank()) {
                continue;
            }
            if (layout.continuation() != null && layout.continuation().matches(row, namesOpd)) {
                if (pendingOpen) {
                    continueWith(row);
                    flush(sink);
                } else if (!lastWasIgnored) {
                    problems.add(Problem.at(file, row.line(), "etl.error.orphan_continuation"));
                }
                continue;
            }
            Layout.Total total = totalOf(row);
            if (total != null) {
                flush(sink);
                sink.accept(records(row, total).getFirst());
                lastWasIgnored = false;
                continue;
            }
            // noise is recognised before data, so a broad data pattern cannot swallow a "Sumber:" line
            if (ignored(row)) {
                flush(sink);
                lastWasIgnored = true;
                continue;
            }
            if (layout.data().matches(row, namesOpd)) {
                flush(sink);
                dataRows++;
                if (strictWidth && row.cells().length < width) {
                    problems.add(Problem.at(file, row.line(), "etl.error.short_row", row.cells().length, width));
                }
                pending.addAll(records(row, null));
                pendingOpen = layout.continuation() != null;
                if (!pendingOpen) {
                    flush(sink);
                }
                lastWasIgnored = false;
                continue;
            }
            flush(sink);
            problems.add(Problem.at(file, row.line(), "etl.error.unrecognised_row", preview(row)));
        }
        flush(sink);
        if (ends == Ends.NONE) {
            return;
        }
        if (!headerSeen) {
            problems.add(Problem.of(
                    file,
                    "etl.error.no_header",
                    String.join(
                            " | ",
                            layout.header().stream()
                                    .map(p -> p.pattern().replace("\\s*", " ").replace("\\", ""))
                                    .toList())));
        } else if (dataRows == 0 && ends == Ends.ALL) {
            problems.add(Problem.of(file, "etl.error.no_rows"));
        }
    }

    private boolean ignored(Row row) {
        for (Layout.Matcher m : layout.ignore()) {
            if (m.matches(row, namesOpd)) return true;
        }
        return false;
    }

    private void flush(Sink sink) {
        for (Record r : pending) {
            sink.accept(r);
        }
        pending.clear();
        pendingOpen = false;
    }

    private static String preview(Row row) {
        String text = String.join(" | ", row.cells()).strip();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private void notePeriod(Row row) {
        if (layout.titlePeriod() == null || titlePeriod != null) {
            return;
        }
        for (String cell : row.cells()) {
            Matcher m = layout.titlePeriod().matcher(cell);
            if (m.find()) {
                titlePeriod = m.group(1);
                titlePeriodRow = row.line();
                return;
            }
        }
    }

    /** The last first cell that failed the header's first pattern: data rows repeat it for thousands of rows. */
    private String notHeaderFirst;

    private boolean isHeader(Row row) {
        List<java.util.regex.Pattern> header = layout.header();
        if (header.isEmpty()) return true;
        String first = row.cell(0);
        if (first.equals(notHeaderFirst)) return false;
        if (!header.getFirst().matcher(Layout.clean(first)).matches()) {
            notHeaderFirst = first;
            return false;
        }
        for (int i = 1; i < header.size(); i++) {
            if (!header.get(i).matcher(Layout.clean(row.cell(i))).matches()) {
                return false;
            }
        }
        return true;
    }

    private List<String> headerValues(Row row) {
        Layout.Repeat r = layout.repeat();
        List<String> values = new ArrayList<>();
        for (int c = r.start(); c < row.cells().length; c += r.width()) {
            String v = Layout.clean(row.cell(c));
            if (v.isEmpty()) break;
            values.add(v);
        }
        return values;
    }

    private Layout.Total totalOf(Row row) {
        for (Layout.Total t : layout.totals()) {
            if (t.matcher().matches(row, namesOpd)) {
                return t;
            }
        }
        return null;
    }

    private int[][] columnSlots;
    private int[][] repeatSlots;
    /** Column by slot of plain (unrepeated) records: one array shared by all of them. */
    private int[] plainColumns;

    /** Column-to-slot pairs, looked up once per load rather than once per cell. */
    private void bindSlots() {
        if (columnSlots != null) return;
        columnSlots = layout.columns().entrySet().stream()
                .map(e -> new int[] {e.getKey(), slots.slot(e.getValue())})
                .toArray(int[][]::new);
        plainColumns = new int[slots.size()];
        java.util.Arrays.fill(plainColumns, -1);
        for (int[] cs : columnSlots) plainColumns[cs[1]] = cs[0];
        Layout.Repeat repeat = layout.repeat();
        repeatSlots = repeat == null
                ? new int[0][]
                : repeat.columns().entrySet().stream()
                        .map(e -> new int[] {e.getKey(), slots.slot(e.getValue())})
                        .toArray(int[][]::new);
    }

    private List<Record> records(Row row, Layout.Total total) {
        bindSlots();
        String[] cells = row.cells();
        if (!layout.fillDown().isEmpty() && total == null) {
            cells = cells.clone();
            for (int c : layout.fillDown()) {
                if (c < cells.length && cells[c].isBlank() && previousCells != null && c < previousCells.length) {
                    cells[c] = previousCells[c];
                } else if (c >= cells.length && previousCells != null) {
                    cells = java.util.Arrays.copyOf(cells, c + 1);
                    java.util.Arrays.fill(cells, row.cells().length, cells.length, "");
                    cells[c] = c < previousCells.length ? previousCells[c] : "";
                }
            }
            previousCells = cells;
        }
        Layout.Repeat repeat = layout.repeat();
        if (repeat == null) {
            // every plain record has its cells in the same columns: they share one column map
            String[] raw = new String[slots.size()];
            for (int[] cs : columnSlots) raw[cs[1]] = cell(cells, cs[0]);
            return List.of(new Record(row.line(), total, raw, plainColumns));
        }
        List<String> groups = values(repeat);
        int repeatField = slots.slot(repeat.field());
        List<Record> out = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            Record r = new Record(row.line(), total, slots.size());
            for (int[] cs : columnSlots) r.set(cs[1], cell(cells, cs[0]), cs[0], row.line());
            r.set(repeatField, groups.get(g), -1, row.line());
            int base = repeat.start() + g * repeat.width();
            for (int[] cs : repeatSlots) r.set(cs[1], cell(cells, base + cs[0]), base + cs[0], row.line());
            out.add(r);
            if (total != null) break;
        }
        return out;
    }

    private List<String> values(Layout.Repeat repeat) {
        if (!repeat.valuesFromHeader()) {
            return repeat.values();
        }
        return repeatValues == null ? List.of() : repeatValues;
    }

    private void continueWith(Row row) {
        String[] cells = row.cells();
        Layout.Repeat repeat = layout.repeat();
        for (int g = 0; g < pending.size(); g++) {
            Record r = pending.get(g);
            r.continuationRow = row.line();
            for (int c : layout.fillFromContinuation()) {
                for (Map.Entry<Integer, String> e : layout.columns().entrySet()) {
                    int slot = slots.slot(e.getValue());
                    if (e.getKey() == c && (r.raw[slot] == null || r.raw[slot].isBlank())) {
                        r.set(slot, cell(cells, c), c, row.line());
                    }
                }
            }
            // a cell wrapped onto the next row (often across a page break): its text joins the record's
            for (int c : layout.joinFromContinuation()) {
                String more = cell(cells, c).strip();
                if (more.isEmpty()) continue;
                for (Map.Entry<Integer, String> e : layout.columns().entrySet()) {
                    if (e.getKey() != c) continue;
                    int slot = slots.slot(e.getValue());
                    String before = r.raw[slot] == null ? "" : r.raw[slot].strip();
                    r.set(slot, before.isEmpty() ? more : before + " " + more, c, row.line());
                }
            }
            for (Map.Entry<Integer, String> e : layout.continuationColumns().entrySet()) {
                r.set(slots.slot(e.getValue()), cell(cells, e.getKey()), e.getKey(), row.line());
            }
            if (repeat != null) {
                int base = repeat.start() + g * repeat.width();
                for (Map.Entry<Integer, String> e : repeat.continuationColumns().entrySet()) {
                    int c = base + e.getKey();
                    r.set(slots.slot(e.getValue()), cell(cells, c), c, row.line());
                }
            }
        }
    }

    private static String cell(String[] cells, int i) {
        return i < cells.length ? cells[i] : "";
    }
}
