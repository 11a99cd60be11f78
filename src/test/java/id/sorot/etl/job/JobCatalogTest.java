package id.sorot.etl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.SorotTest;
import id.sorot.base.yaml.DefinitionException;
import id.sorot.etl.EtlService;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.target.Targets;
import id.sorot.rules.RuleService;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every job file in etl/jobs is valid and its samples read clean; broken job files are refused by name and path. */
class JobCatalogTest extends SorotTest {

    private static final Path ETL = Path.of("etl");
    private static final Path BROKEN = Path.of("src/test/resources/etl/broken-jobs");

    @Autowired
    RuleService rules;

    @Autowired
    EtlService etl;

    @Test
    void every_job_in_etl_jobs_loads() {
        JobCatalog catalog = JobCatalog.load(ETL, Targets.all(), rules);
        assertThat(catalog.jobs()).hasSize(18).containsKeys("akip_opd_2021_2024", "realisasi_sub_kegiatan_sipd");
        assertThat(catalog.jobs().values())
                .allSatisfy(j -> assertThat(j.samples()).isNotEmpty());
    }

    @Test
    void the_sipd_sample_reads_clean() throws Exception {
        LoadResult r = etl.preview(
                "realisasi_sub_kegiatan_sipd",
                SourceFile.of(ETL.resolve("samples/realisasi-nasional/realisasi_sub_kegiatan_contoh.csv")),
                LoadRequest.by("test"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(4);
        // its 4 rows would replace the sub kegiatan the samples hold for the same pemda and year:
        // it reads clean, and a load would ask first
        assertThat(r.status()).isEqualTo(LoadResult.Status.HELD);
        assertThat(r.removal().rowsRemoved()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown_key      | etl/jobs/unknown_key.yml: layout.colums: unknown key 'colums' (allowed: header, title_period, file_period, rows, numbers, columns, continuation_columns, fill_from_continuation, join_from_continuation, fill_down, repeat, combine)",
                "unknown_target   | etl/jobs/unknown_target.yml: target: unknown target 'akip_kota' (known: [akip_komponen, akip_opd, akip_pemda, anggaran, efisiensi, ikm, iku, pohon_kinerja, realisasi_anggaran, realisasi_opd, realisasi_triwulan])",
                "unknown_field    | etl/jobs/unknown_field.yml: layout: field 'peringkat' is not one target akip_opd accepts ([nilai, opd, pemda, predikat, tahun])",
                "unfed_field      | etl/jobs/unfed_field.yml: layout: nothing feeds the required field 'tahun': map a column to it or list it as a parameter",
                "bad_pattern      | etl/jobs/bad_pattern.yml: layout.header.match[0]: is not a valid pattern: Unclosed group",
                "missing_sample   | etl/jobs/missing_sample.yml: samples[0]: sample etl/samples/kota-bekasi-2024/tidak_ada.tsv does not exist",
                "wrong_name       | etl/jobs/wrong_name.yml: name: is 'another_name' but the file is wrong_name.yml; they must match",
            })
    void a_broken_job_is_refused_naming_file_and_path(String job, String message) {
        assertThatThrownBy(() -> JobCatalog.read(BROKEN.resolve(job + ".yml"), ETL, Targets.all(), rules))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(message);
    }
}
