package id.sorot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Browser;
import id.sorot.SorotTest;
import id.sorot.access.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every dashboard on a laptop screen (1366x768): nothing sticks out to the right, so the page never
 * scrolls sideways; charts, grids, tiles and filters fit the width; and the first chart is big
 * enough to read.
 */
class LaptopLayoutTest extends SorotTest {

    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser(1366, 768);
    }

    @BeforeEach
    void signIn() {
        browser.signInAs(user(Role.ADMIN), PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "laptop-akip, /akip?tahun=2024, akip-grid",
        "laptop-weak, /akip/lemah?tahun=2024, weak-grid",
        "laptop-profile, /opd/4.01.01?tahun=2024, profile-komponen-grid",
        "laptop-ikm, /ikm?tahun=2024, ikm-grid",
        "laptop-deviasi, /deviasi?tahun=2024, deviasi-grid",
        "laptop-impor, /impor, import-upload"
    })
    void fits_a_laptop_screen(String name, String path, String readyId) throws Exception {
        browser.open(baseUrl() + path, readyId);
        browser.screenshot(name);

        Number viewport = (Number) browser.js("return window.innerWidth;");
        assertThat(viewport.intValue()).as("viewport width").isBetween(1300, 1366);
        Number page = (Number) browser.js("return document.documentElement.scrollWidth;");
        assertThat(page.intValue()).as("page width on %s", path).isLessThanOrEqualTo(viewport.intValue());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sticking = (List<Map<String, Object>>)
                browser.js("return [...document.querySelectorAll('sorot-chart, vaadin-grid, .sorot-tile, vaadin-select,"
                        + " vaadin-button, vaadin-number-field, vaadin-multi-select-combo-box, vaadin-upload')]"
                        + ".filter(e => e.offsetParent).map(e => ({id: e.id || e.className || e.tagName,"
                        + " left: e.getBoundingClientRect().left, right: e.getBoundingClientRect().right}))"
                        + ".filter(r => r.left < -1 || r.right > window.innerWidth + 1);");
        assertThat(sticking).as("elements past the right edge on %s", path).isEmpty();

        if (!name.equals("laptop-impor")) {
            Number chartWidth = (Number) browser.js(
                    "const c = document.querySelector('sorot-chart'); return c ? c.getBoundingClientRect().width : 0;");
            assertThat(chartWidth.doubleValue())
                    .as("first chart width on %s", path)
                    .isGreaterThan(500);
        }
    }
}
