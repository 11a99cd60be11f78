package id.sorot.etl;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.SorotTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/etl/{job}} over real HTTP on 127.0.0.1. */
class EtlApiTest extends SorotTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String job, Path file, Map<String, String> fields, String language)
            throws Exception {
        String boundary = "test-boundary";
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + file.getFileName() + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            parts.add(Files.readAllBytes(file));
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = api("/api/v1/etl/" + job)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        if (language != null) request.header("Accept-Language", language);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_unknown_file_gets_a_draft_spec_and_nothing_is_saved() throws Exception {
        HttpResponse<String> r = post(
                "jobs/draft",
                Path.of("src/test/resources/etl/draft/serapan_skpd_oktober_2023.tsv"),
                Map.of("pemda", "3275"),
                null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("name").asString()).isEqualTo("serapan_skpd_oktober_2023");
        assertThat(body.path("target").asString()).isEqualTo("realisasi_opd");
        assertThat(body.path("missing").size()).isZero();
        assertThat(body.path("header_line").asInt()).isEqualTo(4);
        assertThat(body.path("data_rows").asInt()).isEqualTo(3);
        JsonNode opd = body.path("columns").get(1);
        assertThat(opd.path("header").asString()).isEqualTo("SKPD");
        assertThat(opd.path("kind").asString()).isEqualTo("teks");
        assertThat(opd.path("opd_match").asDouble()).isEqualTo(1.0);
        assertThat(opd.path("field").asString()).isEqualTo("opd");
        assertThat(body.path("columns").get(2).path("kind").asString()).isEqualTo("rupiah");
        assertThat(body.path("yaml").asString())
                .contains("name: serapan_skpd_oktober_2023", "columns: {1: opd, 2: anggaran, 3: realisasi_keuangan_rp");
        assertThat(Path.of("etl/jobs/serapan_skpd_oktober_2023.yml")).doesNotExist();
    }

    @Test
    void a_good_file_loads_and_answers_with_its_batch() throws Exception {
        HttpResponse<String> r = post(
                "akip_pemda",
                Path.of("etl/samples/kota-bekasi-2024/nilai_akip_kota_2020_2024.tsv"),
                Map.of("pemda", "3275"),
                null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asString()).isEqualTo("LOADED");
        assertThat(body.path("rows_loaded").asLong()).isEqualTo(5);
        assertThat(body.path("batch_id").asLong()).isPositive();
        assertThat(body.path("sha256").asString()).hasSize(64);
        assertThat(body.path("periods").size()).isEqualTo(5);
    }

    @Test
    void a_dry_run_checks_and_reports_the_sources_own_totals() throws Exception {
        HttpResponse<String> r = post(
                "ikm_unit_layanan",
                Path.of("etl/samples/kota-bekasi-2024/ikm_unit_layanan_2024.tsv"),
                Map.of("pemda", "3275", "dry_run", "true"),
                null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asString()).isEqualTo("VALID");
        assertThat(body.path("rows_read").asLong()).isEqualTo(96);
        JsonNode mean = body.path("checks").get(0);
        assertThat(mean.path("reported").asDouble()).isEqualTo(88.02);
        assertThat(mean.path("computed").asDouble()).isBetween(88.16, 88.17);
        assertThat(mean.path("agrees").asBoolean()).isFalse();
    }

    @Test
    void rejected_rows_answer_422_with_every_problem_in_the_readers_language() throws Exception {
        Path bad = Path.of("src/test/resources/etl/bad/unknown_opd.tsv");
        HttpResponse<String> r = post("akip_opd_ranking", bad, Map.of("pemda", "3275"), null);
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asString()).isEqualTo("REJECTED");
        assertThat(body.path("rows_loaded").asLong()).isZero();
        JsonNode first = body.path("problems").get(0);
        assertThat(first.path("row").asInt()).isEqualTo(41);
        assertThat(first.path("column").asInt()).isEqualTo(2);
        assertThat(first.path("value").asString()).isEqualTo("DINAS OLAHRAGA RAYA");
        assertThat(first.path("message").asString()).contains("perangkat daerah 'DINAS OLAHRAGA RAYA' tidak dikenal");

        HttpResponse<String> english = post("akip_opd_ranking", bad, Map.of("pemda", "3275"), "en");
        assertThat(JSON.readTree(english.body())
                        .path("problems")
                        .get(0)
                        .path("message")
                        .asString())
                .contains("unknown agency 'DINAS OLAHRAGA RAYA'");
    }

    @Test
    void a_missing_parameter_is_named() throws Exception {
        HttpResponse<String> r = post(
                "akip_komponen",
                Path.of("etl/samples/kota-bekasi-2024/setda_komponen_akip_2024.tsv"),
                Map.of("pemda", "3275"),
                "en");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(r.body())
                        .path("problems")
                        .get(0)
                        .path("message")
                        .asString())
                .contains("the parameter 'opd' is required");
    }

    @Test
    void an_unknown_job_is_404_and_a_missing_file_is_400() throws Exception {
        assertThat(post("no_such_job", Path.of("etl/samples/manifest.yml"), Map.of(), null)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> noFile = post("akip_pemda", null, Map.of("pemda", "3275"), null);
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noFile.body()).path("field").asString()).isEqualTo("file");
    }

    @Test
    void jobs_and_batches_are_listed() throws Exception {
        JsonNode jobs = JSON.readTree(http.send(api("/api/v1/etl/jobs").build(), HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(jobs.size()).isEqualTo(18);
        jobs.forEach(
                j -> assertThat(j.path("status").asString()).as(j.toString()).isEqualTo("ok"));
        HttpResponse<String> reloaded = http.send(
                api("/api/v1/etl/jobs/reload")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
        assertThat(JSON.readTree(reloaded.body()).size()).isEqualTo(18);
        JsonNode batches = JSON.readTree(
                http.send(api("/api/v1/etl/batches?limit=100").build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        assertThat(batches.size()).isGreaterThanOrEqualTo(10);
    }
}
