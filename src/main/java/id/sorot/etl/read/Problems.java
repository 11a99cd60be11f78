package id.sorot.etl.read;

import java.util.ArrayList;
import java.util.List;

/** Problems found in one load; keeps the first {@value #KEEP} and counts the rest. */
public final class Problems {

    static final int KEEP = 1000;

    private final List<Problem> kept = new ArrayList<>();
    private long count;
    private final java.util.Set<Integer> rows = new java.util.HashSet<>();

    public synchronized void add(Problem p) {
        count++;
        if (p.row() != null) {
            rows.add(p.row());
        }
        if (kept.size() < KEEP) {
            kept.add(p);
        }
    }

    public synchronized boolean any() {
        return count > 0;
    }

    public synchronized long count() {
        return count;
    }

    /** Distinct source rows with at least one problem. */
    public synchronized long rowCount() {
        return rows.size();
    }

    /** In file order: stretches read in parallel report out of order. */
    public synchronized List<Problem> list() {
        List<Problem> sorted = new ArrayList<>(kept);
        sorted.sort(java.util.Comparator.comparing(p -> p.row() == null ? -1 : p.row()));
        return List.copyOf(sorted);
    }
}
