package id.sorot.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Browser;
import id.sorot.SorotTest;
import id.sorot.access.AuditLog;
import id.sorot.access.Role;
import id.sorot.access.Users;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin's and every user's own screens as people use them, in headless Chromium at 1366x768:
 * an admin adds a user (its password shown once), the user signs in with it, makes a token on its
 * own page that the API takes and, once revoked there, refuses; the admin reads it all in the audit
 * log and downloads it.
 */
class AdminScreensTest extends SorotTest {

    private static Browser browser;

    @Autowired
    private Users users;

    @Autowired
    private AuditLog audit;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = new Browser(1366, 768);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void an_admin_adds_a_user_who_makes_and_revokes_a_token_and_the_audit_log_shows_it() throws Exception {
        String admin = user(Role.ADMIN);
        browser.driver().manage().deleteAllCookies();
        browser.signInAs(admin, PASSWORD).open(baseUrl() + "/admin/pengguna", "users");
        assertThat(browser.gridRows("users")).anySatisfy(r -> assertThat(r).contains(admin, "Admin"));

        browser.js("document.getElementById('user-add').click()");
        browser.waitUntil("document.getElementById('user-username')");
        browser.setValue("user-username", "uji-layar");
        browser.setValue("user-fullname", "Uji Layar");
        WebElement pemda = browser.driver().findElement(By.cssSelector("#user-pemda input"));
        pemda.click();
        pemda.sendKeys("Kota Bekasi");
        browser.waitUntil("document.querySelector('vaadin-multi-select-combo-box-item')");
        pemda.sendKeys(Keys.ENTER);
        browser.settle();
        browser.screenshot("pengguna-tambah-1366");
        browser.js("document.getElementById('user-save').click()");
        browser.waitUntil("document.getElementById('secret') && document.getElementById('secret').value");
        String password = (String) browser.js("return document.getElementById('secret').value");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        browser.js("document.getElementById('secret-close').click()");
        browser.settle();
        assertThat(users.require("uji-layar").pemda()).containsExactly(BEKASI);
        assertThat(users.require("uji-layar").role()).isEqualTo(Role.PIMPINAN);
        assertThat(browser.gridRows("users"))
                .anySatisfy(r -> assertThat(r).contains("uji-layar", "Uji Layar", "Pimpinan", "Kota Bekasi", "aktif"));
        browser.screenshot("pengguna-1366");

        // the new user, with the password shown once, makes a token on its own page
        browser.driver().manage().deleteAllCookies();
        browser.signInAs("uji-layar", password).open(baseUrl() + "/akun", "tokens");
        assertThat(browser.text("account-who")).contains("uji-layar", "Pimpinan");
        browser.setValue("token-name", "laporan-bulanan");
        browser.js("document.getElementById('token-create').click()");
        browser.waitUntil("document.getElementById('secret') && document.getElementById('secret').value");
        String token = (String) browser.js("return document.getElementById('secret').value");
        assertThat(token).startsWith("sorot_");
        browser.js("document.getElementById('secret-close').click()");
        browser.settle();
        assertThat(browser.gridRows("tokens")).singleElement().satisfies(r -> assertThat(r)
                .contains("laporan-bulanan", "aktif"));
        assertThat(cubes(token)).isEqualTo(200);
        browser.screenshot("akun-1366");
        browser.js("document.querySelector('[id^=token-revoke-]').click()");
        browser.waitUntil("!document.querySelector('[id^=token-revoke-]')");
        assertThat(browser.gridRows("tokens")).singleElement().satisfies(r -> assertThat(r)
                .contains("dicabut"));
        assertThat(cubes(token)).isEqualTo(401);

        // the admin reads it in the audit log and downloads the same rows
        browser.driver().manage().deleteAllCookies();
        browser.signInAs(admin, PASSWORD).open(baseUrl() + "/admin/audit", "audit");
        browser.setValue("audit-user", "uji-layar");
        assertThat(browser.gridRows("audit"))
                .extracting(r -> r.get(3))
                .containsSubsequence("Token dicabut", "Token dibuat", "Masuk");
        browser.screenshot("audit-1366");
        browser.js("document.getElementById('audit-csv').click()");
        Path csv = browser.downloadStartingWith("audit-sorot-", ".csv");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("token_revoked", "token_created", "uji-layar").doesNotContain(token);
        assertThat(audit.latest(50, admin, "user_added"))
                .anySatisfy(e -> assertThat(e.subject()).isEqualTo("uji-layar"));
    }

    /**
     * Every page and each role, as a signed-in browser sees it: the page's own content is there, or
     * it is not (Vaadin answers every route's first request with the same shell, so the status alone
     * says nothing). An operator sees its pemda's dashboards; only loaders get the import page and
     * only the admin the admin pages.
     */
    @Test
    void each_role_opens_the_pages_its_rights_say_and_no_other() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/akip?tahun=2024", "akip-grid");
        pages.put("/ikm", "ikm-chart");
        pages.put("/deviasi", "deviasi-scatter");
        pages.put("/impor", "import-upload");
        pages.put("/akun", "account-view");
        pages.put("/admin/pengguna", "users-view");
        pages.put("/admin/audit", "audit-view");
        Map<Role, String> want = new LinkedHashMap<>();
        //                                     akip ikm dev impor akun users audit
        want.put(Role.PIMPINAN, "1 1 1 0 1 0 0");
        want.put(Role.BAGIAN_ORGANISASI, "1 1 1 1 1 0 0");
        want.put(Role.INSPEKTORAT, "1 1 1 1 1 0 0");
        want.put(Role.OPERATOR_OPD, "1 1 1 1 1 0 0");
        want.put(Role.ADMIN, "1 1 1 1 1 1 1");
        Map<Role, String> got = new LinkedHashMap<>();
        for (Role role : want.keySet()) {
            browser.driver().manage().deleteAllCookies();
            browser.signInAs(user(role), PASSWORD).open(baseUrl() + "/akun", "account-view");
            List<String> seen = new ArrayList<>();
            for (var page : pages.entrySet()) {
                browser.driver().get(baseUrl() + page.getKey());
                // the page's own content, or the access-denied page: one of them comes
                browser.waitUntil("document.getElementById('" + page.getValue()
                        + "') || document.getElementById('access-denied')");
                seen.add(
                        Boolean.TRUE.equals(
                                        browser.js("return !!document.getElementById(arguments[0])", page.getValue()))
                                ? "1"
                                : "0");
            }
            got.put(role, String.join(" ", seen));
        }
        assertThat(got).isEqualTo(want);
    }

    private int cubes(String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/cubes"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
