package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.etl.target.Targets;
import org.junit.jupiter.api.Test;

/** Which files are read on several cores: large ones, whose rows stand alone, on more than one core. */
class ParallelReadTest extends WithLoadFixture {

    @Test
    void a_large_sipd_export_is_split_on_two_cores_but_not_on_one() {
        var spec = fx.job("realisasi_sub_kegiatan_sipd");
        var target = Targets.all().get(spec.target());
        long large = ParallelRead.PARALLEL_BYTES;
        assertThat(ParallelRead.splittable(spec.layout(), target, large, 2)).isTrue();
        assertThat(ParallelRead.splittable(spec.layout(), target, large, 1)).isFalse();
        assertThat(ParallelRead.splittable(spec.layout(), target, large - 1, 8)).isFalse();
    }

    @Test
    void layouts_whose_rows_depend_on_the_rows_before_are_read_in_one_pass() {
        // the Setda triwulan table matches sub kegiatan by name in tree order, with continuation rows
        var spec = fx.job("setda_realisasi_triwulan");
        assertThat(ParallelRead.splittable(
                        spec.layout(), Targets.all().get(spec.target()), ParallelRead.PARALLEL_BYTES, 8))
                .isFalse();
    }
}
