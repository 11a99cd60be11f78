package id.sorot.etl.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fact tables the ETL fills, by name; job specs refer to them in {@code target:}. Targets hold
 * no per-load state (each load opens its own {@link Target.Run}), so one set serves every load.
 */
public final class Targets {

    private static final Map<String, Target> ALL = build();

    private Targets() {}

    public static Map<String, Target> all() {
        return ALL;
    }

    private static Map<String, Target> build() {
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
                new IkuTarget(),
                new PohonKinerjaTarget(),
                new EfisiensiTarget())) {
            out.put(t.name(), t);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
