package id.sorot.etl.load;

import id.sorot.base.duckdb.Store;
import id.sorot.etl.target.FactBuffer;
import id.sorot.etl.target.Target;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.duckdb.DuckDBConnection;

/**
 * The INSERT of a load's facts into its fact table, on a thread of its own that DuckDB drives while
 * the file is still being read (see {@link FactStream}), in a transaction left open for the checks
 * and the replacement that follow. Closing it rolls back whatever was not committed.
 */
final class FactInsert implements AutoCloseable {

    private final DuckDBConnection connection;
    private final FactStream stream;
    private final ArrowArrayStream exported;
    private final Thread thread;
    private volatile SQLException error;

    /** Starts the INSERT; rows staged carry {@code batchId}. {@code stop} says when a problem ends the stream. */
    FactInsert(Store store, BufferAllocator allocator, Target target, long batchId, BooleanSupplier stop)
            throws SQLException {
        connection = store.connect();
        try {
            connection.setAutoCommit(false);
            List<FactBuffer.Column> columns = target.columns();
            stream = new FactStream(allocator, FactBuffer.schema(columns), stop);
            exported = ArrowArrayStream.allocateNew(allocator);
            Data.exportArrayStream(allocator, stream, exported);
            String arrow = "arrow_" + Math.abs(batchId);
            connection.registerArrowStream(arrow, exported);
            String cols = String.join(
                    ", ", columns.stream().map(FactBuffer.Column::name).toList());
            // by name: the order a target declares its columns in never has to match the table's
            String sql = "INSERT INTO " + target.table() + " (batch_id, " + cols + ") SELECT " + batchId + ", " + cols
                    + " FROM " + arrow;
            thread = Thread.ofPlatform().daemon().name("sorot-etl-insert").start(() -> {
                try (Statement s = connection.createStatement()) {
                    s.execute(sql);
                } catch (SQLException e) {
                    error = e;
                } finally {
                    stream.closeInput();
                }
            });
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The connection whose open transaction holds the staged facts. */
    DuckDBConnection connection() {
        return connection;
    }

    /** Hands a full batch to DuckDB, which takes ownership of it. */
    void put(VectorSchemaRoot batch) {
        stream.put(batch);
    }

    /** No more facts: waits for DuckDB to take the last of them. */
    void finish() throws SQLException {
        stream.end();
        join();
        if (error != null) throw error;
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection closes next, which discards the transaction anyway
        }
    }

    @Override
    public void close() {
        stream.end();
        join();
        rollback();
        exported.close();
        try {
            stream.close();
            connection.close();
        } catch (IOException | SQLException ignored) {
            // nothing was committed through this connection after this point
        }
    }
}
