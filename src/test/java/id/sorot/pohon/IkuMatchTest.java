package id.sorot.pohon;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.opd.IndikatorRule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plan's indicator finds its IKU by name: the same words, else the one IKU whose name holds all
 * of its words (Tabel 2.1's "Nilai IKM" is Tabel 3.1's "Nilai IKM SETDA"); two as close is none.
 */
class IkuMatchTest {

    private static Map<String, PohonKinerjaService.Iku> ikus(String... names) {
        Map<String, PohonKinerjaService.Iku> out = new LinkedHashMap<>();
        for (String n : names) out.put(IndikatorRule.key(n), new PohonKinerjaService.Iku(n, 100.0));
        return out;
    }

    @Test
    void the_same_name_in_other_case_and_punctuation_is_the_same_iku() {
        PohonKinerjaService.Match m = PohonKinerjaService.match("Nilai AKIP Setda", ikus("Nilai AKIP SETDA."));
        assertThat(m.iku().nama()).isEqualTo("Nilai AKIP SETDA.");
        assertThat(m.similar()).isFalse();
    }

    @Test
    void a_name_holding_every_word_is_a_similar_match_shown_as_such() {
        PohonKinerjaService.Match m =
                PohonKinerjaService.match("Nilai IKM", ikus("Nilai AKIP SETDA", "Nilai IKM SETDA"));
        assertThat(m.iku().nama()).isEqualTo("Nilai IKM SETDA");
        assertThat(m.similar()).isTrue();
    }

    /** Names repeat words ("Persentase Penyandang ... sosial ... sosial"): still one name. */
    @Test
    void a_name_with_a_word_twice_is_read() {
        assertThat(PohonKinerjaService.match("Unit layanan unit", ikus("Nilai IKM SETDA")))
                .isNull();
    }

    @Test
    void two_as_close_or_none_at_all_is_no_match() {
        assertThat(PohonKinerjaService.match("Nilai", ikus("Nilai AKIP SETDA", "Nilai IKM SETDA")))
                .isNull();
        assertThat(PohonKinerjaService.match("Indeks Pelaksanaan Pembangunan", ikus("Nilai IKM SETDA")))
                .isNull();
    }
}
