package id.sorot.etl.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits a delimited text file into stretches at line starts, numbering each one's first line, for
 * reading on several cores. Counting lines and looking for quotes runs in parallel too.
 */
final class Chunker {

    private Chunker() {}

    /**
     * Up to {@code n} stretches of a text file with the given delimiter; null when the file cannot
     * be split safely: a quote anywhere (a quoted cell may hold a line break).
     */
    static List<Chunk> chunks(SourceFile file, char delimiter, int n) throws IOException {
        long size = file.size();
        long[] starts = new long[n + 1];
        starts[n] = size;
        try (FileChannel ch = FileChannel.open(file.path())) {
            ByteBuffer one = ByteBuffer.allocate(1 << 16);
            for (int i = 1; i < n; i++) {
                long at = size * i / n;
                starts[i] = -1;
                while (at < size && starts[i] < 0) {
                    one.clear();
                    int read = ch.read(one, at);
                    if (read <= 0) break;
                    for (int k = 0; k < read; k++) {
                        if (one.get(k) == '\n') {
                            starts[i] = at + k + 1;
                            break;
                        }
                    }
                    at += read;
                }
                if (starts[i] < 0) starts[i] = size;
                starts[i] = Math.max(starts[i], starts[i - 1]);
            }
        }
        long[] newlines = new long[n];
        boolean[] quotes = new boolean[n];
        List<Future<?>> counts = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                int c = i;
                counts.add(pool.submit(() -> {
                    try (FileChannel ch = FileChannel.open(file.path())) {
                        ByteBuffer b = ByteBuffer.allocate(1 << 20);
                        long at = starts[c];
                        while (at < starts[c + 1]) {
                            b.clear();
                            b.limit((int) Math.min(b.capacity(), starts[c + 1] - at));
                            int read = ch.read(b, at);
                            if (read <= 0) break;
                            byte[] a = b.array();
                            long lines = 0;
                            for (int k = 0; k < read; k++) {
                                byte x = a[k];
                                if (x == '\n') lines++;
                                else if (x == '"') quotes[c] = true;
                            }
                            newlines[c] += lines;
                            at += read;
                        }
                    }
                    return null;
                }));
            }
            for (var f : counts) f.get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        for (boolean q : quotes) if (q) return null;
        List<Chunk> out = new ArrayList<>();
        long line = 1;
        for (int i = 0; i < n; i++) {
            if (starts[i + 1] > starts[i]) out.add(new Chunk(starts[i], starts[i + 1], (int) line, delimiter));
            line += newlines[i];
        }
        return out;
    }
}
