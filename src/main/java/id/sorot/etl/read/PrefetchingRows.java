package id.sorot.etl.read;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads ahead on a second thread, in batches, so splitting lines overlaps with converting them: on
 * a file of millions of rows the two take about as long as each other.
 */
final class PrefetchingRows implements RowSource {
    private static final Row[] END = new Row[0];
    private static final int BATCH = 4096;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private final RowSource source;
    private final Thread thread;
    private Row[] batch = new Row[0];
    private int at;
    private boolean done;

    PrefetchingRows(RowSource source) {
        this.source = source;
        this.thread = Thread.ofPlatform().daemon().name("sorot-etl-reader").start(this::fill);
    }

    private void fill() {
        Row[] rows = new Row[BATCH];
        int n = 0;
        try {
            while (true) {
                rows = new Row[BATCH];
                n = 0;
                Row r;
                while (n < rows.length && (r = source.next()) != null) rows[n++] = r;
                queue.put(n == rows.length ? rows : Arrays.copyOf(rows, n));
                if (n < rows.length) {
                    queue.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            try {
                // the rows read before the failure go first, so their own problems are found too
                if (n > 0) queue.put(Arrays.copyOf(rows, n));
                queue.put(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Row next() throws IOException {
        while (at >= batch.length) {
            if (done) return null;
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading", e);
            }
            if (next instanceof EtlException e) throw new EtlException(e.problems());
            if (next instanceof IOException e) throw e;
            if (next instanceof RuntimeException e) throw e;
            if (next instanceof Exception e) throw new IOException(e);
            batch = (Row[]) next;
            at = 0;
            if (batch == END) done = true;
        }
        return batch[at++];
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        source.close();
    }
}
