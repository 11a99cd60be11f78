package id.sorot.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.SorotTest;
import id.sorot.access.Actor;
import id.sorot.access.Role;
import id.sorot.cube.model.CubeQuery;
import id.sorot.cube.model.CubeResult;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The cube layer limits every query to the rows its reader may see, from the actor of the request,
 * whatever the caller's own filters say: the 44 OPDs of Kota Bekasi for its pimpinan, none for
 * another pemda's, one for an operator limited to Setda.
 */
class CubeScopeTest extends SorotTest {

    @Autowired
    CubeService cubes;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static <T> T as(Actor actor, Supplier<T> what) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        actor,
                        null,
                        List.of(new SimpleGrantedAuthority(actor.role().authority()))));
        try {
            return what.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Actor pimpinan(String pemda) {
        return new Actor("pimpinan." + pemda, Role.PIMPINAN, Set.of(pemda), null, false, "password");
    }

    /** The OPDs of 2024 a reader sees when it asks, itself, for Kota Bekasi's. */
    private int opds2024() {
        CubeResult r = cubes.query(CubeQuery.of("akip_opd")
                .measures("jumlah_opd")
                .by("tahun")
                .where("pemda_kode", "eq", "3275")
                .where("tahun", "eq", 2024));
        return r.rows().isEmpty() ? 0 : ((Number) r.rows().getFirst().get(1)).intValue();
    }

    @Test
    void a_reader_sees_only_its_pemda_whatever_its_filters() {
        assertThat(opds2024()).as("inside Sorot, no request: not limited").isEqualTo(44);
        assertThat(as(pimpinan("3275"), this::opds2024)).isEqualTo(44);
        assertThat(as(pimpinan("1701"), this::opds2024))
                .as("Bengkulu Selatan's pimpinan")
                .isZero();
        assertThat(as(new Actor("admin", Role.ADMIN, Set.of(), null, false, "password"), this::opds2024))
                .isEqualTo(44);
        assertThat(as(new Actor("tanpa", Role.PIMPINAN, Set.of(), null, false, "password"), this::opds2024))
                .as("a user of no pemda sees nothing")
                .isZero();
    }

    @Test
    void an_operator_limited_to_its_opd_sees_its_rows_and_the_pemdas_own_figures() {
        Actor setda = new Actor("op.setda", Role.OPERATOR_OPD, Set.of("3275"), "4.01.01", true, "password");
        assertThat(as(setda, this::opds2024)).isEqualTo(1);
        CubeResult pemda = as(
                setda,
                () -> cubes.query(
                        CubeQuery.of("akip_pemda").measures("nilai").by("tahun").where("pemda_kode", "eq", "3275")));
        assertThat(pemda.rows()).as("the pemda's own AKIP is no OPD's row").isNotEmpty();

        Actor wholePemda = new Actor("op.setda2", Role.OPERATOR_OPD, Set.of("3275"), "4.01.01", false, "password");
        assertThat(as(wholePemda, this::opds2024)).isEqualTo(44);
    }

    @Test
    void every_cube_can_be_limited_by_pemda() {
        for (String cube : cubes.catalog().cubes().keySet()) {
            assertThat(cubes.catalog().cube(cube).dimension("pemda_kode"))
                    .as(cube + " has a pemda_kode dimension")
                    .isPresent();
        }
        assertThatThrownBy(() -> as(pimpinan("3275"), () -> cubes.query(CubeQuery.of("no_such_cube"))))
                .isNotNull();
    }
}
