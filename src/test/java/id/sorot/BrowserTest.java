package id.sorot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test of what a person sees: Sorot on a free port and one headless Chromium at 1920x1080 per class. */
public abstract class BrowserTest extends SorotTest {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = new Browser(1920, 1080);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }
}
