package id.sorot.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.SorotTest;
import id.sorot.access.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every API endpoint and every page, for anonymous and for each role: allowed or denied, with the
 * status each gets. API calls carry the role's personal access token; pages are asked for with the
 * session cookie of a real sign-in through the sign-in form.
 */
class AccessMatrixTest extends SorotTest {

    private static final String AKIP_PEMDA = "etl/samples/kota-bekasi-2024/nilai_akip_kota_2020_2024.tsv";
    private static final String DRAFT = "src/test/resources/etl/draft/serapan_skpd_oktober_2023.tsv";
    private final HttpClient http = HttpClient.newHttpClient();

    /** Anonymous first, then the roles in the order of {@link Role}. */
    private static final List<String> WHO =
            List.of("anonim", "pimpinan", "bagian_organisasi", "inspektorat", "operator_opd", "admin");

    record Call(String method, String path, String file, List<Integer> expected) {}

    private static Call call(String method, String path, String file, Integer... expected) {
        return new Call(method, path, file, List.of(expected));
    }

    @Test
    void every_api_endpoint_answers_each_role_as_its_rights_say() throws Exception {
        //                                                              anon pimp  bo   insp  op   admin
        List<Call> calls = List.of(
                call("GET", "/api/v1/openapi.json", null, 200, 200, 200, 200, 200, 200),
                call("GET", "/api/v1/cubes", null, 401, 200, 200, 200, 200, 200),
                call("GET", "/api/v1/cubes/akip_opd", null, 401, 200, 200, 200, 200, 200),
                call("POST", "/api/v1/cubes/akip_opd/query", null, 401, 200, 200, 200, 200, 200),
                call("GET", "/api/v1/etl/jobs", null, 401, 403, 200, 200, 200, 200),
                call("GET", "/api/v1/etl/batches", null, 401, 403, 200, 200, 200, 200),
                call("POST", "/api/v1/etl/jobs/draft", DRAFT, 401, 403, 200, 200, 200, 200),
                call("POST", "/api/v1/etl/jobs/reload", null, 401, 403, 200, 403, 403, 200),
                // a dry run: the pemda's own AKIP is the Bagian Organisasi's or the Inspektorat's, no operator's
                call(
                        "POST",
                        "/api/v1/etl/akip_pemda?dry_run=true&pemda=3275",
                        AKIP_PEMDA,
                        401,
                        403,
                        200,
                        200,
                        403,
                        200),
                call("GET", "/api/v1/nothing-here", null, 401, 403, 403, 403, 403, 403));
        Map<String, List<Integer>> got = new LinkedHashMap<>();
        Map<String, List<Integer>> want = new LinkedHashMap<>();
        for (Call c : calls) {
            List<Integer> statuses = new ArrayList<>();
            for (String who : WHO) statuses.add(send(c, who).statusCode());
            got.put(c.method() + " " + c.path(), statuses);
            want.put(c.method() + " " + c.path(), c.expected());
        }
        assertThat(got).isEqualTo(want);
    }

    @Test
    void a_bad_expired_or_revoked_token_gets_401_and_a_json_reason() throws Exception {
        HttpResponse<String> bad = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/cubes"))
                        .header("Authorization", "Bearer sorot_not-a-token")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sorot\"");
        assertThat(bad.body()).contains("unknown, expired or revoked");

        var created = tokens.create(user(Role.PIMPINAN), "sebentar", 1);
        HttpRequest withIt = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/cubes"))
                .header("Authorization", "Bearer " + created.secret())
                .build();
        assertThat(http.send(withIt, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(tokens.revoke(user(Role.PIMPINAN), created.token().id())).isTrue();
        assertThat(http.send(withIt, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void each_page_answers_each_role_as_its_rights_say() throws Exception {
        // anonymous: every page but the sign-in page sends the browser there, and keeps no session for it
        for (String page : List.of(
                "/",
                "/akip",
                "/akip/lemah",
                "/ikm",
                "/deviasi",
                "/opd/4.01.01",
                "/pohon-kinerja",
                "/pohon-kinerja/kesehatan",
                "/impor")) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + page)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(page).hasValue(baseUrl() + "/masuk");
            assertThat(r.headers().allValues("Set-Cookie")).as(page).noneMatch(c -> c.startsWith("JSESSIONID"));
        }
        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/masuk")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(signIn.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(signIn.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(signIn.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID").contains("HttpOnly", "SameSite=Lax"));
    }

    /** A call as {@code who}: anonymous with no header, else with the role's token. */
    private HttpResponse<String> send(Call c, String who) throws Exception {
        HttpRequest.Builder b = who.equals("anonim")
                ? HttpRequest.newBuilder(URI.create(baseUrl() + c.path()))
                : api(c.path(), Role.of(who));
        if (c.method().equals("GET")) {
            b.GET();
        } else if (c.file() != null) {
            String boundary = "matrix";
            List<byte[]> parts = new ArrayList<>();
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + Path.of(c.file()).getFileName() + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            parts.add(Files.readAllBytes(Path.of(c.file())));
            parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        } else if (c.path().endsWith("/query")) {
            b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"measures\": [\"jumlah_opd\"]}"));
        } else {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
