package id.sorot.export;

import java.util.List;

/**
 * A table as it leaves Sorot: what it shows (title, the year and filters, the source, when it was
 * exported) and its typed columns. {@code values} are the raw values (numbers stay numbers for
 * CSV and XLSX); {@code shown} are the same cells as the screen formats them (PDF and PPTX).
 */
public record Table(
        String title,
        String context,
        String source,
        String exportedAt,
        List<Column> columns,
        List<List<Object>> values,
        List<List<String>> shown) {

    public Table {
        columns = List.copyOf(columns);
        values = values.stream().map(java.util.Collections::unmodifiableList).toList();
        shown = shown.stream().map(List::copyOf).toList();
        if (values.size() != shown.size()) throw new IllegalArgumentException("values and shown differ in rows");
    }

    public record Column(String header, Format format) {}

    /** What a column holds, which decides how a spreadsheet stores it. */
    public enum Format {
        TEXT,
        INTEGER,
        DECIMAL,
        /** percentage points: 85.95 means 85,95 % */
        PERCENT,
        RUPIAH
    }
}
