package id.sorot;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (never a downloaded browser), with
 * the flags that keep it off the network. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final Path profile;
    private final Path downloads;

    public Browser(int width, int height) throws IOException {
        String chromium = System.getenv().getOrDefault("SOROT_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("SOROT_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver (" + chromium
                    + ", " + chromedriver + "); ./sorot test installs them");
        }
        profile = Files.createTempDirectory("sorot-chromium-");
        downloads = Files.createTempDirectory("sorot-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "profile.default_content_setting_values.automatic_downloads",
                        1));
        options.setBinary(chromium);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--lang=id-ID");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /**
     * Waits for the browser to finish saving {@code fileName} (a real download, through the
     * browser's own download manager) and returns it, moved aside so the next one is fresh.
     */
    public Path download(String fileName) throws IOException {
        Path file = downloads.resolve(fileName);
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> {
            try (var files = Files.list(downloads)) {
                return Files.exists(file) && files.noneMatch(f -> f.toString().endsWith(".crdownload"));
            } catch (IOException e) {
                return false;
            }
        });
        Path taken = Files.createTempDirectory("sorot-downloaded-").resolve(fileName);
        Files.move(file, taken);
        return taken;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page and waits until the element {@code readyId} is there and Vaadin has no request in flight. */
    public void open(String url, String readyId) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(js("return !!document.getElementById(arguments[0]);", readyId)));
        settle();
    }

    public void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(
                        js("return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                                + " && Object.keys(window.Vaadin.Flow.clients).length > 0"
                                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive()))")));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Every visible row of a vaadin-grid, as the text in each cell, top to bottom. */
    @SuppressWarnings("unchecked")
    public List<List<String>> gridRows(String gridId) {
        return (List<List<String>>) js(
                "const g = document.getElementById(arguments[0]);"
                        + "return [...g.shadowRoot.querySelectorAll('#items tr')].filter(tr => !tr.hidden && tr.offsetParent)"
                        + ".map(tr => [...tr.querySelectorAll('td')].map(td => { const s = td.querySelector('slot');"
                        + " const n = s && s.assignedElements()[0]; return n ? n.textContent.trim() : ''; }));",
                gridId);
    }

    /** The page's address now (after in-app navigation too). */
    public String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until {@code condition} (a JS expression) is true, then for Vaadin to settle. */
    public void waitUntil(String condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(js("return !!(" + condition + ");")));
        settle();
    }

    /** Clicks the link with this text inside the element {@code id}, and waits for the view {@code readyId}. */
    public void clickLink(String id, String text, String readyId) {
        js(
                "const a = [...document.getElementById(arguments[0]).querySelectorAll('a')]"
                        + ".find(a => a.textContent.trim() === arguments[1]); a.scrollIntoView(); a.click();",
                id,
                text);
        waitUntil("document.getElementById('" + readyId + "')");
    }

    /** Sets a Vaadin field's value as a user would (the server sees it as coming from the client). */
    public void setValue(String id, String value) {
        js(
                "const f = document.getElementById(arguments[0]); f.value = arguments[1];"
                        + " f.dispatchEvent(new CustomEvent('change', {bubbles: true}));",
                id,
                value);
        settle();
    }

    /** Evaluates {@code expression} over the ECharts option {@code o} of the chart {@code id}. */
    public Object chart(String id, String expression) {
        return js("const o = document.getElementById(arguments[0]).chart.getOption(); return " + expression + ";", id);
    }

    public String text(String id) {
        return (String) js("const e = document.getElementById(arguments[0]); return e ? e.innerText : null;", id);
    }

    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
