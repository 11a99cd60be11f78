package id.sorot.etl;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Jvm;
import id.sorot.SorotTest;
import id.sorot.access.Role;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code sorot etl} as a separate process: through the running server when there is one (the
 * server owns the store), on its own store when there is none. Exit codes 0 and 2.
 */
class EtlVerbTest extends SorotTest {

    @Autowired
    private EtlService batches;

    record Run(int exit, String out, String err) {}

    private Run sorot(String server, String... args) throws Exception {
        return sorotWithToken(server, token(Role.BAGIAN_ORGANISASI), args);
    }

    private Run sorotWithToken(String server, String token, String... args) throws Exception {
        List<String> command = Jvm.command(List.of(), "id.sorot.Application", "etl");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SOROT_SERVER", server);
        pb.environment().remove("SOROT_TOKEN");
        if (token != null) pb.environment().put("SOROT_TOKEN", token);
        Path out = Files.createTempFile("sorot-etl-out", ".txt");
        Path err = Files.createTempFile("sorot-etl-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sorot etl finishes").isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void with_sorot_running_the_command_goes_through_the_server() throws Exception {
        Run ok = sorot(
                baseUrl(), "akip_pemda", "etl/samples/kota-bekasi-2024/nilai_akip_kota_2020_2024.tsv", "--pemda=3275");
        assertThat(ok.exit()).as(ok.err()).isEqualTo(EtlVerb.LOADED);
        assertThat(ok.out()).contains("loaded 5 facts from 1 rows with akip_pemda", "server " + baseUrl());
        long batch = Long.parseLong(ok.out().replaceAll("(?s).*\\(batch (\\d+),.*", "$1"));
        assertThat(batches.history(1000))
                .filteredOn(b -> b.id() == batch)
                .singleElement()
                .extracting(EtlService.Batch::user)
                .as("the batch history's Oleh is the token's owner")
                .isEqualTo("uji-bagian-organisasi");

        Run anonymous = sorotWithToken(
                baseUrl(), null, "akip_pemda", "etl/samples/kota-bekasi-2024/nilai_akip_kota_2020_2024.tsv");
        assertThat(anonymous.exit()).isEqualTo(EtlVerb.FAILED);
        assertThat(anonymous.err()).contains("needs a personal access token");

        Run bad = sorot(
                baseUrl(),
                "akip_opd_ranking",
                "src/test/resources/etl/bad/bad_number.tsv",
                "--pemda=3275",
                "--lang=en");
        assertThat(bad.exit()).isEqualTo(EtlVerb.REJECTED);
        assertThat(bad.err())
                .contains(
                        "bad_number.tsv, row 33, column 3 (nilai; spec column 2), value '77.1.4'",
                        "bad_number.tsv, row 50, column 3 (nilai; spec column 2), value 'enam puluh': not a number");
    }

    @Test
    void without_a_server_the_command_opens_a_store_of_its_own() throws Exception {
        String nobody = "http://127.0.0.1:9"; // discard port: nothing answers
        Path store = STORE_DIR.resolve("cli" + File.separator + "cli.duckdb");
        Run ok = sorot(
                nobody,
                "akip_opd_ranking",
                "etl/samples/kota-bekasi-2024/hasil_evaluasi_akip_opd_2024.tsv",
                "--pemda=3275",
                "--sorot.store=" + store);
        assertThat(ok.exit()).as(ok.err()).isEqualTo(EtlVerb.LOADED);
        assertThat(ok.out()).contains("loaded 44 facts from 44 rows with akip_opd_ranking", "store");
        assertThat(store).exists();

        Run bad = sorot(
                nobody,
                "akip_opd_ranking",
                "src/test/resources/etl/bad/duplicate_opd.tsv",
                "--pemda=3275",
                "--sorot.store=" + store);
        assertThat(bad.exit()).isEqualTo(EtlVerb.REJECTED);
        assertThat(bad.err()).contains("baris 50, 51 mencatat data yang sama (DISNAKER 2024)");

        // one row where 44 were: held, nothing changed, until --confirm
        String oneRow = "src/test/resources/etl/guard/akip_opd_2024_satu_baris.tsv";
        Run held = sorot(nobody, "akip_opd_ranking", oneRow, "--pemda=3275", "--sorot.store=" + store);
        assertThat(held.exit()).as(held.out() + held.err()).isEqualTo(EtlVerb.HELD);
        assertThat(held.err())
                .contains("perlu konfirmasi: this load would remove 43 of the 44 rows", "gone: BAPPELITBANGDA 2024")
                .contains("--confirm");
        Run confirmed =
                sorot(nobody, "akip_opd_ranking", oneRow, "--pemda=3275", "--confirm", "--sorot.store=" + store);
        assertThat(confirmed.exit()).as(confirmed.err()).isEqualTo(EtlVerb.LOADED);
        assertThat(confirmed.out()).contains("loaded 1 facts from 1 rows");
    }

    @Test
    void check_reads_a_draft_spec_against_a_file_beside_a_running_server_in_seconds() throws Exception {
        Path drafts = Files.createTempDirectory(STORE_DIR, "drafts");
        Path spec = Files.copy(Path.of("etl/jobs/akip_opd_ranking.yml"), drafts.resolve("akip_opd_ranking.yml"));
        long t0 = System.nanoTime();
        Run ok = sorot(
                "http://127.0.0.1:9",
                "check",
                spec.toString(),
                "etl/samples/kota-bekasi-2024/hasil_evaluasi_akip_opd_2024.tsv",
                "--pemda=3275");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ok.exit()).as(ok.err()).isEqualTo(EtlVerb.LOADED);
        assertThat(ok.out())
                .contains("akip_opd_ranking -> akip_opd: 44 rows read, 0 problems", "first 20 parsed rows:")
                .containsPattern("(?m)^pemda_id\topd_id\t.*nilai.*$")
                // the first ranked OPD of 2024, by name beside its id
                .containsPattern("(?m)^3275 \\(1\\)\tBAPPELITBANGDA \\(\\d+\\)\t20240\t85.02\tA\t");
        System.out.println("sorot etl check took " + millis + " ms (a JVM start included)");

        Run bad = sorot(
                "http://127.0.0.1:9",
                "check",
                spec.toString(),
                "src/test/resources/etl/bad/bad_number.tsv",
                "--pemda=3275",
                "--lang=en");
        assertThat(bad.exit()).isEqualTo(EtlVerb.REJECTED);
        assertThat(bad.err()).contains("bad_number.tsv, row 33, column 3 (nilai; spec column 2), value '77.1.4'");
    }

    @Test
    void draft_writes_a_spec_for_an_unknown_file_that_check_then_reads_clean() throws Exception {
        Path drafts = Files.createTempDirectory(STORE_DIR, "drafted");
        String file = "src/test/resources/etl/draft/serapan_skpd_oktober_2023.tsv";
        Run draft = sorot("http://127.0.0.1:9", "draft", file, "--pemda=3275");
        assertThat(draft.exit()).as(draft.err()).isEqualTo(EtlVerb.LOADED);
        assertThat(draft.out())
                .contains("# draft of serapan_skpd_oktober_2023.tsv: header on row 4 (1 rows), 3 data rows")
                .contains("#   column 1: SKPD | teks | e.g. Dinas Pendidikan; Dinas Kesehatan; Dinas Sosial"
                        + " | OPD match 100 % -> opd")
                .contains("target: realisasi_opd");
        Path spec = Files.writeString(drafts.resolve("serapan_skpd_oktober_2023.yml"), draft.out());
        Run check = sorot("http://127.0.0.1:9", "check", spec.toString(), file, "--pemda=3275");
        assertThat(check.exit()).as(check.err()).isEqualTo(EtlVerb.LOADED);
        assertThat(check.out()).contains("serapan_skpd_oktober_2023 -> realisasi_opd: 3 rows read, 0 problems");
    }

    @Test
    void check_names_a_broken_draft_by_path_and_honours_sorot_home() throws Exception {
        Run broken = sorot(
                "http://127.0.0.1:9",
                "check",
                "src/test/resources/etl/broken-jobs/unknown_field.yml",
                "etl/samples/kota-bekasi-2024/hasil_evaluasi_akip_opd_2024.tsv");
        assertThat(broken.exit()).isEqualTo(EtlVerb.REJECTED);
        assertThat(broken.err())
                .contains("unknown_field.yml: layout: field 'peringkat' is not one target akip_opd accepts");

        Path elsewhere = Files.createTempDirectory(STORE_DIR, "home");
        Run wrongHome = sorot(
                "http://127.0.0.1:9",
                "check",
                "etl/jobs/akip_opd_ranking.yml",
                "etl/samples/kota-bekasi-2024/hasil_evaluasi_akip_opd_2024.tsv",
                "--sorot.home=" + elsewhere);
        assertThat(wrongHome.exit()).isEqualTo(EtlVerb.FAILED);
        assertThat(wrongHome.err()).contains("sorot etl check: etl/reference/band_sets.yml: not found at " + elsewhere);
    }
}
