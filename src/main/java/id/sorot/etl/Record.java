package id.sorot.etl;

import java.util.Arrays;

/**
 * One logical record a layout yields: raw text per field slot, with the source row and column of
 * each value so a problem can point at the cell. A repeated layout yields several records per row.
 */
final class Record {

    final int row;
    final Layout.Total total;
    final String[] raw;
    final int[] column;
    final int[] rowOf;
    int continuationRow = -1;

    Record(int row, Layout.Total total, int slots) {
        this.row = row;
        this.total = total;
        this.raw = new String[slots];
        this.column = new int[slots];
        this.rowOf = new int[slots];
        Arrays.fill(column, -1);
        Arrays.fill(rowOf, row);
    }

    void set(int slot, String value, int col, int fromRow) {
        raw[slot] = value;
        column[slot] = col;
        rowOf[slot] = fromRow;
    }

    boolean isTotal() {
        return total != null;
    }
}
