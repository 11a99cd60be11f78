package id.sorot.etl.draft;

import id.sorot.etl.read.Layout;
import id.sorot.etl.read.Row;
import id.sorot.etl.read.RowSource;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.read.TableReader;
import id.sorot.opd.OpdDirectory;
import id.sorot.opd.Pemda;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a file no job recognises looks like: where its header is (one row, or up to four), the title lines
 * above it and the as-of date or year they give, which rows are data, totals and notes, and for
 * each column its header, the kind of its values and, for text, how many name an OPD or a pemda of
 * the master. The ground a draft spec is proposed on.
 *
 * @param headerLine the line of the header (1-based, as problems count rows)
 * @param headerRows 1 to 4: the first header row and those under it that name parts, units or column numbers
 * @param title the lines above the header, joined
 * @param titlePeriod a regular expression whose group reads the period in the title, or null
 * @param dataPattern what column 0 of a data row holds (a running number, a kode), or null when
 *     data rows are told by a filled column instead
 * @param totalColumn the column where total rows write "Jumlah" (or the pemda's name), -1 if none
 * @param totalPattern a regular expression for that cell, when there are total rows
 */
public record TableSketch(
        String file,
        int headerLine,
        int headerRows,
        String title,
        String titlePeriod,
        List<Column> columns,
        int dataRows,
        int totalRows,
        int noteRows,
        String dataPattern,
        int totalColumn,
        String totalPattern,
        List<List<String>> head) {

    /**
     * One column: its header, the kind most of its values have, a few of them, and how many of its
     * distinct text values name an OPD (or a pemda) of the master.
     */
    public record Column(
            int index,
            String header,
            List<String> headerCells,
            ColumnKind kind,
            List<String> samples,
            int filled,
            double opdMatch,
            double pemdaMatch,
            boolean splitByFunding) {}

    /** Rows read at most: a draft needs the shape of a table, not all of a large one. */
    static final int MAX_ROWS = 20_000;

    private static final Pattern NOTE =
            Pattern.compile("(?i)^(sumber|keterangan|catatan|ket\\.?|tujuan|sasaran|program|kegiatan)\\s*:.*");
    private static final Pattern KODE = Pattern.compile("\\d+(\\.\\d+)+");
    private static final Pattern TOTAL = Pattern.compile("(?i).*\\b(jumlah|total|rata-rata|rerata)\\b.*");
    private static final Pattern RUNNING_NUMBER = Pattern.compile("\\d+\\.?");
    private static final Pattern AS_OF =
            Pattern.compile("(?i)(?:per|s/?d|sampai dengan)\\s+(\\d{1,2}\\s+\\p{L}+\\s+(?:19|20)\\d\\d)");
    private static final Pattern YEAR = Pattern.compile("(?i)tahun\\s+((?:19|20)\\d\\d)");

    /** Reads the file and sketches it; {@code pemda} is whose OPD master the text columns are matched to. */
    public static TableSketch of(SourceFile file, OpdDirectory directory, Pemda pemda) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (RowSource source = TableReader.open(file)) {
            Row row;
            while (rows.size() < MAX_ROWS && (row = source.next()) != null) rows.add(row);
        }
        int h = headerIndex(rows);
        if (h < 0 || !numbersFollow(rows, h)) return empty(file.name());
        Row header = rows.get(h);
        int headerRows = 1;
        while (headerRows < 4 && h + headerRows < rows.size() && isSubHeader(rows.get(h + headerRows))) headerRows++;
        int width = 0;
        for (int i = h; i < rows.size(); i++) width = Math.max(width, lastFilled(rows.get(i)) + 1);

        StringBuilder title = new StringBuilder();
        for (int i = 0; i < h; i++) {
            String line = String.join(" ", cells(rows.get(i))).strip();
            if (!line.isEmpty()) title.append(title.isEmpty() ? "" : " ").append(line);
        }
        // the period may be in the title or in a header cell ("Nilai IKM Tahun 2024")
        StringBuilder searched = new StringBuilder(title);
        for (int i = h; i < h + headerRows; i++) searched.append(' ').append(String.join(" ", cells(rows.get(i))));
        String titlePeriod = null;
        if (AS_OF.matcher(searched).find()) titlePeriod = AS_OF.pattern();
        else if (YEAR.matcher(searched).find()) titlePeriod = YEAR.pattern();

        List<Row> data = new ArrayList<>();
        int totals = 0;
        int notes = 0;
        int totalColumn = -1;
        boolean pemdaTotal = false;
        for (int i = h + headerRows; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.blank()) continue;
            String first = firstFilled(r);
            if (NOTE.matcher(first).matches()) {
                notes++;
            } else if (isTotal(r, pemda)) {
                totals++;
                if (totalColumn < 0) totalColumn = textColumn(r);
                if (!TOTAL.matcher(firstText(r)).matches()) pemdaTotal = true;
            } else if (isRepeatedHeader(r, header)) {
                // the header printed again after a page break: the loader skips it too
            } else {
                data.add(r);
            }
        }
        // data rows are those with a running number (or a kode) in column 0, when nine in ten have one
        Pattern key = null;
        for (Pattern p : List.of(RUNNING_NUMBER, KODE)) {
            long n = data.stream()
                    .filter(r -> p.matcher(Layout.clean(r.cell(0))).matches())
                    .count();
            if (!data.isEmpty() && n >= 0.9 * data.size()) {
                key = p;
                break;
            }
        }
        if (key != null) {
            Pattern k = key;
            data.removeIf(r -> !k.matcher(Layout.clean(r.cell(0))).matches());
        }

        List<Column> columns = new ArrayList<>();
        String[] carried = new String[headerRows];
        java.util.Arrays.fill(carried, "");
        for (int c = 0; c < width; c++) {
            List<String> headerCells = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            boolean upperChanged = false;
            for (int r = 0; r < headerRows; r++) {
                Row hr = rows.get(h + r);
                if (isNumberRow(hr)) continue;
                String cell = Layout.clean(hr.cell(c));
                headerCells.add(cell);
                // a cell spans the columns to its right that it leaves blank, until a cell above changes
                if (!cell.isEmpty()) carried[r] = cell;
                else if (upperChanged || r == headerRows - 1) carried[r] = "";
                if (!cell.isEmpty()) upperChanged = true;
                if (!carried[r].isEmpty()) parts.add(carried[r]);
            }
            columns.add(column(c, String.join(" ", parts), headerCells, data, directory, pemda));
        }
        List<List<String>> head = new ArrayList<>();
        for (Row r : data.subList(0, Math.min(10, data.size()))) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < width; c++) line.add(Layout.clean(r.cell(c)));
            head.add(line);
        }
        return new TableSketch(
                file.name(),
                header.line(),
                headerRows,
                title.toString(),
                titlePeriod,
                columns,
                data.size(),
                totals,
                notes,
                key == null ? null : key.pattern(),
                totalColumn,
                totals == 0 ? null : TOTAL.pattern() + (pemdaTotal ? "|" + DraftSpec.literal(pemda.nama()) : ""),
                head);
    }

    private static TableSketch empty(String file) {
        return new TableSketch(file, 0, 0, "", null, List.of(), 0, 0, 0, null, -1, null, List.of());
    }

    /** Whether no header was found: a draft cannot be proposed. */
    public boolean headerless() {
        return headerLine == 0;
    }

    /**
     * The header: the first row of at least two text cells and no number (years aside) that has,
     * within the next six rows, at least two rows with a number.
     */
    private static int headerIndex(List<Row> rows) {
        // a title split by a ';' in a CSV has two cells, a header usually three or more
        int widest = -1;
        int widestCells = 1;
        for (int i = 0; i < Math.min(rows.size(), 60); i++) {
            List<String> cells = cells(rows.get(i));
            if (isNumberRow(rows.get(i))) continue;
            if (cells.stream().anyMatch(TableSketch::numericNotYear)) {
                if (widest >= 0) break;
                continue;
            }
            // the first row of three text cells or more; rows under it (parts, units) are its own
            if (cells.size() >= 3) return i;
            if (cells.size() > widestCells) {
                widest = i;
                widestCells = cells.size();
            }
        }
        return widest;
    }

    /** Whether some row in the ten after the header has a number: a table, not prose. */
    private static boolean numbersFollow(List<Row> rows, int h) {
        for (int j = h + 1; j < Math.min(rows.size(), h + 12); j++) {
            if (cells(rows.get(j)).stream().anyMatch(TableSketch::numericNotYear)) return true;
        }
        return false;
    }

    /** The row of column numbers some tables print under the header: 1, 2, 3 ... in order. */
    private static boolean isNumberRow(Row r) {
        int filled = 0;
        for (int c = 0; c < r.cells().length; c++) {
            String v = Layout.clean(r.cell(c));
            if (v.isEmpty()) continue;
            if (!v.equals(String.valueOf(c + 1))) return false;
            filled++;
        }
        return filled >= 3;
    }

    /** A further header row: two or more text cells (parts, units), or the column numbers; not a note. */
    private static boolean isSubHeader(Row r) {
        if (isNumberRow(r)) return true;
        List<String> cells = cells(r);
        if (cells.size() < 2) return false;
        if (RUNNING_NUMBER.matcher(Layout.clean(r.cell(0))).matches()) return false;
        return cells.stream().noneMatch(TableSketch::numericNotYear)
                && !NOTE.matcher(cells.getFirst()).matches();
    }

    private static boolean isRepeatedHeader(Row r, Row header) {
        for (int c = 0; c < Math.min(3, header.cells().length); c++) {
            if (!Layout.clean(r.cell(c)).equals(Layout.clean(header.cell(c)))) return false;
        }
        return true;
    }

    private static boolean isTotal(Row r, Pemda pemda) {
        // a numbered row is data, whatever its words ("Persentase total ...")
        if (RUNNING_NUMBER.matcher(Layout.clean(r.cell(0))).matches()) return false;
        String text = firstText(r);
        if (TOTAL.matcher(text).matches()) return true;
        // a pemda's own row above its OPDs ("Kota Bekasi", "Provinsi Jawa Barat") sums them
        return pemda != null
                && !RUNNING_NUMBER.matcher(Layout.clean(r.cell(0))).matches()
                && OpdDirectory.key(text).equals(OpdDirectory.key(pemda.nama()));
    }

    private static Column column(
            int c, String header, List<String> headerCells, List<Row> data, OpdDirectory directory, Pemda pemda) {
        Map<ColumnKind, Integer> counts = new EnumMap<>(ColumnKind.class);
        Set<String> distinct = new LinkedHashSet<>();
        List<String> samples = new ArrayList<>();
        int filled = 0;
        for (Row r : data) {
            String v = Layout.clean(r.cell(c));
            if (v.isEmpty() || v.equals("-")) continue;
            filled++;
            ColumnKind k = ColumnKind.of(v, header);
            counts.merge(k, 1, Integer::sum);
            if (k == ColumnKind.TEKS && distinct.size() < 2_000) distinct.add(v);
            if (samples.size() < 3 && !samples.contains(v)) samples.add(v);
        }
        ColumnKind kind = ColumnKind.KOSONG;
        if (filled > 0) {
            ColumnKind best = counts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            // numbers of mixed kinds (a few plain, most with %) take the majority; text wins a tie
            kind = counts.get(best) >= 0.6 * filled ? best : ColumnKind.TEKS;
            if (c == 0 && kind == ColumnKind.ANGKA && isRunning(data)) kind = ColumnKind.NOMOR;
        }
        double opd = 0;
        double pemdaRate = 0;
        if (kind == ColumnKind.TEKS && !distinct.isEmpty()) {
            int opds = 0;
            int pemdas = 0;
            for (String v : distinct) {
                if (pemda != null
                        && directory.findOpd(pemda.id(), withoutPart(v)).isPresent()) opds++;
                if (directory.pemda(v).isPresent()) pemdas++;
            }
            opd = (double) opds / distinct.size();
            pemdaRate = (double) pemdas / distinct.size();
        }
        boolean split = distinct.stream().anyMatch(v -> !withoutPart(v).equals(v));
        return new Column(
                c, header, List.copyOf(headerCells), kind, List.copyOf(samples), filled, opd, pemdaRate, split);
    }

    /** An OPD split by funding source is written "RSUD ... (BLUD)": the part does not name another OPD. */
    static String withoutPart(String v) {
        return v.replaceAll("\\s*\\((BLUD|APBD|Non[- ]?BLUD)\\)\\s*$", "");
    }

    private static boolean isRunning(List<Row> data) {
        return data.stream()
                .allMatch(r -> RUNNING_NUMBER.matcher(Layout.clean(r.cell(0))).matches());
    }

    private static boolean numericNotYear(String v) {
        ColumnKind k = ColumnKind.of(v, "");
        if (k == ColumnKind.TAHUN) return false;
        return k == ColumnKind.ANGKA || k == ColumnKind.PERSEN || k == ColumnKind.RUPIAH;
    }

    private static List<String> cells(Row r) {
        List<String> out = new ArrayList<>();
        for (String c : r.cells()) {
            String v = Layout.clean(c);
            if (!v.isEmpty()) out.add(v);
        }
        return out;
    }

    private static int lastFilled(Row r) {
        for (int c = r.cells().length - 1; c >= 0; c--) {
            if (!Layout.clean(r.cell(c)).isEmpty()) return c;
        }
        return -1;
    }

    private static String firstFilled(Row r) {
        List<String> cells = cells(r);
        return cells.isEmpty() ? "" : cells.getFirst();
    }

    private static int textColumn(Row r) {
        for (int c = 0; c < r.cells().length; c++) {
            String v = Layout.clean(r.cell(c));
            if (!v.isEmpty() && !RUNNING_NUMBER.matcher(v).matches()) return c;
        }
        return 0;
    }

    /** The first cell that is not a running number: where a total row writes "Jumlah". */
    private static String firstText(Row r) {
        for (String c : cells(r)) {
            if (!RUNNING_NUMBER.matcher(c).matches()) return c;
        }
        return "";
    }

    /** The column whose text names OPDs of the master best (at least half of its values), or -1. */
    public int opdColumn() {
        return best(true);
    }

    /** The column whose text names pemda of the reference best (at least half), or -1. */
    public int pemdaColumn() {
        return best(false);
    }

    private int best(boolean opd) {
        int best = -1;
        double rate = 0.5;
        for (Column c : columns) {
            double r = opd ? c.opdMatch() : c.pemdaMatch();
            if (r >= rate && (best < 0 || r > rate)) {
                best = c.index();
                rate = r;
            }
        }
        return best;
    }
}
