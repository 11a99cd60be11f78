package id.sorot.etl;

import java.util.ArrayList;
import java.util.List;

/** Problems found in one load; keeps the first {@value #KEEP} and counts the rest. */
final class Problems {

    static final int KEEP = 1000;

    private final List<Problem> kept = new ArrayList<>();
    private long count;
    private final java.util.Set<Integer> rows = new java.util.HashSet<>();

    synchronized void add(Problem p) {
        count++;
        if (p.row() != null) {
            rows.add(p.row());
        }
        if (kept.size() < KEEP) {
            kept.add(p);
        }
    }

    synchronized boolean any() {
        return count > 0;
    }

    synchronized long count() {
        return count;
    }

    /** Distinct source rows with at least one problem. */
    synchronized long rowCount() {
        return rows.size();
    }

    synchronized List<Problem> list() {
        return List.copyOf(kept);
    }
}
