package id.sorot.cube;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.sorot.SorotTest;
import id.sorot.cube.calcite.StatementPool;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeQueryException;
import id.sorot.cube.model.CubeResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** The akip_opd cube through Calcite, with proof that DuckDB ran the whole query. */
class AkipCubeTest extends SorotTest {

    @Autowired
    CubeService cubes;

    private final ListAppender<ILoggingEvent> pushed = new ListAppender<>();
    private final Logger pushdown = (Logger) LoggerFactory.getLogger(StatementPool.LOGGER);

    @BeforeEach
    void listen() {
        pushed.start();
        pushdown.addAppender(pushed);
        pushdown.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopListening() {
        pushdown.detachAppender(pushed);
    }

    /** The SQL this test's own queries sent: the start-up warm-up may be querying on its thread meanwhile. */
    private List<String> sqlSent() {
        String me = Thread.currentThread().getName();
        return pushed.list.stream()
                .filter(e -> me.equals(e.getThreadName()))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void ranking_with_rank_and_change_runs_entirely_in_duckdb() {
        CubeResult r = cubes.query(CubeQuery.of("akip_opd")
                .measures("peringkat", "nilai", "perubahan")
                .by("tahun", "opd")
                .where("pemda_kode", "eq", "3275")
                .where("tahun", "eq", 2024)
                .orderBy("peringkat", false)
                .orderBy("opd", false));

        assertThat(r.rows()).hasSize(44);
        assertThat(r.rows().getFirst().subList(0, 2)).containsExactly(2024, "BAPPELITBANGDA");
        assertThat(((Number) r.rows().getFirst().get(2)).intValue()).isEqualTo(1);
        assertThat(r.rows().getFirst().get(3)).isEqualTo(85.02);
        assertThat((Double) r.rows().getFirst().get(4)).isCloseTo(2.86, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.rows().getLast().get(1)).isEqualTo("DISDIK");

        assertThat(sqlSent()).hasSize(1);
        String sql = sqlSent().getFirst();
        assertThat(sql).contains("RANK() OVER", "LAG(", "FROM \"main\".\"fact_akip_opd\"", "ORDER BY");
    }

    @Test
    void share_of_opds_with_a_or_aa_is_29_55_percent_in_2024() {
        CubeResult r = cubes.query(CubeQuery.of("akip_opd")
                .measures("jumlah_a", "jumlah_opd", "persen_a")
                .by("tahun")
                .where("pemda_kode", "eq", "3275")
                .orderBy("tahun", false));
        assertThat(r.column("tahun")).containsExactly(2021, 2022, 2023, 2024);
        assertThat(r.column("jumlah_a").stream().map(v -> ((Number) v).intValue()))
                .containsExactly(8, 11, 9, 13);
        assertThat((Double) r.rows().getLast().get(3)).isCloseTo(29.545, org.assertj.core.data.Offset.offset(0.001));
        assertThat(sqlSent().getFirst()).contains("GROUP BY");
    }

    @Test
    void predikat_of_the_mean_nilai_is_labelled_by_the_band_set_without_padding() {
        CubeResult r = cubes.query(CubeQuery.of("akip_opd")
                .measures("nilai", "predikat_nilai")
                .by("opd")
                .where("pemda_kode", "eq", "3275")
                .where("tahun", "eq", 2024)
                .where("opd", "in", "SETDA", "DISTARU", "DISDIK", "BPBD"));
        java.util.Map<Object, Object> byOpd = new java.util.HashMap<>();
        r.rows().forEach(row -> byOpd.put(row.get(0), row.get(2)));
        assertThat(byOpd)
                .containsEntry("SETDA", "A")
                .containsEntry("DISTARU", "BB")
                .containsEntry("DISDIK", "B")
                .containsEntry("BPBD", "B");
    }

    @Test
    void unknown_names_are_refused_naming_the_field() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> cubes.query(CubeQuery.of("akip_opd").measures("nilai; DROP TABLE opd")))
                .isInstanceOf(CubeQueryException.class)
                .hasMessageContaining("has no measure")
                .satisfies(e -> assertThat(((CubeQueryException) e).field()).isEqualTo("measures"));
    }
}
