package id.sorot.access;

import java.util.Set;

/**
 * The rows a reader may see: every pemda ({@link #ALL}, for code running inside Sorot and for an
 * admin), or some pemda (kode), and within them perhaps one OPD (kode). The cube layer applies it
 * to every query, whatever filters the caller gave.
 */
public record Scope(boolean all, Set<String> pemda, String opd) {

    public static final Scope ALL = new Scope(true, Set.of(), null);

    public Scope {
        pemda = Set.copyOf(pemda);
    }

    public static Scope of(Actor a) {
        if (a.everyPemda()) return ALL;
        return new Scope(false, a.pemda(), a.readOpd());
    }
}
