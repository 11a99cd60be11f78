package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.etl.draft.DraftSpec;
import id.sorot.etl.draft.TableSketch;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.target.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file no job is told about gets a draft spec: header, data and total rows found, columns mapped
 * to a target's fields from their headers and values, and the YAML, read back as a spec, loads the
 * file whole. Each case is a layout Sorot has a hand-written job for, so the draft is checked
 * against what a person wrote.
 */
class DraftSpecTest extends WithLoadFixture {

    private DraftSpec draft(Path file) throws Exception {
        TableSketch sketch = TableSketch.of(
                SourceFile.of(file),
                fx.opds.directory(),
                fx.opds.directory().pemda("3275").orElseThrow());
        return DraftSpec.propose(sketch, Targets.all(), n -> fx.jobs.jobs().containsKey(n));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "etl/samples/contoh-format/realisasi_berita_2023.tsv | realisasi_opd | {1=opd, 2=realisasi_keuangan_rp,"
                        + " 3=realisasi_keuangan_pct, 4=realisasi_fisik_pct} | 4 | 0",
                "src/test/resources/etl/berita/realisasi_berita_split.csv | realisasi_opd | {1=opd,"
                        + " 2=realisasi_keuangan_rp, 3=realisasi_keuangan_pct, 4=realisasi_fisik_pct} | 4 | 0",
                "etl/samples/contoh-format/predikat_opd_2020.tsv | akip_opd | {1=opd, 2=predikat} | 6 | 0",
                "etl/samples/contoh-format/predikat_pemda_jabar_2024.tsv | akip_pemda | {1=pemda, 2=predikat} | 7 | 0",
                "etl/samples/kota-bekasi-2024/realisasi_fisik_keuangan_opd_2024.tsv | realisasi_opd | {1=opd,"
                        + " 2=anggaran, 4=rencana_keuangan_pct, 5=realisasi_keuangan_rp, 6=realisasi_keuangan_pct,"
                        + " 7=rencana_fisik_pct, 8=realisasi_fisik_pct, 9=deviasi_keuangan, 10=deviasi_fisik} | 44 | 0",
                "etl/samples/kota-bekasi-2024/hasil_evaluasi_akip_opd_2024.tsv | akip_opd | {1=opd, 2=nilai,"
                        + " 3=predikat} | 44 | 0",
                "etl/samples/kota-bekasi-2024/ikm_unit_layanan_2024.tsv | ikm | {1=unit, 2=nilai, 3=mutu} | 96 | 1",
                "etl/samples/kota-bekasi-2024/setda_capaian_iku_2024.tsv | iku | {1=sasaran, 2=indikator, 3=target,"
                        + " 4=realisasi, 5=capaian} | 5 | 0",
            })
    void a_draft_proposes_the_target_and_columns_and_loads_the_file(
            String file, String target, String columns, int rows, int disagreeing) throws Exception {
        DraftSpec d = draft(Path.of(file));
        assertThat(d.target()).isEqualTo(target);
        assertThat(d.columns()).hasToString(columns);
        Path spec = dir.resolve(d.name() + ".yml");
        Files.writeString(spec, d.yaml(Targets.all().get(target)));
        JobSpec job = JobCatalog.readSpec(spec, Path.of("etl"), Targets.all(), fx.rules);
        LoadResult r = fx.load(job, Path.of(file), new LoadRequest("3275", null, "SETDA", "uji"), true);
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(LoadResult.Status.LOADED);
        assertThat(r.rowsLoaded()).isEqualTo(rows);
        // the source's own totals are checked where it has them: they agree, but for the IKM table's
        // closing 88,02, which is not the mean of its 96 units (88,16; GUIDE.md), flagged, not refused
        assertThat(r.checks()).filteredOn(c -> !c.agrees()).hasSize(disagreeing);
    }

    @Test
    void a_release_with_split_rows_and_an_as_of_title_gets_combine_and_title_period() throws Exception {
        DraftSpec d = draft(Path.of("etl/samples/contoh-format/realisasi_berita_2023.tsv"));
        String yaml = d.yaml(Targets.all().get("realisasi_opd"));
        assertThat(d.name()).isEqualTo("realisasi_berita_2023");
        assertThat(d.combines()).isTrue();
        assertThat(yaml)
                .contains("parameters: [pemda]")
                .contains("title_period: \"(?i)(?:per|s/?d|sampai dengan)")
                .contains("check: {realisasi_keuangan_rp: sum}")
                .contains("share_of: {realisasi_keuangan_pct: realisasi_keuangan_rp}");
    }

    @Test
    void a_name_already_taken_gets_a_number() throws Exception {
        Path copy = dir.resolve("akip_pemda.tsv");
        Files.copy(Path.of("etl/samples/contoh-format/predikat_pemda_jabar_2024.tsv"), copy);
        assertThat(draft(copy).name()).isEqualTo("akip_pemda_2");
    }

    @Test
    void prose_is_no_table_and_gets_no_target() throws Exception {
        Path prose = dir.resolve("surat.txt");
        Files.writeString(prose, "Kepada Yth. Kepala Bagian Organisasi\nDengan hormat, bersama ini kami sampaikan.\n");
        DraftSpec d = draft(prose);
        assertThat(d.sketch().headerless()).isTrue();
        assertThat(d.target()).isNull();
    }
}
