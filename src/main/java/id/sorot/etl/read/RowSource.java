package id.sorot.etl.read;

import java.io.IOException;

/** Rows read one at a time, so a file of millions of rows is never held whole. */
public interface RowSource extends AutoCloseable {
    /** The next row, or null at the end. */
    Row next() throws IOException;

    @Override
    void close() throws IOException;
}
