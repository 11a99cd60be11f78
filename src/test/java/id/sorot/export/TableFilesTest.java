package id.sorot.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.export.Table.Column;
import id.sorot.export.Table.Format;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** CSV and XLSX read back: numbers are numbers, source text that looks like a formula stays text. */
class TableFilesTest {

    static final List<String> ATTACKS = List.of(
            "=HYPERLINK(\"http://evil.example\",\"klik\")", "+62-21-555", "-2+3", "@SUM(A1:A9)", "\tTAB", "=1+1");

    static Table table() {
        List<Column> columns = List.of(
                new Column("OPD", Format.TEXT),
                new Column("Peringkat", Format.INTEGER),
                new Column("Nilai", Format.DECIMAL),
                new Column("Realisasi", Format.PERCENT),
                new Column("Anggaran", Format.RUPIAH));
        List<List<Object>> values = new ArrayList<>();
        values.add(Arrays.asList("BAPPELITBANGDA", 1, 85.02, 85.95, 7_533_144_934_916L));
        values.add(Arrays.asList("DINAS; \"PERUMAHAN\"", 2, -0.98, 0.5, 1000L));
        values.add(Arrays.asList(null, null, null, null, null));
        // binary noise is dropped, real decimals kept; NaN is no number at all
        values.add(Arrays.asList("NOISE", 4, 85.02 - 82.16, 88.1575, Double.NaN));
        for (String attack : ATTACKS) values.add(Arrays.asList(attack, 3, 1.5, 2.25, 10L));
        List<List<String>> shown = values.stream()
                .map(r ->
                        r.stream().map(v -> v == null ? "–" : String.valueOf(v)).toList())
                .toList();
        return new Table(
                "Peringkat AKIP 2024",
                "Kota Bekasi, 2024",
                "Sumber: LHE AKIP",
                "Diekspor 22 November 2026",
                columns,
                values,
                shown);
    }

    @Test
    void csv_is_utf8_with_bom_semicolons_and_decimal_commas() {
        byte[] bytes = TableFiles.csv(table());
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("OPD;Peringkat;Nilai;Realisasi (%);Anggaran (Rp)");
        assertThat(lines[1]).isEqualTo("BAPPELITBANGDA;1;85,02;85,95;7533144934916");
        // a separator or quote inside text is quoted; a negative number stays a number
        assertThat(lines[2]).isEqualTo("\"DINAS; \"\"PERUMAHAN\"\"\";2;-0,98;0,5;1000");
        assertThat(lines[3]).isEqualTo(";;;;");
        assertThat(lines[4]).isEqualTo("NOISE;4;2,86;88,1575;");
        assertThat(lines).hasSize(3 + 2 + ATTACKS.size());
    }

    @Test
    void csv_neutralises_text_that_a_spreadsheet_would_run() {
        String csv = new String(TableFiles.csv(table()), StandardCharsets.UTF_8);
        List<String> firstCells = Arrays.stream(csv.substring(1).split("\r\n"))
                .skip(5)
                .map(l -> l.startsWith("\"")
                        ? l.substring(1, l.indexOf("\";")).replace("\"\"", "\"")
                        : l.substring(0, l.indexOf(';')))
                .toList();
        assertThat(firstCells).hasSize(ATTACKS.size());
        for (int i = 0; i < ATTACKS.size(); i++) {
            assertThat(firstCells.get(i)).isEqualTo("'" + ATTACKS.get(i));
        }
        assertThat(TableFiles.neutralise("Dinas Kesehatan")).isEqualTo("Dinas Kesehatan");
        assertThat(TableFiles.neutralise("")).isEmpty();
    }

    @Test
    void xlsx_has_real_numbers_percent_formats_and_inert_text() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(TableFiles.xlsx(table())))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Peringkat AKIP 2024");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Kota Bekasi, 2024");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Sumber: LHE AKIP");
            int header = 5;
            assertThat(sheet.getRow(header).getCell(3).getStringCellValue()).isEqualTo("Realisasi");
            Row first = sheet.getRow(header + 1);
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(85.02);
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(0.8595);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(7_533_144_934_916d);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).contains("#,##0");
            assertThat(sheet.getRow(header + 2).getCell(2).getNumericCellValue())
                    .isEqualTo(-0.98);
            // the empty row has no cells rather than zeros
            assertThat(sheet.getRow(header + 3).getCell(1)).isNull();
            Row noise = sheet.getRow(header + 4);
            assertThat(noise.getCell(2).getNumericCellValue()).isEqualTo(2.86);
            assertThat(noise.getCell(3).getNumericCellValue()).isEqualTo(0.881575);
            assertThat(noise.getCell(4)).isNull();
            for (int i = 0; i < ATTACKS.size(); i++) {
                Cell c = sheet.getRow(header + 5 + i).getCell(0);
                assertThat(c.getCellType()).isEqualTo(CellType.STRING);
                assertThat(c.getStringCellValue()).isEqualTo(ATTACKS.get(i));
                assertThat(c.getCellStyle().getQuotePrefixed())
                        .as(ATTACKS.get(i))
                        .isTrue();
            }
            for (Row row : sheet) for (Cell c : row) assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
            assertThat(first.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
    }
}
