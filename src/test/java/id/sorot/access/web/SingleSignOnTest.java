package id.sorot.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Browser;
import id.sorot.access.AuditLog;
import id.sorot.access.Role;
import id.sorot.access.Users;
import idp.TestIdentityProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider started here (Spring Authorization Server,
 * 127.0.0.1), in headless Chromium: a first sign-in makes the user from the claims, with its role
 * and pemda; a token without a role, and a provider user named as a local Sorot user, are refused
 * back on the sign-in page, with the reason in the audit log. Its own Sorot, on its own empty store,
 * since the provider must be up before Sorot starts.
 */
@Tag("app")
@SpringBootTest(classes = id.sorot.Application.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SingleSignOnTest {

    private static final int PORT = TestIdentityProvider.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static TestIdentityProvider provider;
    private static Browser browser;

    @Autowired
    private Users users;

    @Autowired
    private AuditLog audit;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        provider = TestIdentityProvider.start(BASE, "pemda");
        Path store = Files.createTempDirectory("sorot-sso-").resolve("sorot.duckdb");
        String reg = "spring.security.oauth2.client.registration.pemda.";
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("server.port", () -> PORT);
        registry.add("sorot.store", store::toString);
        registry.add("sorot.load-samples", () -> "false");
        registry.add(reg + "client-id", () -> "sorot");
        registry.add(reg + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add(reg + "client-name", () -> "SSO Pemda");
        registry.add(reg + "scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.pemda.issuer-uri", provider::issuer);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = new Browser(1366, 768);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (provider != null) provider.stop();
    }

    @Test
    void a_first_sign_in_makes_the_user_from_the_claims_and_a_later_one_follows_them() throws Exception {
        signInThroughProvider("budi.sso");
        browser.waitUntil("document.getElementById('account-who')");
        assertThat(browser.url()).isEqualTo(BASE + "/akun");
        assertThat(browser.text("signed-in-user")).isEqualTo("budi.sso (Pimpinan)");
        assertThat(browser.text("account-who")).contains("budi.sso", "Pimpinan", "Kota Bekasi");
        // a provider user has no password in Sorot, so its page offers none to change
        assertThat(browser.js("return !!document.getElementById('password-current')"))
                .isEqualTo(false);
        browser.screenshot("sso-akun-1366");
        var budi = users.require("budi.sso");
        assertThat(budi.source()).isEqualTo("oidc");
        assertThat(budi.passwordHash()).isNull();
        assertThat(budi.role()).isEqualTo(Role.PIMPINAN);
        assertThat(budi.pemda()).containsExactly("3275");
        assertThat(budi.fullName()).isEqualTo("Budi SSO");
        assertThat(audit.latest(5, "budi.sso", "sign_in").getFirst().detail()).isEqualTo("oidc");
        assertThat(audit.latest(5, "oidc", "user_added").getFirst().subject()).isEqualTo("budi.sso");

        // the admin made it an Inspektorat member in Sorot; the provider still says pimpinan, and wins
        users.update(new Users.Draft("budi.sso", "Budi SSO", Role.INSPEKTORAT, Set.of("3275"), null, false));
        signInThroughProvider("budi.sso");
        browser.waitUntil("document.getElementById('signed-in-user')");
        assertThat(browser.text("signed-in-user")).isEqualTo("budi.sso (Pimpinan)");
        assertThat(audit.latest(1, "oidc", "user_changed").getFirst().detail())
                .isEqualTo("inspektorat, pemda 3275 -> pimpinan, pemda 3275");
    }

    @Test
    void a_token_without_a_role_or_naming_a_local_user_is_refused_and_changes_nothing() throws Exception {
        signInThroughProvider("tanpa.peran");
        browser.waitUntil("document.getElementById('sign-in-form')");
        assertThat(browser.url()).endsWith("/masuk?error");
        assertThat(users.find("tanpa.peran")).isEmpty();

        users.add(
                new Users.Draft("uji-lokal", null, Role.PIMPINAN, Set.of("3275"), null, false),
                "kata-sandi-uji",
                "local");
        signInThroughProvider("uji-lokal");
        browser.waitUntil("document.getElementById('sign-in-form')");
        assertThat(browser.url()).endsWith("/masuk?error");
        assertThat(users.require("uji-lokal").role())
                .as("not made an admin by the provider")
                .isEqualTo(Role.PIMPINAN);

        assertThat(audit.latest(10, "oidc", "sign_in_failed"))
                .extracting(AuditLog.Entry::detail)
                .anySatisfy(d -> assertThat(d).contains("tanpa.peran", "no claim sorot_role"))
                .anySatisfy(d -> assertThat(d).contains("uji-lokal is a local user"));
    }

    /** From a fresh browser: Sorot's /akun, its sign-in page, the provider's button, the provider's form. */
    private static void signInThroughProvider(String username) {
        browser.driver().manage().deleteAllCookies();
        browser.open(BASE + "/akun", "sign-in-form");
        browser.js("document.getElementById('sign-in-sso-pemda').click()");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
        wait.until(d -> d.getCurrentUrl().startsWith(provider.issuer() + "/login"));
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(TestIdentityProvider.PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(BASE) && !d.getCurrentUrl().contains("/login/oauth2/code"));
    }
}
