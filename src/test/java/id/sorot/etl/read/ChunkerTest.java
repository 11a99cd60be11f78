package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stretches start at line starts, cover the file once and know their first line. */
class ChunkerTest {

    @TempDir
    Path dir;

    @Test
    void stretches_cover_the_file_at_line_starts_with_their_line_numbers() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 10_000; i++)
            text.append(i).append(";OPD ").append(i % 7).append('\n');
        Path p = dir.resolve("rows.csv");
        Files.writeString(p, text);
        SourceFile file = SourceFile.of(p);
        List<Chunk> chunks = Chunker.chunks(file, ';', 4);
        assertThat(chunks).hasSize(4);
        assertThat(chunks.getFirst().from()).isZero();
        assertThat(chunks.getLast().to()).isEqualTo(file.size());
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).from()).isEqualTo(chunks.get(i - 1).to());
        }
        byte[] bytes = Files.readAllBytes(p);
        for (Chunk c : chunks) {
            try (RowSource rows = TableReader.open(file, c)) {
                Row first = rows.next();
                // line n holds the number n, so the first row of each stretch says its own line
                assertThat(first.cell(0)).isEqualTo(String.valueOf(c.firstLine()));
                assertThat(first.line()).isEqualTo(c.firstLine());
            }
            assertThat(c.from() == 0 || bytes[(int) c.from() - 1] == '\n').isTrue();
        }
    }

    @Test
    void a_quote_anywhere_keeps_the_file_in_one_pass() throws Exception {
        Path p = dir.resolve("quoted.csv");
        Files.writeString(p, "1;a\n".repeat(5_000) + "2;\"a\nb\"\n" + "3;c\n".repeat(5_000));
        assertThat(Chunker.chunks(SourceFile.of(p), ';', 4)).isNull();
    }
}
