package id.sorot.etl.read;

import java.util.Arrays;

/**
 * One logical record a layout yields: raw text per field slot, with the source row and column of
 * each value so a problem can point at the cell. A repeated layout yields several records per row.
 * Records of the same shape share their column map until a continuation row changes it, since a
 * large file makes millions of them.
 */
public final class Record {

    public final int row;
    public final Layout.Total total;
    public final String[] raw;
    public int[] column;
    int[] rowOf;
    private boolean ownColumns;
    public int continuationRow = -1;

    Record(int row, Layout.Total total, int slots) {
        this(row, total, new String[slots], filled(slots));
        ownColumns = true;
    }

    /** A record whose cells sit in {@code sharedColumns} (by slot, -1 for none); the array is not copied. */
    Record(int row, Layout.Total total, String[] raw, int[] sharedColumns) {
        this.row = row;
        this.total = total;
        this.raw = raw;
        this.column = sharedColumns;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** Sets a value found at column {@code col} of row {@code fromRow}. */
    void set(int slot, String value, int col, int fromRow) {
        raw[slot] = value;
        if (column[slot] != col) {
            if (!ownColumns) {
                column = column.clone();
                ownColumns = true;
            }
            column[slot] = col;
        }
        if (fromRow != row) {
            if (rowOf == null) {
                rowOf = new int[raw.length];
                Arrays.fill(rowOf, row);
            }
            rowOf[slot] = fromRow;
        }
    }

    /** The row a slot's value came from (a continuation row, or the record's own). */
    int rowOf(int slot) {
        return rowOf == null ? row : rowOf[slot];
    }

    public boolean isTotal() {
        return total != null;
    }
}
