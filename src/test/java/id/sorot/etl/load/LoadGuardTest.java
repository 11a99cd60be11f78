package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.access.Actor;
import id.sorot.access.Role;
import id.sorot.etl.read.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a load may change: a role loads only its targets, a user only its pemda's rows and an
 * operator only its own OPD's, and a load that would remove more than 20 % of what its scope holds
 * (the 1-row ranking that replaced 44 OPDs) is held until a role that may confirm it does. Each
 * refused or held load changes no fact.
 */
class LoadGuardTest extends WithLoadFixture {

    private static final Path RANKING = LoadFixture.SAMPLES.resolve("hasil_evaluasi_akip_opd_2024.tsv");
    private static final String DISDIK = "1.01.01";

    @BeforeEach
    void ranking2024() throws Exception {
        LoadResult r = fx.load("akip_opd_ranking", RANKING, true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(facts()).isEqualTo(44);
    }

    @Test
    void a_one_row_ranking_is_held_with_what_would_go_and_changes_nothing() throws Exception {
        Path oneRow = oneRowRanking();
        LoadResult held = load(oneRow, actor(Role.BAGIAN_ORGANISASI, null), false);

        assertThat(held.status()).isEqualTo(LoadResult.Status.HELD);
        assertThat(held.rowsLoaded()).isZero();
        assertThat(held.removal().rowsInScope()).isEqualTo(44);
        assertThat(held.removal().rowsRemoved()).isEqualTo(43);
        assertThat(held.removal().percent()).isEqualTo(98);
        assertThat(held.removal().removed()).hasSize(43).anyMatch(d -> d.contains("BAPPELITBANGDA"));
        assertThat(held.removal().removed()).noneMatch(d -> d.contains("DISDIK"));
        assertThat(facts()).isEqualTo(44);
        assertThat(fx.count("SELECT round(nilai * 100) FROM fact_akip_opd f JOIN opd o USING (opd_id)"
                        + " WHERE o.kode = '" + DISDIK + "'"))
                .isEqualTo(6005);
        assertThat(fx.count("SELECT count(*) FROM batch WHERE status = 'held' AND batch_id = " + held.batchId()))
                .isEqualTo(1);
    }

    @Test
    void the_held_load_goes_in_when_a_role_that_may_confirms_it() throws Exception {
        Path oneRow = oneRowRanking();
        // an operator may not confirm: its loads are its OPD's alone
        LoadResult byOperator = load(oneRow, actor(Role.OPERATOR_OPD, DISDIK), true);
        assertThat(byOperator.status()).isEqualTo(LoadResult.Status.HELD);
        assertThat(facts()).isEqualTo(44);

        LoadResult confirmed = load(oneRow, actor(Role.INSPEKTORAT, null), true);
        assertThat(confirmed.status()).as(confirmed.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(facts()).isEqualTo(1);
    }

    @Test
    void reloading_the_same_ranking_replaces_it_without_asking() throws Exception {
        LoadResult again = load(RANKING, actor(Role.BAGIAN_ORGANISASI, null), false);
        assertThat(again.status()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(again.removal().rowsInScope()).isEqualTo(44);
        assertThat(again.removal().rowsRemoved()).isZero();
        assertThat(facts()).isEqualTo(44);
    }

    @Test
    void an_operators_file_with_other_opds_rows_is_refused_naming_them() throws Exception {
        LoadResult r = load(RANKING, actor(Role.OPERATOR_OPD, DISDIK), true);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REFUSED);
        assertThat(r.problems()).isNotEmpty().allMatch(p -> p.code().equals("etl.error.other_opd"));
        // BAPPELITBANGDA is the first data row, line 7 of the file
        Problem first = r.problems().getFirst();
        assertThat(first.row()).isEqualTo(7);
        assertThat(first.args()).contains("BAPPELITBANGDA");
        // the 43 other OPDs, each named
        assertThat(r.problems()).hasSize(43).noneMatch(p -> p.args().contains("DISDIK"));
        assertThat(facts()).isEqualTo(44);
        assertThat(fx.count("SELECT count(*) FROM batch WHERE status = 'refused'"))
                .isEqualTo(1);
    }

    @Test
    void rows_of_another_pemda_are_refused() throws Exception {
        Actor bengkuluSelatan = new Actor("bo", Role.BAGIAN_ORGANISASI, Set.of("1701"), null, false, "password");
        LoadResult r = load(RANKING, bengkuluSelatan, true);
        assertThat(r.status()).isEqualTo(LoadResult.Status.REFUSED);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("etl.error.other_pemda");
            assertThat(p.args()).contains("Kota Bekasi", 44L);
        });
        assertThat(facts()).isEqualTo(44);
    }

    @Test
    void a_role_loads_only_its_targets() throws Exception {
        LoadResult pimpinan = load(RANKING, actor(Role.PIMPINAN, null), true);
        assertThat(pimpinan.status()).isEqualTo(LoadResult.Status.REFUSED);
        assertThat(pimpinan.problems()).extracting(Problem::code).containsExactly("etl.error.role_target");
        assertThat(pimpinan.rowsRead()).as("refused before a row is read").isZero();

        LoadResult inspektorat = fx.load(
                fx.job("setda_capaian_iku"),
                LoadFixture.SAMPLES.resolve("setda_capaian_iku_2024.tsv"),
                LoadRequest.as(actor(Role.INSPEKTORAT, null), "127.0.0.1").withPemda("3275"),
                true);
        assertThat(inspektorat.status()).isEqualTo(LoadResult.Status.REFUSED);
        assertThat(facts()).isEqualTo(44);
    }

    private LoadResult load(Path file, Actor actor, boolean confirm) throws Exception {
        return fx.load(
                fx.job("akip_opd_ranking"),
                file,
                LoadRequest.as(actor, "127.0.0.1").withPemda("3275").withConfirm(confirm),
                true);
    }

    private static Actor actor(Role role, String opd) {
        return new Actor("uji-" + role.key(), role, Set.of("3275"), opd, false, "password");
    }

    private long facts() throws Exception {
        return fx.count("SELECT count(*) FROM fact_akip_opd WHERE periode_id = 20240");
    }

    /** The ranking's title and header, DISDIK's row with 99,00 (the attack of issue 15), and its source line. */
    private Path oneRowRanking() throws Exception {
        List<String> lines = Files.readAllLines(RANKING);
        List<String> out = new java.util.ArrayList<>(lines.subList(0, 6));
        out.add("44\tDISDIK\t99,00\tAA");
        out.add("");
        out.add(lines.getLast());
        Path file = dir.resolve("hasil_evaluasi_akip_opd_2024_satu_baris.tsv");
        Files.write(file, out);
        return file;
    }
}
