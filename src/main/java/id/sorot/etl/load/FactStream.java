package id.sorot.etl.load;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Fact batches handed to DuckDB while the file is still being read: the reading threads put full
 * batches in, DuckDB's INSERT takes them out as an Arrow stream. On two cores this keeps DuckDB
 * writing while Java parses, instead of one waiting for the other, and only a few batches are ever
 * held. Once the load is known to fail ({@code failed}), batches are dropped and the stream ends
 * early: whatever DuckDB got is rolled back.
 */
final class FactStream extends ArrowReader {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
    private final Schema schema;
    private final BooleanSupplier failed;
    /** Set when DuckDB stops taking batches (the INSERT ended); later batches are dropped. */
    private volatile boolean closedForInput;

    private boolean ended;

    FactStream(BufferAllocator allocator, Schema schema, BooleanSupplier failed) {
        super(allocator);
        this.schema = schema;
        this.failed = failed;
    }

    /** Hands a sealed batch over; waits while DuckDB is behind. Takes ownership of the batch. */
    void put(VectorSchemaRoot batch) {
        if (failed.getAsBoolean()) {
            batch.close();
            end();
            return;
        }
        if (!offer(batch)) batch.close();
    }

    /** No more batches: DuckDB's INSERT finishes with what it has. */
    void end() {
        offer(END);
    }

    private boolean offer(Object item) {
        try {
            while (!closedForInput) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Called when the INSERT ended, however it ended: frees what it did not take. */
    void closeInput() {
        closedForInput = true;
        Object left;
        while ((left = queue.poll()) != null) {
            if (left instanceof VectorSchemaRoot root) root.close();
        }
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (ended) return false;
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for facts", e);
        }
        if (next == END) {
            ended = true;
            return false;
        }
        try (VectorSchemaRoot source = (VectorSchemaRoot) next) {
            VectorSchemaRoot target = getVectorSchemaRoot();
            for (int i = 0; i < source.getFieldVectors().size(); i++) {
                source.getVector(i).makeTransferPair(target.getVector(i)).transfer();
            }
            target.setRowCount(source.getRowCount());
        }
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        closeInput();
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }
}
