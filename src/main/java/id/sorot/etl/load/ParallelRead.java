package id.sorot.etl.load;

import id.sorot.etl.read.Chunk;
import id.sorot.etl.read.EtlException;
import id.sorot.etl.read.Layout;
import id.sorot.etl.read.LayoutReader;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.RowSource;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.read.TableReader;
import id.sorot.etl.target.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a large file on several cores: split at line starts into stretches, each converted on a
 * thread of its own into a pass of its own (a fork of the target's run), all feeding the same
 * insert, and added together at the end. Only layouts whose rows stand alone can be split.
 */
final class ParallelRead {

    /** Files this large are converted on several cores when their layout and target allow it. */
    static final long PARALLEL_BYTES = 16L * 1024 * 1024;

    private ParallelRead() {}

    /**
     * The stretches to read in parallel, or null to read the file in one pass: one core, small files,
     * XLSX, quotes in the file, layouts whose rows depend on the rows before them (continuations,
     * values carried down, multi-row headers, rows combined), and targets that are not safe to split.
     */
    static List<Chunk> stretches(Layout layout, Target target, SourceFile file, int cores) throws IOException {
        if (!splittable(layout, target, file.size(), cores)) return null;
        return TableReader.chunks(file, Math.min(cores, 8));
    }

    static boolean splittable(Layout layout, Target target, long bytes, int cores) {
        return cores >= 2
                && bytes >= PARALLEL_BYTES
                && layout.continuation() == null
                && layout.fillDown().isEmpty()
                && layout.headerRows() == 1
                && layout.combine() == null
                && target.splittable(Set.copyOf(layout.fields()));
    }

    /**
     * Reads the header once to learn what every stretch needs (repeated values, the year in the
     * title), then converts the stretches, the first into {@code first}, which takes the others' counts.
     * Returns the first stretch's reader, which saw the header and the title.
     */
    static LayoutReader read(Reading reading, Pass first, List<Chunk> chunks) throws IOException {
        LayoutReader header = reading.header();
        List<Pass> passes = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            passes.add(i == 0 ? first : reading.pass(first.run.fork()));
        }
        SourceFile file = reading.file();
        List<Future<LayoutReader>> done = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(chunks.size())) {
            for (int i = 0; i < chunks.size(); i++) {
                int c = i;
                done.add(pool.submit(() -> {
                    try (RowSource rows = TableReader.open(file, chunks.get(c))) {
                        return reading.read(
                                passes.get(c),
                                rows,
                                c == 0 ? null : header,
                                c == 0 ? LayoutReader.Ends.HEADER : LayoutReader.Ends.NONE);
                    }
                }));
            }
            LayoutReader firstReader = null;
            for (Future<LayoutReader> f : done) {
                LayoutReader r = f.get();
                if (firstReader == null) firstReader = r;
            }
            for (int i = 1; i < passes.size(); i++) first.absorb(passes.get(i));
            if (first.rowsRead == 0) reading.problems().add(Problem.of(file.name(), "etl.error.no_rows"));
            return firstReader;
        } catch (ExecutionException e) {
            for (int i = 1; i < passes.size(); i++) passes.get(i).facts.close();
            if (e.getCause() instanceof EtlException x) throw x;
            if (e.getCause() instanceof IOException x) throw x;
            if (e.getCause() instanceof RuntimeException x) throw x;
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
