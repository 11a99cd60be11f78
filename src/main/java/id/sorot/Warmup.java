package id.sorot;

import id.sorot.akip.AkipService;
import id.sorot.base.SorotProperties;
import id.sorot.ikm.IkmService;
import id.sorot.profile.ProfileService;
import id.sorot.realisasi.RealisasiService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks each dashboard's questions once after start-up, in the background, so their plans are cached.
 * Calcite plans a new statement in 50-100 ms (and the first ever in seconds, while it compiles its
 * own code); without this the first person to open each page would wait for all of it.
 */
@Component
@ConditionalOnWebApplication
class Warmup {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    private final AkipService akip;
    private final IkmService ikm;
    private final RealisasiService realisasi;
    private final ProfileService profiles;
    private final String pemda;

    Warmup(
            AkipService akip,
            IkmService ikm,
            RealisasiService realisasi,
            ProfileService profiles,
            SorotProperties properties) {
        this.akip = akip;
        this.ikm = ikm;
        this.realisasi = realisasi;
        this.profiles = profiles;
        this.pemda = properties.pemda();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread t = new Thread(this::run, "sorot-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void run() {
        long t0 = System.nanoTime();
        try {
            List<Integer> years = akip.years(pemda);
            if (!years.isEmpty()) {
                int year = years.getFirst();
                akip.ranking(pemda, year);
                akip.trend(pemda);
                akip.distribution(pemda, List.of());
                akip.weak(pemda, year);
                akip.ranking(pemda, year).rows().stream()
                        .findFirst()
                        .ifPresent(r -> profiles.profile(pemda, r.opdKode(), year));
            }
            for (int year : ikm.years(pemda).stream().limit(1).toList()) ikm.compare(pemda, year, null);
            for (int year : realisasi.years(pemda).stream().limit(1).toList()) {
                realisasi.deviasi(pemda, year, RealisasiService.YEAR);
                for (List<String> opd : realisasi.opdsWithTriwulan(pemda, year)) {
                    realisasi.items(pemda, year, opd.getFirst());
                    realisasi.curve(pemda, year, opd.getFirst(), null);
                }
            }
            log.info("Dashboards warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // a store without data, or one being loaded: the first visitor plans instead
            log.warn("Dashboard warm-up stopped: {}", e.getMessage());
        }
    }
}
