package id.sorot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A text target is met only by the same words; anything else is left for a person to judge. */
class CapaianTextTest {

    @Test
    void the_same_words_meet_a_text_target() {
        assertThat(Capaian.text("tidak ada  temuan ", "Tidak Ada Temuan")).isEqualTo(100.0);
    }

    @Test
    void other_words_or_no_realisasi_cannot_be_computed() {
        assertThat(Capaian.text("Ada 2 temuan", "Tidak Ada Temuan")).isNull();
        assertThat(Capaian.text(null, "Tidak Ada Temuan")).isNull();
    }
}
