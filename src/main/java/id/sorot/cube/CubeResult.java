package id.sorot.cube;

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
}
