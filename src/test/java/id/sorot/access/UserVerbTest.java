package id.sorot.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Jvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sorot user ...} on a store of its own, as an administrator runs it on the server. */
class UserVerbTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run sorot(String... args) throws Exception {
        List<String> command = new ArrayList<>(Jvm.command(List.of(), "id.sorot.Application", args));
        command.add("--sorot.home=" + Path.of("").toAbsolutePath());
        command.add("--sorot.store=" + dir.resolve("sorot.duckdb"));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sorot finishes").isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void users_are_added_listed_reset_and_disabled_from_the_command_line() throws Exception {
        Run added =
                sorot("user", "add", "op.setda", "--role=operator_opd", "--pemda=3275", "--opd=4.01.01", "--opd-only");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out())
                .contains("user op.setda added: operator_opd, pemda 3275, OPD 4.01.01 (sees only its OPD)")
                .containsPattern("password: [A-Za-z0-9_-]{20}");

        Run refused = sorot("user", "add", "pimpinan", "--role=pimpinan");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("needs at least one pemda");

        assertThat(sorot("user", "passwd", "op.setda", "--password=kata-sandi-baru-2")
                        .out())
                .contains("password of op.setda changed")
                .doesNotContain("kata-sandi-baru-2");
        assertThat(sorot("user", "disable", "op.setda").exit()).isZero();

        Run list = sorot("user", "list");
        assertThat(list.out())
                .contains("op.setda\toperator_opd, pemda 3275, OPD 4.01.01 (sees only its OPD)\tdisabled");
        assertThat(list.out()).doesNotContain("pimpinan\t");

        assertThat(sorot("user", "add").exit()).isEqualTo(64);
    }
}
