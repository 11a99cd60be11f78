package id.sorot.etl.load;

import id.sorot.etl.job.JobSpec;
import id.sorot.etl.read.Amounts;
import id.sorot.etl.read.Problems;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.target.FactBuffer;
import id.sorot.etl.target.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One load as it runs: what it is (batch, job, target, file, request), what it has found (problems,
 * the source's own totals checked, rows read) and how long each phase took; it builds the outcome.
 * Every part of a load is handed this one object instead of a long list of arguments.
 */
final class Load {
    final long batchId;
    final JobSpec spec;
    final Target target;
    final SourceFile file;
    final LoadRequest request;
    /** False for a preview: everything is read and checked, nothing is kept. */
    final boolean commit;
    /** The batch_id the facts carry while staged: the batch's, or for a preview a negative tag no batch has. */
    final long tag;

    final Instant started = Instant.now();
    final Problems problems = new Problems();
    final List<LoadResult.Check> checks = new ArrayList<>();
    final Phases phases = new Phases();
    LoadParameters parameters = new LoadParameters(null, null, null);
    long rowsRead;
    long rowsCombined;
    List<List<String>> head = List.of();
    /** The units amounts were read in, as the batch records them ({@code anggaran: juta}); null when all rupiah. */
    String units;
    /** What the load replaces of earlier batches, once known. */
    LoadResult.Removal removal;

    static String units(Map<String, Set<Amounts.Unit>> byField) {
        List<String> parts = new ArrayList<>();
        byField.forEach((field, units) -> parts.add(field + ": "
                + String.join(", ", units.stream().map(Amounts.Unit::label).toList())));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    Load(long batchId, JobSpec spec, Target target, SourceFile file, LoadRequest request, boolean commit) {
        this.batchId = batchId;
        this.spec = spec;
        this.target = target;
        this.file = file;
        this.request = request;
        this.commit = commit;
        this.tag = commit ? batchId : -System.nanoTime();
    }

    LoadResult result(LoadResult.Status status, long rowsLoaded, List<Integer> periods, List<Long> replaced) {
        return new LoadResult(
                batchId,
                spec.name(),
                target.name(),
                file.name(),
                file.size(),
                file.sha256(),
                status,
                rowsRead,
                rowsLoaded,
                problems.rowCount(),
                rowsCombined,
                periods,
                replaced,
                problems.list(),
                problems.count(),
                List.copyOf(checks),
                target.columns().stream().map(FactBuffer.Column::name).toList(),
                head,
                units,
                phases.snapshot(),
                removal);
    }
}
