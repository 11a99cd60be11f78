package id.sorot.etl;

import id.sorot.base.SorotProperties;
import id.sorot.base.duckdb.Store;
import id.sorot.base.yaml.DefinitionException;
import id.sorot.etl.draft.DraftSpec;
import id.sorot.etl.draft.TableSketch;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.load.Loader;
import id.sorot.etl.read.EtlException;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.target.Targets;
import id.sorot.opd.OpdDirectory;
import id.sorot.opd.OpdService;
import id.sorot.opd.Pemda;
import id.sorot.rules.RuleService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.springframework.context.MessageSource;

/**
 * {@code sorot etl check <spec.yml> <file>}: a spec author's loop. Reads the spec (wherever it lies,
 * not only in etl/jobs), reads the file with it as a load would, and prints the parsed rows, the
 * source's totals against Sorot's and every problem. It runs on a scratch store in a temporary
 * folder holding only the reference data (OPD master, band sets), so it needs no web server and
 * never touches, or waits for the lock of, the real store.
 */
final class SpecCheck {

    private static final int ROWS_SHOWN = 20;

    private SpecCheck() {}

    static int run(
            SorotProperties properties,
            MessageSource messages,
            Path specFile,
            Path file,
            LoadRequest request,
            Locale locale,
            PrintStream out,
            PrintStream err) {
        RuleService rules;
        try {
            rules = new RuleService(properties);
        } catch (DefinitionException e) {
            // the reference data of --sorot.home: nothing to check a spec against
            err.println("sorot etl check: " + e.getMessage());
            return EtlVerb.FAILED;
        }
        JobSpec spec;
        try {
            spec = JobCatalog.readSpec(specFile, properties.etlDir(), Targets.all(), rules);
        } catch (DefinitionException e) {
            err.println(specFile + ": " + (e.path().isEmpty() ? "" : e.path() + ": ") + e.problem());
            return EtlVerb.REJECTED;
        }
        return onScratchStore(properties, "sorot etl check", err, (store, opds) -> {
            try (RootAllocator allocator = new RootAllocator()) {
                Loader loader = new Loader(store, opds, rules, allocator);
                LoadResult r =
                        loader.run(spec, Targets.all().get(spec.target()), SourceFile.of(file), request, false, null);
                print(spec, r, opds.directory(), messages, locale, out, err);
                return r.ok() ? EtlVerb.LOADED : EtlVerb.REJECTED;
            }
        });
    }

    /** What a verb does with a scratch store holding only the reference data; returns the exit code. */
    @FunctionalInterface
    private interface ScratchWork {
        int run(Store store, OpdService opds) throws IOException;
    }

    /**
     * Runs {@code work} on a store in a temporary folder that holds only etl/reference (OPD master,
     * pemda and their rules), so a verb needs no server and never waits for the real store's lock;
     * the folder is removed after.
     */
    private static int onScratchStore(SorotProperties properties, String verb, PrintStream err, ScratchWork work) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("sorot-scratch-");
            try (Store store = Store.open(scratch.resolve("scratch.duckdb"))) {
                return work.run(store, new OpdService(store, properties));
            }
        } catch (IOException | DefinitionException | EtlException e) {
            err.println(verb + ": " + e.getMessage());
            return EtlVerb.FAILED;
        } finally {
            delete(scratch);
        }
    }

    /**
     * {@code sorot etl draft <file>}: the draft spec of a file, as YAML on stdout (with what Sorot
     * found as comments above it), ready to save as etl/jobs/{@code name}.yml and try with check.
     */
    static int draft(SorotProperties properties, Path file, String pemdaKode, PrintStream out, PrintStream err) {
        return onScratchStore(properties, "sorot etl draft", err, (store, opds) -> {
            String kode = pemdaKode != null ? pemdaKode : properties.pemda();
            Pemda pemda = opds.directory().pemda(kode).orElse(null);
            if (pemda == null) {
                err.println("sorot etl draft: no pemda '" + kode + "' in etl/reference/pemda.yml");
                return EtlVerb.FAILED;
            }
            TableSketch sketch = TableSketch.of(SourceFile.of(file), opds.directory(), pemda);
            if (sketch.headerless()) {
                err.println("sorot etl draft: " + file + ": no row of column headings followed by rows with"
                        + " numbers; this does not look like a table");
                return EtlVerb.REJECTED;
            }
            DraftSpec d = DraftSpec.propose(
                    sketch, Targets.all(), n -> Files.exists(properties.etlDir().resolve("jobs/" + n + ".yml")));
            out.println("# draft of " + file.getFileName() + ": header on row " + sketch.headerLine() + " ("
                    + sketch.headerRows() + " rows), " + sketch.dataRows() + " data rows, " + sketch.totalRows()
                    + " total rows");
            for (TableSketch.Column c : sketch.columns()) {
                out.println("#   column " + c.index() + ": " + c.header() + " | "
                        + c.kind().name().toLowerCase(Locale.ROOT) + " | e.g. " + String.join("; ", c.samples())
                        + (c.opdMatch() > 0 ? " | OPD match " + Math.round(100 * c.opdMatch()) + " %" : "")
                        + (d.columns().containsKey(c.index())
                                ? " -> " + d.columns().get(c.index())
                                : ""));
            }
            if (d.target() == null) {
                err.println("sorot etl draft: no target fits the columns; write the spec by hand (README)");
                return EtlVerb.REJECTED;
            }
            out.print(d.yaml(Targets.all().get(d.target())));
            return EtlVerb.LOADED;
        });
    }

    private static void print(
            JobSpec spec,
            LoadResult r,
            OpdDirectory directory,
            MessageSource messages,
            Locale locale,
            PrintStream out,
            PrintStream err) {
        out.println(spec.name() + " -> " + spec.target() + ": " + r.rowsRead() + " rows read, "
                + (r.rowsCombined() > 0 ? r.rowsCombined() + " combined into others, " : "")
                + r.problemCount() + " problems");
        if (!r.columns().isEmpty()) {
            int shown = Math.min(ROWS_SHOWN, r.head().size());
            out.println();
            out.println("first " + shown + " parsed rows:");
            out.println(String.join("\t", r.columns()));
            for (List<String> row : r.head().subList(0, shown)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.size(); i++)
                    cells.add(readable(r.columns().get(i), row.get(i), directory));
                out.println(String.join("\t", cells));
            }
        }
        if (!r.checks().isEmpty()) {
            out.println();
            out.println("totals in the source against the rows:");
            for (LoadResult.Check c : r.checks()) {
                out.println(c.subject() + " · " + c.measure() + ": reported "
                        + (c.reported() != null ? c.reported() : c.reportedLabel()) + ", computed "
                        + (c.computed() != null ? c.computed() : c.computedLabel()) + (c.agrees() ? "" : "  DIFFERS"));
            }
        }
        for (Problem p : r.problems()) err.println(p.render(messages, locale));
        if (r.problemCount() > r.problems().size()) {
            err.println("... " + (r.problemCount() - r.problems().size()) + " more");
        }
    }

    /** Ids as the author wrote them: the OPD and pemda by name, so a wrong match shows at a glance. */
    private static String readable(String column, String value, OpdDirectory directory) {
        if (value == null) return "";
        try {
            return switch (column) {
                case "opd_id" -> directory.opd(Integer.parseInt(value)).singkatan() + " (" + value + ")";
                case "pemda_id" -> directory.pemda(Integer.parseInt(value)).kode() + " (" + value + ")";
                default -> value;
            };
        } catch (RuntimeException e) {
            return value;
        }
    }

    private static void delete(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a scratch folder in the temp dir; the OS clears it
        }
    }
}
