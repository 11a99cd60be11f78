package id.sorot;

import id.sorot.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A test of what a person sees: Sorot on a free port and one headless Chromium at 1920x1080 per class. */
public abstract class BrowserTest extends SorotTest {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = new Browser(1920, 1080);
    }

    /** Signed in as the admin, who sees every pemda, unless a test signs in as someone else. */
    @BeforeEach
    void signInAsAdmin() {
        browser.signInAs(user(Role.ADMIN), PASSWORD);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }
}
