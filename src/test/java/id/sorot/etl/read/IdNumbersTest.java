package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumbersTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1.900.232.696.622 | true  | 190023269662200",
                "88,05             | false | 8805",
                "82.64             | false | 8264",
                "-0,98             | false | -98",
                "(0,75)            | false | -75",
                "49.59%            | false | 4959",
                "100%              | false | 10000",
                "229,444,689,696.00| true  | 22944468969600",
                "(5,000,000.00)    | true  | -500000000",
                "29.444.689.696,00 | true  | 2944468969600",
                "76,8              | false | 7680",
                "1.900             | true  | 190000",
                "1.900             | false | 190",
                "123.975           | false | 12398",
                "Rp 203.400.576.968| true  | 20340057696800",
                "0                 | false | 0",
            })
    void reads_indonesian_and_mixed_formats(String raw, boolean money, long hundredths) throws Exception {
        assertThat(IdNumbers.parseHundredths(raw, money, false)).isEqualTo(hundredths);
    }

    @Test
    void a_dash_is_missing_or_zero_as_the_job_says() throws Exception {
        assertThat(IdNumbers.parseHundredths("-", true, false)).isEqualTo(IdNumbers.MISSING);
        assertThat(IdNumbers.parseHundredths("-", true, true)).isZero();
        assertThat(IdNumbers.parseHundredths("  ", true, true)).isEqualTo(IdNumbers.MISSING);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "8x,05      | etl.error.not_a_number",
                "1.90.000   | etl.error.number_grouping",
                "1,2.3,4    | etl.error.number_separators",
                "abc        | etl.error.not_a_number",
                "12,        | etl.error.not_a_number",
            })
    void rejects_what_is_not_a_number_with_the_reason(String raw, String code) {
        assertThatThrownBy(() -> IdNumbers.parseHundredths(raw, true, false))
                .isInstanceOf(IdNumbers.NotANumber.class)
                .satisfies(e -> assertThat(((IdNumbers.NotANumber) e).code).isEqualTo(code));
    }

    @Test
    void formats_for_messages_the_indonesian_way() {
        assertThat(IdNumbers.format(753314493491600L)).isEqualTo("7.533.144.934.916");
        assertThat(IdNumbers.format(8595)).isEqualTo("85,95");
        assertThat(IdNumbers.format(-75)).isEqualTo("-0,75");
    }
}
