package id.sorot.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.sorot.access.AccessProperties;
import id.sorot.access.AuditLog;
import id.sorot.base.Settings;
import id.sorot.base.SorotProperties;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import id.sorot.opd.OpdService;
import id.sorot.rules.RuleService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A spec author's loop on a home of its own: a broken spec is listed and leaves the other jobs
 * working, and a spec added, fixed or removed is served without a restart.
 */
class SpecReloadTest {

    private static final Path ETL = Path.of("etl").toAbsolutePath();

    @TempDir
    Path home;

    private EtlService service(Store store) {
        SorotProperties properties = Settings.withHome(home.resolve("sorot.duckdb"), home);
        RuleService rules = new RuleService(properties);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        return new EtlService(
                store,
                new OpdService(store, properties),
                rules,
                properties,
                messages,
                AccessProperties.defaults(),
                new AuditLog(store));
    }

    private Path jobs() throws Exception {
        Path etl = Files.createDirectories(home.resolve("etl"));
        Files.createSymbolicLink(etl.resolve("samples"), ETL.resolve("samples"));
        Files.createSymbolicLink(etl.resolve("reference"), ETL.resolve("reference"));
        Path jobs = Files.createDirectories(etl.resolve("jobs"));
        Files.copy(ETL.resolve("jobs/akip_pemda.yml"), jobs.resolve("akip_pemda.yml"));
        Files.copy(Path.of("src/test/resources/etl/broken-jobs/unknown_key.yml"), jobs.resolve("unknown_key.yml"));
        return jobs;
    }

    @Test
    void a_broken_spec_is_listed_with_file_and_path_and_the_other_jobs_still_load() throws Exception {
        jobs();
        try (Store store = Store.open(home.resolve("sorot.duckdb"))) {
            EtlService etl = service(store);
            assertThat(etl.jobs()).extracting(JobSpec::name).containsExactly("akip_pemda");
            assertThat(etl.brokenJobs())
                    .containsExactly(
                            new JobCatalog.Broken(
                                    "etl/jobs/unknown_key.yml",
                                    "layout.colums",
                                    "unknown key 'colums' (allowed: header, title_period, file_period, rows, numbers, columns,"
                                            + " continuation_columns, fill_from_continuation, join_from_continuation, fill_down, repeat, combine)"));
            LoadResult r = etl.load(
                    "akip_pemda",
                    SourceFile.of(ETL.resolve("samples/kota-bekasi-2024/nilai_akip_kota_2020_2024.tsv")),
                    new LoadRequest("3275", null, null, "uji"),
                    null);
            assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
            assertThat(r.rowsLoaded()).isEqualTo(5);
        }
    }

    @Test
    void a_spec_added_fixed_or_removed_is_served_without_a_restart() throws Exception {
        Path jobs = jobs();
        try (Store store = Store.open(home.resolve("sorot.duckdb"))) {
            EtlService etl = service(store);
            assertThat(etl.job("akip_opd_ranking")).isEmpty();

            // added, then picked up by an explicit reload (the button, POST /api/v1/etl/jobs/reload)
            Files.copy(ETL.resolve("jobs/akip_opd_ranking.yml"), jobs.resolve("akip_opd_ranking.yml"));
            etl.reload();
            assertThat(etl.job("akip_opd_ranking")).isPresent();

            // fixed: noticed on its own within a second or so, no reload asked
            Files.writeString(
                    jobs.resolve("unknown_key.yml"),
                    Files.readString(ETL.resolve("jobs/akip_pemda.yml"))
                            .replace("name: akip_pemda", "name: unknown_key"));
            await().atMost(Duration.ofSeconds(10)).until(() -> etl.brokenJobs().isEmpty());
            assertThat(etl.job("unknown_key")).isPresent();

            Files.delete(jobs.resolve("akip_pemda.yml"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> etl.job("akip_pemda").isEmpty());
            assertThat(etl.jobs()).extracting(JobSpec::name).containsExactly("akip_opd_ranking", "unknown_key");
        }
    }
}
