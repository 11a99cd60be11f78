package id.sorot.bench;

import id.sorot.Application;
import id.sorot.base.shell.Shell;
import id.sorot.base.shell.Verb;
import id.sorot.etl.EtlService;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * {@code sorot bench etl|cubes|dashboards}: the benchmarks, each on a store of its own. They live
 * with the tests, not in the production jar; {@link BenchMain} runs them on the test class path.
 */
final class BenchVerb implements Verb {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench etl|cubes|dashboards|xlsx|draft [--option=value ...] (see README)";
    }

    @Override
    public int run(List<String> arguments, Map<String, String> options, PrintStream out, PrintStream err)
            throws Exception {
        String what = arguments.isEmpty() ? "" : arguments.getFirst();
        return switch (what) {
            case "etl" ->
                EtlBench.run(options, Path.of(options.getOrDefault("home", ".")), out, paths -> Shell.headless(
                                Application.class,
                                paths[1].toString(),
                                "--sorot.home=" + paths[0],
                                "--sorot.max-upload-mb=8192")
                        .getBean(EtlService.class));
            case "cubes" -> CubeBench.run(options, out, store -> Shell.headless(Application.class, store.toString()));
            case "dashboards" -> dashboards(options, out);
            case "xlsx" -> XlsxBench.run(options, out);
            case "draft" -> DraftBench.run(options, out);
            default -> {
                err.println((what.isEmpty()
                                ? "sorot bench: which benchmark?"
                                : "sorot bench: unknown benchmark '" + what + "'")
                        + "\nusage: sorot " + usage());
                yield Shell.USAGE;
            }
        };
    }

    private static int dashboards(Map<String, String> options, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("sorot-bench-dashboards-");
        try (ConfigurableApplicationContext context = Shell.headless(
                Application.class,
                dir.resolve("bekasi.duckdb").toString(),
                "--sorot.load-samples=true",
                "--sorot.home=" + options.getOrDefault("home", "."))) {
            return DashboardBench.run(options, out, context);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }
}
