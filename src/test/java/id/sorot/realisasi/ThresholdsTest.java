package id.sorot.realisasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.realisasi.RealisasiService.Status;
import id.sorot.realisasi.RealisasiService.Thresholds;
import org.junit.jupiter.api.Test;

/** The deviasi early warning: red strictly below merah, yellow strictly below kuning, else green. */
class ThresholdsTest {

    private final Thresholds defaults = new Thresholds(-10, -5);

    @Test
    void deviasi_of_exactly_minus_10_is_yellow_not_red() {
        assertThat(defaults.status(-10.00)).isEqualTo(Status.KUNING);
        assertThat(defaults.status(-10.0013)).isEqualTo(Status.MERAH);
        assertThat(defaults.status(-10.01)).isEqualTo(Status.MERAH);
    }

    @Test
    void deviasi_of_exactly_minus_5_is_green() {
        assertThat(defaults.status(-5.00)).isEqualTo(Status.HIJAU);
        assertThat(defaults.status(-5.01)).isEqualTo(Status.KUNING);
        assertThat(defaults.status(0.0)).isEqualTo(Status.HIJAU);
        assertThat(defaults.status(12.5)).isEqualTo(Status.HIJAU);
    }

    @Test
    void no_deviasi_has_no_status_and_merah_may_not_be_above_kuning() {
        assertThat(defaults.status(null)).isNull();
        assertThat(new Thresholds(-7, -7).status(-7.0)).isEqualTo(Status.HIJAU);
        assertThatThrownBy(() -> new Thresholds(-4, -8)).hasMessage("merah must not be above kuning");
    }
}
