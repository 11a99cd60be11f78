package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Targets as the seed plans write them, each read into the kind GUIDE.md's capaian rules know. */
class PlanTargetTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "75.4%              | ANGKA    | 75.4  | -     | %               | -",
                "77,8               | ANGKA    | 77.8  | -     | -               | -",
                "20 Unit            | ANGKA    | 20.0  | -     | Unit            | -",
                "17 dokumen/ Laporan| ANGKA    | 17.0  | -     | dokumen/ Laporan| -",
                "7-8                | RENTANG  | 7.0   | 8.0   | -               | -",
                "75 (Baik)          | INDEKS   | 75.0  | -     | -               | Baik",
                "95 (Sangat Baik)   | INDEKS   | 95.0  | -     | -               | Sangat Baik",
                "A (82,04)          | PREDIKAT | 82.04 | -     | -               | A",
                "BB                 | PREDIKAT | -     | -     | -               | BB",
                "Tidak Ada Temuan   | TEKS     | -     | -     | -               | -",
            })
    void reads_each_kind(String text, PlanTarget.Kind kind, Double value, Double upper, String unit, String grade)
            throws Exception {
        PlanTarget t = PlanTarget.parse(text.trim());
        assertThat(t.kind()).isEqualTo(kind);
        assertThat(t.value()).isEqualTo(value);
        assertThat(t.upper()).isEqualTo(upper);
        assertThat(t.unit()).isEqualTo(unit);
        assertThat(t.grade()).isEqualTo(grade);
    }

    /** Digits that fit no kind are a typo in a number, not a qualitative target. */
    @ParameterizedTest
    @ValueSource(strings = {"7,5..8 %", "12 Unit 3", "(75)", "%"})
    void digits_that_fit_no_kind_are_unreadable(String text) {
        assertThatThrownBy(() -> PlanTarget.parse(text))
                .isInstanceOf(FieldType.Bad.class)
                .extracting(e -> ((FieldType.Bad) e).code)
                .isEqualTo("etl.error.bad_target");
    }
}
