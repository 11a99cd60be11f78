package id.sorot.etl.load;

import java.util.LinkedHashMap;
import java.util.Map;

/** How long each phase of one load took (prepare, read, insert, check, replace, commit), for benchmarks. */
final class Phases {

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long clock = System.nanoTime();

    /** Ends the phase running since the last mark, adding its time to what that phase took before. */
    void mark(String phase) {
        long now = System.nanoTime();
        millis.merge(phase, (now - clock) / 1_000_000, Long::sum);
        clock = now;
    }

    /** A figure that is not a time (the number of stretches read in parallel). */
    void count(String what, long n) {
        millis.put(what, n);
    }

    Map<String, Long> snapshot() {
        return Map.copyOf(millis);
    }
}
