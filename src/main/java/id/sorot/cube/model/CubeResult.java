package id.sorot.cube.model;

import id.sorot.etl.read.Record;
import java.util.List;

/** Rows answering a {@link CubeQuery}: dimensions first, then measures, in the order asked. */
public record CubeResult(List<Column> columns, List<List<Object>> rows) {

    /**
     * @param role "dimension" or "measure"
     * @param format for measures: decimal, percent, rupiah, integer or label
     */
    public record Column(String name, String role, String format) {}

    public int index(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) return i;
        }
        throw new IllegalArgumentException("no column " + name);
    }

    /** The values of one column, top to bottom. */
    public List<Object> column(String name) {
        int i = index(name);
        return rows.stream().map(r -> r.get(i)).toList();
    }

    /** The rows as records read by column name, for services that turn them into their own types. */
    public List<Record> records() {
        return rows.stream().map(Record::new).toList();
    }

    /** The first row, if any. */
    public java.util.Optional<Record> first() {
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Record(rows.getFirst()));
    }

    /** One row, its values read by column name. */
    public final class Record {
        private final List<Object> values;

        private Record(List<Object> values) {
            this.values = values;
        }

        public boolean has(String name) {
            return columns.stream().anyMatch(c -> c.name().equals(name));
        }

        public Object get(String name) {
            return values.get(index(name));
        }

        public String string(String name) {
            Object v = get(name);
            return v == null ? null : v.toString();
        }

        public Double decimal(String name) {
            return get(name) instanceof Number n ? n.doubleValue() : null;
        }

        public long count(String name) {
            return get(name) instanceof Number n ? n.longValue() : 0;
        }

        public Integer integer(String name) {
            return get(name) instanceof Number n ? n.intValue() : null;
        }
    }
}
