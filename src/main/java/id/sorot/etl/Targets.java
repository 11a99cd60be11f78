package id.sorot.etl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fact tables the ETL fills, by name; job specs refer to them in {@code target:}. Targets keep
 * per-load state, so every load gets fresh instances.
 */
final class Targets {

    private Targets() {}

    static Map<String, Target> all() {
        Map<String, Target> out = new LinkedHashMap<>();
        for (Target t : List.<Target>of(
                new AkipOpdTarget(),
                new AkipKomponenTarget(),
                new AkipPemdaTarget(),
                new IkmTarget(),
                new RealisasiOpdTarget(),
                new AnggaranTarget(),
                new RealisasiAnggaranTarget(),
                new RealisasiTriwulanTarget(),
                new IkuTarget())) {
            out.put(t.name(), t);
        }
        return out;
    }
}
