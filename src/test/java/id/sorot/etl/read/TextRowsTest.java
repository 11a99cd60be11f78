package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting lines into cells, where repeated cells are shared rather than copied. */
class TextRowsTest {

    @TempDir
    Path dir;

    @Test
    void shared_repeats_never_stand_in_for_a_different_cell() throws Exception {
        // cells that differ only in their last or first character, repeats in short cycles and in a
        // cycle longer than the per-column table (so entries collide and are replaced), and a column of
        // values that never repeat
        List<String[]> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String[] cycle = {"I", "II", "III", "IV", "V"};
        for (int i = 0; i < 10_000; i++) {
            String[] cells = {
                "5.01.01.2.01.000" + (i / 4 % 10),
                cycle[i % 4],
                cycle[i % 5],
                (i % 2 == 0 ? "A" : "B") + "BC",
                String.valueOf(1_000_000 + i * 7919L % 100_003),
                i % 3 == 0 ? "" : "x",
                (i * 37 % 100) + " Dokumen"
            };
            expected.add(cells);
            text.append(String.join(";", cells)).append('\n');
        }
        // a non-ASCII line takes the decoding path in between
        text.append("Kecamatan Bantargebang;é;x;x;1;x;1 Dokumen\n");
        expected.add(new String[] {"Kecamatan Bantargebang", "é", "x", "x", "1", "x", "1 Dokumen"});
        Path file = dir.resolve("cells.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);

        List<String[]> read = new ArrayList<>();
        try (RowSource rows = TableReader.open(SourceFile.of(file))) {
            Row r;
            while ((r = rows.next()) != null) read.add(r.cells());
        }
        assertThat(read).hasSameSizeAs(expected);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).as("line %d", i + 1).containsExactly(expected.get(i));
        }
    }
}
