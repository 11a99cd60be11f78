package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods as Indonesian titles, file names and parameters write them. */
class PeriodsTest {

    private static Periods.Period p(String text) throws FieldType.Bad {
        return Periods.parse(text, null);
    }

    @Test
    void as_of_dates_in_titles() throws Exception {
        assertThat(p("Realisasi Anggaran per 30 November 2023"))
                .isEqualTo(new Periods.Period(2023, null, LocalDate.of(2023, 11, 30)));
        assertThat(p("s/d 31 Desember 2024").asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
        // a range is as of its end
        assertThat(p("Periode 01 Januari 2024 s/d 31 Desember 2024").asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(p("per 30 Nop 2023").asOf()).isEqualTo(LocalDate.of(2023, 11, 30));
        assertThat(p("30/11/2023").asOf()).isEqualTo(LocalDate.of(2023, 11, 30));
        assertThat(p("realisasi_2023-11-30").asOf()).isEqualTo(LocalDate.of(2023, 11, 30));
    }

    @Test
    void months_semesters_triwulan_and_years() throws Exception {
        assertThat(p("Bulan Februari 2024").asOf()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(p("2024-06").asOf()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(p("Semester I Tahun 2024").asOf()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(p("Semester II 2024").asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(p("Triwulan III Tahun Anggaran 2024")).isEqualTo(new Periods.Period(2024, 3, null));
        assertThat(p("TW 2 2024").asOfOrEnd()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(p("TAHUN 2024")).isEqualTo(new Periods.Period(2024, null, null));
        assertThat(p("2024").asOfOrEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(Periods.parse("November", 2023).asOf()).isEqualTo(LocalDate.of(2023, 11, 30));
    }

    @Test
    void what_names_no_period_is_refused_with_its_text() {
        assertThatThrownBy(() -> p("per 31 Februari 2024"))
                .isInstanceOfSatisfying(
                        FieldType.Bad.class, e -> assertThat(e.code).isEqualTo("etl.error.bad_period"));
        assertThatThrownBy(() -> p("laporan akhir")).isInstanceOfSatisfying(FieldType.Bad.class, e -> assertThat(e.args)
                .containsExactly("laporan akhir"));
        assertThatThrownBy(() -> p("per 30 November 1998"))
                .isInstanceOfSatisfying(
                        FieldType.Bad.class, e -> assertThat(e.code).isEqualTo("etl.error.bad_year"));
    }
}
