package id.sorot.etl;

import id.sorot.base.SorotProperties;
import id.sorot.base.yaml.DefinitionException;
import id.sorot.etl.draft.DraftSpec;
import id.sorot.etl.draft.TableSketch;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.target.Target;
import id.sorot.etl.target.Targets;
import id.sorot.opd.OpdService;
import id.sorot.opd.Pemda;
import id.sorot.rules.RuleService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Draft specs for files no job recognises: sketch the file and propose a job, try a draft (as the
 * user adjusted it) on the file without loading, and save it into etl/jobs where a running Sorot
 * picks it up. Saving is behind {@code sorot.save-specs}.
 */
@Service
public class DraftService {

    private final EtlService etl;
    private final OpdService opds;
    private final RuleService rules;
    private final Path etlDir;
    private final boolean saveSpecs;

    public DraftService(EtlService etl, OpdService opds, RuleService rules, SorotProperties properties) {
        this.etl = etl;
        this.opds = opds;
        this.rules = rules;
        this.etlDir = properties.etlDir();
        this.saveSpecs = properties.saveSpecs();
    }

    /** The proposal for a file, its text columns matched against the OPD master of {@code pemdaKode}. */
    public DraftSpec draft(SourceFile file, String pemdaKode) throws IOException {
        Pemda pemda =
                pemdaKode == null ? null : opds.directory().pemda(pemdaKode).orElse(null);
        TableSketch sketch = TableSketch.of(file, opds.directory(), pemda);
        return DraftSpec.propose(sketch, Targets.all(), this::taken);
    }

    /** The fields a target takes, for the mapping form. */
    public Map<String, Target> targets() {
        return Targets.all();
    }

    /**
     * The draft read as a spec, with every check a spec in etl/jobs gets; a {@link
     * DefinitionException} says what is wrong with it (a field the target does not take, say).
     */
    public JobSpec spec(DraftSpec draft) {
        Target t = Targets.all().get(draft.target());
        if (t == null) {
            throw new DefinitionException("etl/jobs/" + draft.name() + ".yml", "target", "choose a target");
        }
        try {
            Path dir = Files.createTempDirectory("sorot-draft-");
            Path file = dir.resolve(draft.name() + ".yml");
            try {
                Files.writeString(file, draft.yaml(t));
                return JobCatalog.readSpec(file, etlDir, Targets.all(), rules);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file with the draft as a load would, and writes nothing. */
    public LoadResult preview(DraftSpec draft, SourceFile file, LoadRequest request) {
        return etl.preview(spec(draft), file, request);
    }

    /** Whether this Sorot lets /impor write specs into etl/jobs ({@code sorot.save-specs}). */
    public boolean savesSpecs() {
        return saveSpecs;
    }

    /**
     * Writes the draft to etl/jobs/{@code name}.yml (never over an existing spec) and reads the jobs
     * again, so it can load at once; returns the spec as the catalog now has it.
     */
    public JobSpec save(DraftSpec draft) {
        if (!saveSpecs) throw new IllegalStateException("saving specs is switched off (sorot.save-specs=false)");
        spec(draft);
        Path file = etlDir.resolve("jobs").resolve(draft.name() + ".yml");
        try {
            Files.writeString(file, draft.yaml(Targets.all().get(draft.target())), StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalArgumentException("etl/jobs/" + draft.name() + ".yml already exists: choose another name");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        etl.reload();
        return etl.job(draft.name())
                .orElseThrow(() -> new IllegalStateException("etl/jobs/" + draft.name() + ".yml was written but"
                        + " does not read as a job: " + etl.brokenJobs()));
    }

    private boolean taken(String name) {
        return etl.job(name).isPresent() || Files.exists(etlDir.resolve("jobs").resolve(name + ".yml"));
    }
}
