package id.sorot.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.access.AccessProperties;
import id.sorot.access.AuditLog;
import id.sorot.base.Settings;
import id.sorot.base.SorotProperties;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.draft.DraftSpec;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import id.sorot.opd.OpdService;
import id.sorot.rules.RuleService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * From an unknown file to a loaded one without a line of Java or a restart: the draft is proposed,
 * tried on the file, saved into etl/jobs of a scratch home, offered as a job at once, and loads.
 */
class DraftServiceTest {

    private static final Path ETL = Path.of("etl").toAbsolutePath();
    private static final Path FILE = Path.of("src/test/resources/etl/draft/serapan_skpd_oktober_2023.tsv");

    @TempDir
    Path home;

    private record Services(EtlService etl, DraftService drafts) {}

    private Services services(Store store, boolean saveSpecs) throws Exception {
        Path dir = Files.createDirectories(home.resolve("etl"));
        if (!Files.exists(dir.resolve("reference"))) {
            Files.createSymbolicLink(dir.resolve("samples"), ETL.resolve("samples"));
            Files.createSymbolicLink(dir.resolve("reference"), ETL.resolve("reference"));
            // a home needs at least one job; this one knows nothing of the draft's layout
            Files.copy(
                    ETL.resolve("jobs/akip_pemda.yml"),
                    Files.createDirectories(dir.resolve("jobs")).resolve("akip_pemda.yml"));
        }
        SorotProperties p = Settings.withHome(home.resolve("sorot.duckdb"), home);
        SorotProperties properties = new SorotProperties(
                p.store(), p.home(), false, p.pemda(), p.maxUploadMb(), p.avatica(), p.deviasi(), p.cube(), saveSpecs);
        RuleService rules = new RuleService(properties);
        OpdService opds = new OpdService(store, properties);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        EtlService etl = new EtlService(
                store, opds, rules, properties, messages, AccessProperties.defaults(), new AuditLog(store));
        return new Services(etl, new DraftService(etl, opds, rules, properties));
    }

    @Test
    void an_unknown_file_is_drafted_tried_saved_and_loaded() throws Exception {
        try (Store store = Store.open(home.resolve("sorot.duckdb"))) {
            Services s = services(store, true);
            SourceFile file = SourceFile.of(FILE);
            assertThat(s.etl().detect(file)).isEmpty();

            DraftSpec d = s.drafts().draft(file, "3275");
            assertThat(d.target()).isEqualTo("realisasi_opd");
            assertThat(d.columns())
                    .isEqualTo(
                            Map.of(1, "opd", 2, "anggaran", 3, "realisasi_keuangan_rp", 4, "realisasi_keuangan_pct"));
            LoadResult tried = s.drafts().preview(d, file, LoadRequest.by("uji").withPemda("3275"));
            assertThat(tried.status()).as(tried.problems().toString()).isEqualTo(LoadResult.Status.VALID);
            assertThat(count(store, "SELECT count(*) FROM fact_realisasi_opd")).isZero();

            DraftSpec named = d.with("serapan_skpd_uji", d.target(), d.columns());
            assertThat(s.drafts().save(named).name()).isEqualTo("serapan_skpd_uji");
            assertThat(home.resolve("etl/jobs/serapan_skpd_uji.yml")).exists();
            assertThat(s.etl().detect(file)).extracting(j -> j.name()).containsExactly("serapan_skpd_uji");

            LoadResult r =
                    s.etl().load("serapan_skpd_uji", file, LoadRequest.by("uji").withPemda("3275"), null);
            assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
            assertThat(r.rowsLoaded()).isEqualTo(3);
            assertThat(r.checks()).allSatisfy(c -> assertThat(c.agrees()).isTrue());
            assertThat(count(
                            store,
                            "SELECT count(*) FROM fact_realisasi_opd WHERE per_tanggal = DATE '2023-10-31'"
                                    + " AND anggaran IS NOT NULL AND rencana_keuangan_pct IS NULL"))
                    .isEqualTo(3);

            // never over an existing spec
            assertThatThrownBy(() -> s.drafts().save(named))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("etl/jobs/serapan_skpd_uji.yml already exists");
        }
    }

    @Test
    void a_field_the_target_does_not_take_is_a_clear_error_and_nothing_is_written() throws Exception {
        try (Store store = Store.open(home.resolve("sorot.duckdb"))) {
            Services s = services(store, true);
            DraftSpec d = s.drafts().draft(SourceFile.of(FILE), "3275");
            DraftSpec wrong = d.with("serapan_salah", "realisasi_opd", Map.of(1, "opd", 2, "predikat"));
            assertThatThrownBy(() -> s.drafts().save(wrong))
                    .hasMessageContaining("predikat")
                    .hasMessageContaining("realisasi_opd");
            assertThat(home.resolve("etl/jobs/serapan_salah.yml")).doesNotExist();
        }
    }

    @Test
    void with_saving_switched_off_nothing_reaches_etl_jobs() throws Exception {
        try (Store store = Store.open(home.resolve("sorot.duckdb"))) {
            Services s = services(store, false);
            DraftSpec d = s.drafts().draft(SourceFile.of(FILE), "3275");
            assertThat(s.drafts().savesSpecs()).isFalse();
            assertThatThrownBy(() -> s.drafts().save(d)).hasMessageContaining("sorot.save-specs=false");
            try (var files = Files.list(home.resolve("etl/jobs"))) {
                assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("akip_pemda.yml");
            }
        }
    }

    private static long count(Store store, String sql) throws Exception {
        try (var c = store.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
