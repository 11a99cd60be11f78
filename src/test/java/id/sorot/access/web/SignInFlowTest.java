package id.sorot.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.sorot.Browser;
import id.sorot.SorotTest;
import id.sorot.access.AuditLog;
import id.sorot.access.Role;
import id.sorot.access.Users;
import id.sorot.base.duckdb.Store;
import id.sorot.etl.EtlService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in and out as a person does, in headless Chromium at 1366x768; the lock after failed
 * sign-ins; and a page on another origin that tries to upload through a signed-in browser.
 */
class SignInFlowTest extends SorotTest {

    private static Browser browser;

    @Autowired
    private AuditLog audit;

    @Autowired
    private Users users;

    @Autowired
    private Store store;

    @Autowired
    private EtlService etl;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = new Browser(1366, 768);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void a_pimpinan_signs_in_reads_the_ranking_without_the_import_and_signs_out() throws Exception {
        String pimpinan = user(Role.PIMPINAN);
        browser.driver().manage().deleteAllCookies();
        browser.open(baseUrl() + "/akip?tahun=2024", "sign-in-form");
        assertThat(browser.url()).endsWith("/masuk");
        assertThat(browser.text("sign-in")).contains("Masuk", "Nama pengguna", "Kata sandi");
        browser.screenshot("masuk-1366");

        browser.signIn(pimpinan, "salah-kata-sandi");
        browser.waitUntil("document.getElementById('sign-in-form') && document.getElementById('sign-in-form').error");
        assertThat(browser.url()).contains("/masuk?error");
        // the form shows its error inside its own shadow DOM
        assertThat(browser.deepText("sign-in-form"))
                .contains("Tidak dapat masuk", "Nama pengguna atau kata sandi salah");
        browser.screenshot("masuk-gagal-1366");

        browser.signIn(pimpinan, PASSWORD);
        browser.waitUntil("document.getElementById('akip-grid')");
        assertThat(browser.url()).as("back to the page first asked for").endsWith("/akip?tahun=2024");
        assertThat(browser.text("signed-in-user")).isEqualTo("uji-pimpinan (Pimpinan)");
        assertThat((String) browser.js("return document.querySelector('vaadin-side-nav').innerText"))
                .contains("Peringkat AKIP")
                .doesNotContain("Impor data");
        browser.screenshot("akip-pimpinan-1366");

        browser.driver().get(baseUrl() + "/impor");
        browser.waitUntil("document.getElementById('access-denied') || document.getElementById('import-upload')");
        assertThat(browser.js("return !!document.getElementById('import-upload')"))
                .as("a pimpinan does not get the import page")
                .isEqualTo(false);
        assertThat(browser.text("access-denied")).contains("Halaman ini bukan untuk peran Anda");

        browser.open(baseUrl() + "/akip?tahun=2024", "sign-out");
        browser.js("document.getElementById('sign-out').click()");
        browser.waitUntil("document.getElementById('sign-in-form')");
        assertThat(browser.url()).endsWith("/masuk");
        browser.driver().get(baseUrl() + "/akip");
        browser.waitUntil("document.getElementById('sign-in-form')");

        assertThat(audit.latest(20, pimpinan, null))
                .extracting(AuditLog.Entry::action)
                .containsSubsequence("sign_out", "sign_in", "sign_in_failed");
        assertThat(audit.latest(20, pimpinan, "sign_in").getFirst().ip()).isEqualTo("127.0.0.1");
    }

    @Test
    void five_failed_sign_ins_lock_the_user_even_against_the_right_password() throws Exception {
        String name = "uji-kunci";
        if (users.find(name).isEmpty()) {
            users.add(
                    new Users.Draft(name, "Uji kunci", Role.PIMPINAN, Set.of(BEKASI), null, false), PASSWORD, "local");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(signInOverHttp(name, "salah-" + i)).endsWith("/masuk?error");
        }
        assertThat(users.require(name).lockedUntil()).isNotNull();
        assertThat(signInOverHttp(name, PASSWORD)).as("locked").endsWith("/masuk?error");
        assertThat(audit.latest(10, name, "sign_in_failed")).hasSize(6).first().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("denied");
            assertThat(e.detail()).isEqualTo("LockedException");
        });
        assertThat(audit.latest(10, name, "sign_in")).isEmpty();
    }

    @Test
    void a_page_on_another_origin_cannot_upload_through_a_signed_in_browser() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.signInAs(user(Role.ADMIN), PASSWORD);
        browser.open(baseUrl() + "/akip?tahun=2024", "akip-grid");
        long batches = etl.history(1000).size();
        String target = baseUrl() + "/api/v1/etl/akip_opd_ranking";
        String page = "<!doctype html><html><body><form id=f method=post enctype=multipart/form-data action='" + target
                + "'><input name=pemda value=3275></form><script>"
                + "const fd = new FormData(); fd.append('pemda', '3275');"
                + "fd.append('file', new Blob(['No\\tPerangkat Daerah\\tHasil\\t\\n\\t\\tNilai\\tTingkat Akuntabilitas\\n"
                + "44\\tDISDIK\\t99,00\\tAA\\n'], {type: 'text/tab-separated-values'}), 'akip.tsv');"
                + "fetch('" + target + "', {method: 'POST', mode: 'no-cors', credentials: 'include', body: fd})"
                + ".finally(() => { document.title = 'sent'; });"
                + "</script></body></html>";
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            browser.driver().get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> "sent".equals(d.getTitle()));
        } finally {
            other.stop(0);
        }
        assertThat(disdikNilai2024()).isEqualTo(60.05);
        assertThat(etl.history(1000)).hasSize((int) batches);
    }

    private double disdikNilai2024() throws Exception {
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT f.nilai FROM fact_akip_opd f JOIN opd o USING (opd_id)"
                        + " WHERE o.kode = '" + DISDIK + "' AND f.periode_id = 20240")) {
            assertThat(rs.next()).isTrue();
            return rs.getDouble(1);
        }
    }

    /** Posts the sign-in form as a browser would; returns where Sorot sends it next. */
    private String signInOverHttp(String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/masuk"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElse("");
    }
}
