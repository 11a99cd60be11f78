package id.sorot.etl;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.SorotTest;
import id.sorot.base.yaml.YamlNode;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each sample table saved the ways clerks save them (CSV with {@code ;}, CSV with {@code ,},
 * XLSX with numbers as numbers) reads into exactly the facts the original TSV gives.
 */
class EtlFormatsTest extends SorotTest {

    private static final Pattern ID_NUMBER = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");

    @Autowired
    EtlService etl;

    static Stream<Arguments> samples() {
        YamlNode manifest = YamlNode.load(Path.of("etl/samples/manifest.yml"), "manifest.yml");
        return manifest.list("loads").stream()
                .map(l -> Arguments.of(
                        l.string("job"),
                        l.string("file"),
                        new LoadRequest(
                                l.optString("pemda").orElse(null),
                                l.optString("period").orElse(null),
                                l.optString("opd").orElse(null),
                                "test")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void csv_and_xlsx_give_the_same_facts_as_tsv(String job, String file, LoadRequest request) throws Exception {
        Path tsv = Path.of("etl/samples").resolve(file);
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) rows.add(line.split("\t", -1));
        String stem = tsv.getFileName().toString().replace(".tsv", "");
        Path dir = Files.createDirectories(STORE_DIR.resolve("formats"));

        LoadResult original = etl.preview(job, SourceFile.of(tsv), request);
        assertThat(original.status()).as(original.problems().toString()).isEqualTo(LoadResult.Status.VALID);
        assertThat(original.head()).isNotEmpty();

        for (Path variant : List.of(
                csv(rows, dir.resolve(stem + "-semicolon.csv"), ';'),
                csv(rows, dir.resolve(stem + "-comma.csv"), ','),
                xlsx(rows, dir.resolve(stem + ".xlsx")))) {
            LoadResult r = etl.preview(job, SourceFile.of(variant), request);
            assertThat(r.status()).as(variant + ": " + r.problems()).isEqualTo(LoadResult.Status.VALID);
            assertThat(r.rowsRead()).as(variant.toString()).isEqualTo(original.rowsRead());
            assertThat(r.head()).as(variant.toString()).isEqualTo(original.head());
            assertThat(r.checks()).as(variant.toString()).isEqualTo(original.checks());
        }
    }

    /** CSV as a spreadsheet saves it: quotes around cells holding the delimiter or a quote. */
    private static Path csv(List<String[]> rows, Path file, char delimiter) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) out.append(delimiter);
                String cell = row[i];
                if (cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0) {
                    out.append('"').append(cell.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(cell);
                }
            }
            out.append("\r\n");
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    /** XLSX with Indonesian-formatted numbers stored as real numbers, the rest as text. */
    private static Path xlsx(List<String[]> rows, Path file) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Tabel");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                String[] cells = rows.get(r);
                for (int c = 0; c < cells.length; c++) {
                    String v = cells[c];
                    if (v.isEmpty()) continue;
                    if (ID_NUMBER.matcher(v.strip()).matches()) {
                        row.createCell(c)
                                .setCellValue(Double.parseDouble(
                                        v.strip().replace(".", "").replace(',', '.')));
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            book.write(out);
        }
        return file;
    }
}
