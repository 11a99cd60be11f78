package id.sorot.etl.read;

import java.io.IOException;
import java.util.List;

/**
 * Turns a file into rows of text cells: tab-separated text as copied out of a PDF, CSV saved with
 * {@code ,} or {@code ;}, or an XLSX workbook (first sheet). Refuses what is not a table: an empty
 * file, binary data, text that is not UTF-8 (see {@link Sniffer}). Rows come one at a time; no file
 * is held whole.
 */
public final class TableReader {

    private TableReader() {}

    public static RowSource open(SourceFile file) throws IOException {
        return switch (Sniffer.sniff(file)) {
            case Sniffer.Xlsx x -> new XlsxRows(file);
            case Sniffer.Text t -> new TextRows(file, Delimiters.guess(file.name(), t.head()));
        };
    }

    /** One stretch of a text file, as {@link #chunks} cut it. */
    public static RowSource open(SourceFile file, Chunk chunk) throws IOException {
        return new TextRows(file, chunk.delimiter(), chunk.from(), chunk.to(), chunk.firstLine());
    }

    /** Rows read ahead on a second thread, so splitting lines overlaps with converting them. */
    public static RowSource prefetching(RowSource source) {
        return new PrefetchingRows(source);
    }

    /**
     * Splits a delimited text file into up to {@code n} stretches at line starts, for reading on
     * several cores. Null when the file cannot be split safely: XLSX, or a quote anywhere.
     */
    public static List<Chunk> chunks(SourceFile file, int n) throws IOException {
        if (!(Sniffer.sniff(file) instanceof Sniffer.Text t)) return null;
        return Chunker.chunks(file, Delimiters.guess(file.name(), t.head()), n);
    }
}
