package id.sorot.etl.load;

import id.sorot.etl.read.Problem;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a load or a preview: the batch, its counts, the problems that stopped it (if
 * any), and the source's own totals checked against what Sorot computed.
 *
 * @param rowsRead data rows found in the file
 * @param rowsLoaded fact rows stored (0 unless {@code status} is LOADED)
 * @param rowsRejected source rows with at least one problem
 * @param rowsCombined source rows that became part of another row ({@code combine}), so not facts of their own
 * @param replacedBatches earlier batches whose rows this load replaced
 * @param columns and {@code head}: the first parsed fact rows, for a preview
 * @param units the units amounts were read in, per field ({@code anggaran: juta}); null when all in rupiah
 * @param millis how long each phase took (read, stage, check, replace, insert), for benchmarks
 * @param removal what the load replaces of earlier batches, or null when it replaces nothing
 */
public record LoadResult(
        long batchId,
        String job,
        String target,
        String file,
        long size,
        String sha256,
        Status status,
        long rowsRead,
        long rowsLoaded,
        long rowsRejected,
        long rowsCombined,
        List<Integer> periods,
        List<Long> replacedBatches,
        List<Problem> problems,
        long problemCount,
        List<Check> checks,
        List<String> columns,
        List<List<String>> head,
        String units,
        Map<String, Long> millis,
        Removal removal) {

    public enum Status {
        /** committed */
        LOADED,
        /** problems found; nothing changed */
        REJECTED,
        /** a preview found no problem; nothing written */
        VALID,
        /**
         * "perlu konfirmasi": the load would remove more than the set share of the rows in its scope;
         * nothing changed until someone whose role may confirms it
         */
        HELD,
        /** the user may not load this target, or rows of another pemda or OPD than theirs; nothing changed */
        REFUSED
    }

    /**
     * What a load replaces: rows of earlier batches in its scope, and how many of them have a key the
     * new rows lack, so would be gone (the first {@code removed} of them described).
     *
     * @param limitPercent a load removing more than this share of {@code rowsInScope} is held
     */
    public record Removal(long rowsInScope, long rowsRemoved, List<String> removed, int limitPercent) {

        public Removal {
            removed = List.copyOf(removed);
        }

        public boolean exceedsLimit() {
            return rowsRemoved * 100 > (long) limitPercent * rowsInScope;
        }

        /** The share of the rows in scope that would be gone, in whole percent (rounded up). */
        public long percent() {
            return rowsInScope == 0 ? 0 : (rowsRemoved * 100 + rowsInScope - 1) / rowsInScope;
        }
    }

    /** A figure the source reported about its rows, beside the same figure computed from them. */
    public record Check(
            String subject,
            String measure,
            Double reported,
            Double computed,
            String reportedLabel,
            String computedLabel,
            boolean agrees,
            String rule,
            Integer row) {}

    /** Loaded, or a preview that would load: not rejected, held or refused. */
    public boolean ok() {
        return status == Status.LOADED || status == Status.VALID;
    }
}
