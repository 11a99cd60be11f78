package id.sorot.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Browser;
import id.sorot.access.Role;
import id.sorot.access.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public portal switched on for Kota Bekasi's AKIP ranking and IKM: a visitor who never signs
 * in reads them (the 44 OPD of 2024) with chart downloads only; every other page, the API and the
 * import still ask for a sign-in; signing in from the portal gives the user's own pages back. Its
 * own Sorot on its own store, since the portal is a start-up setting.
 */
@Tag("app")
@SpringBootTest(
        classes = id.sorot.Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "sorot.public.enabled=true",
            "sorot.public.pemda=3275",
            "sorot.public.dashboards=akip,ikm"
        })
class PublicPortalTest {

    private static final String PASSWORD = "kata-sandi-portal";
    private static Browser browser;

    @LocalServerPort
    private int port;

    @Autowired
    private Users users;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        Path store = Files.createTempDirectory("sorot-portal-").resolve("sorot.duckdb");
        registry.add("sorot.store", store::toString);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = new Browser(1366, 768);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void a_visitor_reads_the_named_dashboards_of_the_named_pemda_with_pictures_only() throws Exception {
        browser.open(base() + "/akip?tahun=2024", "akip-grid");
        assertThat(browser.text("akip-ranking")).contains("Kota Bekasi, tahun 2024: 44 perangkat daerah dievaluasi");
        assertThat(browser.text("signed-in-user")).isEqualTo("Pengunjung publik");
        assertThat(present("sign-in-link")).isTrue();
        assertThat(present("sign-out")).isFalse();
        assertThat(present("akip-chart-panel-png"))
                .as("a chart's picture is public")
                .isTrue();
        assertThat(present("akip-grid-panel-csv"))
                .as("the table is not, unless configured")
                .isFalse();
        assertThat(present("akip-grid-panel-xlsx")).isFalse();
        assertThat(visible("pack-open")).as("the meeting pack holds the tables").isFalse();
        // akip/lemah and the OPD profile are not published here: no link leads a visitor to the sign-in page
        assertThat(visible("akip-open-weak")).isFalse();
        assertThat(browser.js("return document.querySelectorAll('.sorot-opd-link').length"))
                .isEqualTo(0L);
        assertThat(String.valueOf(browser.js("return document.getElementById('akip-grid').innerText")))
                .contains("BAPPELITBANGDA");
        String drawer = String.valueOf(browser.js("return document.querySelector('vaadin-side-nav').innerText"));
        assertThat(drawer)
                .contains("Peringkat AKIP", "Kepuasan masyarakat (IKM)")
                .doesNotContain("Predikat lemah", "Realisasi", "Impor", "Akun", "Pengguna");

        browser.screenshot("public-akip-2024");

        browser.open(base() + "/ikm?tahun=2024", "ikm-view");
        assertThat(present("sign-in-form")).isFalse();
    }

    @Test
    void every_other_page_asks_for_a_sign_in_and_the_api_for_a_token() throws Exception {
        for (String page : new String[] {"deviasi", "akip/lemah", "opd/1.01.01", "impor", "akun", "admin/pengguna"}) {
            browser.open(base() + "/" + page, "sign-in-form");
            assertThat(browser.url()).as(page).endsWith("/masuk");
        }
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/api/v1/cubes", "/api/v1/etl/batches"}) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void signing_in_from_the_portal_gives_the_users_own_pages() {
        if (users.find("portal-bo").isEmpty()) {
            users.add(
                    new Users.Draft("portal-bo", "Portal BO", Role.BAGIAN_ORGANISASI, Set.of("3275"), null, false),
                    PASSWORD,
                    "local");
        }
        browser.open(base() + "/akip?tahun=2024", "sign-in-link");
        browser.js("document.getElementById('sign-in-link').click()");
        browser.waitUntil("document.getElementById('sign-in-form')");
        browser.signIn("portal-bo", PASSWORD);
        browser.open(base() + "/akip?tahun=2024", "akip-grid-panel-csv");
        assertThat(browser.text("signed-in-user")).isEqualTo("portal-bo (Bagian Organisasi)");
        assertThat(visible("akip-open-weak")).isTrue();
        assertThat((Long) browser.js("return document.querySelectorAll('.sorot-opd-link').length"))
                .isPositive();
        browser.open(base() + "/deviasi", "deviasi-view");
        browser.js("document.getElementById('sign-out').click()");
        // signed out, the portal is back: the front page, as a visitor again
        browser.waitUntil("document.getElementById('sign-in-link')");
        assertThat(browser.text("signed-in-user")).isEqualTo("Pengunjung publik");
        assertThat(present("akip-grid-panel-csv")).isFalse();
    }

    private boolean present(String id) {
        return Boolean.TRUE.equals(browser.js("return !!document.getElementById(arguments[0])", id));
    }

    private boolean visible(String id) {
        return Boolean.TRUE.equals(
                browser.js("const e = document.getElementById(arguments[0]); return !!e && !e.hidden", id));
    }
}
