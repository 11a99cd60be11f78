package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts with units, exact to the rupiah: {@code Rp130,838 M} is 130.838.000.000. */
class AmountsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Rp130,838 M        | 13083800000000    | MILIAR",
                "Rp 130,838 M       | 13083800000000    | MILIAR",
                "Rp1,2 T            | 120000000000000   | TRILIUN",
                "Rp 1,2 Triliun     | 120000000000000   | TRILIUN",
                "12,5 Miliar        | 1250000000000     | MILIAR",
                "12,5 milyar        | 1250000000000     | MILIAR",
                "450 Jt             | 45000000000       | JUTA",
                "450 juta           | 45000000000       | JUTA",
                "Rp 75 Rb           | 7500000           | RIBU",
                "75 ribu            | 7500000           | RIBU",
                "Rp.2,345678 M      | 234567800000      | MILIAR",
                "-0,5 M             | -50000000000      | MILIAR",
                "(1,25 T)           | -125000000000000  | TRILIUN",
                "1.234,5 M          | 123450000000000   | MILIAR",
                "1.234.567 Jt       | 123456700000000   | JUTA",
                "Rp 1.234.567.890   | 123456789000      | RUPIAH",
            })
    void a_suffix_in_the_cell_gives_the_unit(String raw, long hundredths, Amounts.Unit unit) throws Exception {
        Amounts.Read r = Amounts.read(raw, null, false);
        assertThat(r.hundredths()).isEqualTo(hundredths);
        assertThat(r.unit()).isEqualTo(unit);
    }

    @Test
    void a_column_read_in_juta_scales_its_plain_numbers_and_a_cell_suffix_wins() throws Exception {
        assertThat(Amounts.hundredths("1.250,75", Amounts.Unit.JUTA, false)).isEqualTo(125_075_000_000L);
        assertThat(Amounts.hundredths("3,141592", Amounts.Unit.JUTA, false)).isEqualTo(314_159_200L);
        assertThat(Amounts.hundredths("2 M", Amounts.Unit.JUTA, false)).isEqualTo(200_000_000_000L);
        // a table "dalam juta rupiah" groups thousands with dots, as every money column does
        assertThat(Amounts.hundredths("450.250", Amounts.Unit.JUTA, false)).isEqualTo(45_025_000_000_000L);
        assertThat(Amounts.hundredths("0,0001", Amounts.Unit.MILIAR, false)).isEqualTo(10_000_000L);
        assertThat(Amounts.hundredths("", Amounts.Unit.JUTA, false)).isEqualTo(IdNumbers.MISSING);
        assertThat(Amounts.hundredths("-", Amounts.Unit.JUTA, true)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Rp 5 bn       | etl.error.amount_unit_ambiguous    | bn",
                "Rp 5 B        | etl.error.amount_unit_ambiguous    | B",
                "12 million    | etl.error.amount_unit_ambiguous    | million",
                "12 Mrd        | etl.error.amount_unit_unknown      | Mrd",
                "12 dolar      | etl.error.amount_unit_unknown      | dolar",
            })
    void an_ambiguous_or_unknown_suffix_is_refused_naming_it(String raw, String code, String suffix) {
        assertThatThrownBy(() -> Amounts.read(raw, null, false))
                .isInstanceOfSatisfying(IdNumbers.NotANumber.class, e -> {
                    assertThat(e.code).isEqualTo(code);
                    assertThat(e.args).containsExactly(suffix);
                });
    }

    @Test
    void a_lone_dot_before_three_digits_with_a_unit_is_a_guess_and_refused() {
        // 130.838 M could be 130,838 miliar (English decimals) or 130.838 miliar (Indonesian thousands)
        assertThatThrownBy(() -> Amounts.read("Rp130.838 M", null, false))
                .isInstanceOfSatisfying(IdNumbers.NotANumber.class, e -> assertThat(e.code)
                        .isEqualTo("etl.error.amount_separator_ambiguous"));
    }

    @Test
    void numbers_without_a_letter_at_the_end_take_the_plain_path() {
        assertThat(Amounts.hasSuffix("1.234.567")).isFalse();
        assertThat(Amounts.hasSuffix("85,95 %")).isFalse();
        assertThat(Amounts.hasSuffix("Rp130,838 M")).isTrue();
        assertThat(Amounts.hasSuffix("12 Jt.")).isTrue();
        assertThat(Amounts.hasSuffix(null)).isFalse();
    }

    @Test
    void every_spec_unit_name_is_known() {
        for (String name : new String[] {"rupiah", "ribu", "juta", "miliar", "triliun", " Juta "}) {
            assertThat(Amounts.Unit.named(name)).as(name).isNotNull();
        }
        assertThat(Amounts.Unit.named("milyaran")).isNull();
    }
}
