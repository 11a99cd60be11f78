package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.etl.read.Problem;
import id.sorot.etl.read.Problems;
import org.junit.jupiter.api.Test;

/** A load's pemda, OPD and period come from the request and are checked against the OPD master. */
class LoadParametersTest extends WithLoadFixture {

    private LoadParameters resolve(String job, LoadRequest request, Problems problems) {
        return LoadParameters.resolve(fx.job(job), request, "f.tsv", fx.opds.directory(), problems);
    }

    @Test
    void known_pemda_opd_and_year_resolve() {
        Problems problems = new Problems();
        LoadParameters p = resolve("setda_capaian_iku", new LoadRequest("3275", "2024", "SETDA", null), problems);
        assertThat(problems.list()).isEmpty();
        assertThat(p.pemda().nama()).isEqualTo("Kota Bekasi");
        assertThat(p.opd().singkatan()).isEqualTo("SETDA");
        assertThat(p.year()).isEqualTo(2024);
    }

    @Test
    void an_unknown_opd_names_the_closest_ones() {
        Problems problems = new Problems();
        LoadParameters p = resolve("setda_capaian_iku", new LoadRequest("3275", "2024", "SETDAA", null), problems);
        assertThat(p.opd()).isNull();
        Problem problem = problems.list().getFirst();
        assertThat(problem.code()).isEqualTo("etl.error.unknown_opd");
        assertThat(problem.args().toString()).contains("SETDAA", "Kota Bekasi", "SETDA");
    }

    @Test
    void missing_and_unknown_parameters_are_each_a_problem() {
        Problems problems = new Problems();
        resolve("akip_opd_ranking", new LoadRequest(null, null, null, null), problems);
        assertThat(problems.list()).extracting(Problem::code).containsExactly("etl.error.missing_parameter");
        Problems more = new Problems();
        resolve("akip_opd_ranking", new LoadRequest("9999", "20x4", null, null), more);
        assertThat(more.list()).extracting(Problem::code).contains("etl.error.unknown_pemda");
        assertThat(more.list()).hasSize(2);
    }
}
