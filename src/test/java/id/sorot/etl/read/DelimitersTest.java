package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The delimiter is the one that splits lines most consistently, not most often. */
class DelimitersTest {

    @Test
    void tsv_is_always_tab() {
        assertThat(Delimiters.guess("x.tsv", "a;b;c\n1;2;3\n")).isEqualTo('\t');
    }

    @Test
    void semicolon_wins_over_commas_inside_english_numbers() {
        String head = "No;OPD;Pagu\n1;DISDIK;229,444,689,696.00\n2;DINKES;1,000.00\n3;SETDA;12.00\n";
        assertThat(Delimiters.guess("x.csv", head)).isEqualTo(';');
    }

    @Test
    void comma_for_plain_csv_and_tab_for_text_copied_from_a_pdf() {
        assertThat(Delimiters.guess("x.csv", "No,OPD,Nilai\n1,DISDIK,\"60,05\"\n2,DINKES,80\n"))
                .isEqualTo(',');
        assertThat(Delimiters.guess("x.txt", "No\tOPD\n1\tDISDIK\n")).isEqualTo('\t');
    }
}
