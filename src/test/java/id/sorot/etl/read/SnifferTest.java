package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file's head says it is, and how Sorot refuses what is not a table. */
class SnifferTest {

    @TempDir
    Path dir;

    @Test
    void utf8_text_is_text_with_its_head() throws Exception {
        assertThat(Sniffer.sniff(file("a.tsv", "No\tPerangkat Daerah\n1\tDinas Pendidikan\n".getBytes())))
                .isEqualTo(new Sniffer.Text("No\tPerangkat Daerah\n1\tDinas Pendidikan\n"));
    }

    @Test
    void a_zip_is_a_workbook() throws Exception {
        assertThat(Sniffer.sniff(file("a.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0})))
                .isInstanceOf(Sniffer.Xlsx.class);
    }

    @Test
    void empty_binary_old_excel_and_cp1252_are_refused_with_their_reason() throws Exception {
        assertRefused(file("empty.tsv", new byte[0]), "etl.error.empty", null);
        assertRefused(file("bin.tsv", new byte[] {'a', 0, 'b'}), "etl.error.binary", null);
        assertRefused(
                file("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}), "etl.error.old_excel", null);
        byte[] cp1252 = "No\tNama\n1\tDinas Kesehatan\n2\tCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(file("cp1252.tsv", cp1252), "etl.error.not_utf8", 3);
    }

    private static void assertRefused(SourceFile file, String code, Integer row) {
        assertThatThrownBy(() -> Sniffer.sniff(file))
                .isInstanceOf(EtlException.class)
                .satisfies(e -> {
                    Problem p = ((EtlException) e).problems().getFirst();
                    assertThat(p.code()).isEqualTo(code);
                    assertThat(p.row()).isEqualTo(row);
                });
    }

    private SourceFile file(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return SourceFile.of(p);
    }
}
