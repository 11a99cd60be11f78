package id.sorot.base.shell;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Jvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command line that names no known verb prints the usage and exits 64, without a server or a store. */
class ShellTest {

    @TempDir
    Path dir;

    record Run(int exit, String err) {}

    private Run sorot(String... args) throws Exception {
        List<String> command = Jvm.command(List.of(), "id.sorot.Application", args);
        command.add("--sorot.home=" + Path.of("").toAbsolutePath());
        command.add("--sorot.store=" + dir.resolve("store/sorot.duckdb"));
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sorot finishes").isTrue();
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void an_unknown_verb_prints_usage_and_exits_64_without_opening_the_store() throws Exception {
        Run r = sorot("bench", "etl");
        assertThat(r.exit()).isEqualTo(Shell.USAGE);
        assertThat(r.err()).contains("sorot: unknown command 'bench'", "usage:", "sorot etl <job> <file>");
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void a_verb_with_wrong_arguments_exits_64() throws Exception {
        Run r = sorot("etl", "only-a-job");
        assertThat(r.exit()).isEqualTo(Shell.USAGE);
        assertThat(r.err()).contains("usage: sorot etl <job> <file>");
        assertThat(dir.resolve("store")).doesNotExist();
    }
}
