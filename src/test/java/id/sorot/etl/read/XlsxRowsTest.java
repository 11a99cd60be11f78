package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XLSX rows pulled from the sheet's XML read as the workbook shows them. */
class XlsxRowsTest {

    @TempDir
    Path dir;

    @Test
    void every_kind_of_cell_reads_as_text_sorot_parses() throws Exception {
        Path file = dir.resolve("kinds.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Realisasi");
            wb.createSheet("Second"); // only the first sheet is read
            CreationHelper help = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(help.createDataFormat().getFormat("dd/mm/yyyy"));
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("No");
            header.createCell(1).setCellValue("Perangkat Daerah");
            header.createCell(2).setCellValue("Realisasi (%)");
            XSSFRow data = sheet.createRow(2); // row 2 is missing: the next row is line 3
            data.createCell(0).setCellValue(1);
            data.createCell(1).setCellValue("Dinas Kesehatan");
            data.createCell(2).setCellValue(85.95);
            data.createCell(4).setCellValue(true); // column D left out
            data.createCell(5).setCellFormula("C3*2");
            data.createCell(6).setCellValue(java.sql.Date.valueOf(LocalDate.of(2024, 12, 31)));
            data.getCell(6).setCellStyle(date);
            data.createCell(7).setCellValue(184_000_000.0);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        List<Row> rows = read(file);
        assertThat(rows).extracting(Row::line).containsExactly(1, 3);
        assertThat(rows.get(0).cells()).containsExactly("No", "Perangkat Daerah", "Realisasi (%)");
        assertThat(rows.get(1).cells())
                .containsExactly("1", "Dinas Kesehatan", "85,95", "", "true", "171,9", "31/12/2024", "184000000");
    }

    @Test
    void inline_strings_and_a_streamed_workbook_read_the_same_way() throws Exception {
        Path file = dir.resolve("streamed.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            var sheet = wb.createSheet();
            for (int i = 0; i < 1_000; i++) {
                var r = sheet.createRow(i);
                r.createCell(0).setCellValue("OPD " + i);
                r.createCell(1).setCellValue(i + 0.5);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        List<Row> rows = read(file);
        assertThat(rows).hasSize(1_000);
        assertThat(rows.get(999).cells()).containsExactly("OPD 999", "999,5");
    }

    @Test
    void a_zip_that_is_no_workbook_is_a_problem_not_a_crash() throws Exception {
        Path file = dir.resolve("not-a-workbook.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            zip.write("halo".getBytes());
        }
        assertThatThrownBy(() -> read(file)).isInstanceOf(EtlException.class).satisfies(e -> assertThat(
                        ((EtlException) e).problems().getFirst().code())
                .isEqualTo("etl.error.bad_xlsx"));
    }

    @Test
    void a_cell_reference_gives_its_column() {
        assertThat(XlsxRows.column("A1", 9)).isZero();
        assertThat(XlsxRows.column("C7", 0)).isEqualTo(2);
        assertThat(XlsxRows.column("AA10", 0)).isEqualTo(26);
        assertThat(XlsxRows.column(null, 4)).isEqualTo(4);
    }

    private static List<Row> read(Path file) throws Exception {
        List<Row> out = new ArrayList<>();
        try (RowSource rows = TableReader.open(SourceFile.of(file))) {
            Row r;
            while ((r = rows.next()) != null) out.add(r);
        }
        return out;
    }
}
